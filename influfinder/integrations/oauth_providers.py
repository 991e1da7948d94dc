"""The four sign-in providers and the OAuth 2.0 authorization-code flow with them (authlib's httpx client).

Each provider is its endpoints, scopes and a reader that turns its answer into an ExternalIdentity.
A provider is enabled when its client id and secret are set; <PROVIDER>_AUTHORIZE_URL, _TOKEN_URL
and _USERINFO_URL move its endpoints (the tests point them at a local server).

Google is read through OpenID Connect's userinfo endpoint with the access token we just received
from its token endpoint over TLS, so no id_token signature needs checking.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from authlib.common.urls import add_params_to_qs
from authlib.integrations.httpx_client import AsyncOAuth2Client

from influfinder.domain.oauth_identity import LABELS, ExternalIdentity
from influfinder.settings import get_settings

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0
FACEBOOK_GRAPH = "https://graph.facebook.com/v23.0"


class ProviderError(Exception):
    """The provider refused the exchange or answered something we cannot use. Logged, never shown."""


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _google(body: dict) -> ExternalIdentity:
    verified = body.get("email_verified")
    return ExternalIdentity(
        provider="google", subject=_text(body.get("sub")), email=_text(body.get("email")) or None,
        email_verified=verified is True or verified == "true", name=_text(body.get("name")),
    )


def _facebook(body: dict) -> ExternalIdentity:
    # Facebook does not say whether the address was confirmed, so it never counts as verified.
    return ExternalIdentity(provider="facebook", subject=_text(body.get("id")),
                            email=_text(body.get("email")) or None, name=_text(body.get("name")))


def _instagram(body: dict) -> ExternalIdentity:
    username = _text(body.get("username"))
    return ExternalIdentity(provider="instagram", subject=_text(body.get("id") or body.get("user_id")),
                            name=username, handle=username or None)


def _tiktok(body: dict) -> ExternalIdentity:
    error = body.get("error") or {}
    if isinstance(error, dict) and error.get("code") not in (None, "", "ok"):
        raise ProviderError(f"tiktok user info error {error.get('code')!r}")
    user = (body.get("data") or {}).get("user") or {}
    return ExternalIdentity(provider="tiktok", subject=_text(user.get("open_id")),
                            name=_text(user.get("display_name")), handle=_text(user.get("username")) or None)


def _tiktok_client_key(client, _method, uri, headers, body):
    """TikTok names the client id `client_key`, at the token endpoint as in the authorization link."""
    body = add_params_to_qs(body or "", [("client_key", client.client_id), ("client_secret", client.client_secret)])
    return uri, headers, body


@dataclass(frozen=True)
class Provider:
    name: str
    authorize_url: str
    token_url: str
    userinfo_url: str
    scope: str
    read: Callable[[dict], ExternalIdentity]
    userinfo_params: dict[str, str] = field(default_factory=dict)
    pkce: bool = True
    token_auth: str = "client_secret_post"
    token_in_query: bool = False  # the Graph APIs take the access token as a query parameter
    authorize_params: dict[str, str] = field(default_factory=dict)
    client_id: str = ""
    client_secret: str = ""
    # Connecting an account for its audience figures (integrations/audience_api): read-only scopes, the API
    api_url: str = ""
    connect_scope: str = ""

    @property
    def label(self) -> str:
        return LABELS[self.name]


PROVIDERS: dict[str, Provider] = {
    "google": Provider(
        name="google", scope="openid email profile", read=_google,
        authorize_url="https://accounts.google.com/o/oauth2/v2/auth",
        token_url="https://oauth2.googleapis.com/token",
        userinfo_url="https://openidconnect.googleapis.com/v1/userinfo",
        authorize_params={"prompt": "select_account"},
    ),
    "facebook": Provider(
        name="facebook", scope="email public_profile", read=_facebook, token_in_query=True,
        authorize_url="https://www.facebook.com/v23.0/dialog/oauth",
        token_url=f"{FACEBOOK_GRAPH}/oauth/access_token",
        userinfo_url=f"{FACEBOOK_GRAPH}/me", userinfo_params={"fields": "id,name,email"},
        api_url=FACEBOOK_GRAPH, connect_scope="public_profile,pages_show_list,pages_read_engagement",
    ),
    "instagram": Provider(
        # Instagram API with Instagram Login (the Basic Display API it replaces ended in December 2024).
        name="instagram", scope="instagram_business_basic", read=_instagram, token_in_query=True, pkce=False,
        authorize_url="https://www.instagram.com/oauth/authorize",
        token_url="https://api.instagram.com/oauth/access_token",
        userinfo_url="https://graph.instagram.com/me", userinfo_params={"fields": "id,username"},
        api_url="https://graph.instagram.com", connect_scope="instagram_business_basic",
    ),
    "tiktok": Provider(
        # TikTok Login Kit, OAuth 2.0 v2. Its scopes are separated by commas.
        name="tiktok", scope="user.info.basic,user.info.profile", read=_tiktok, token_auth="tiktok_client_key",
        authorize_url="https://www.tiktok.com/v2/auth/authorize/",
        token_url="https://open.tiktokapis.com/v2/oauth/token/",
        userinfo_url="https://open.tiktokapis.com/v2/user/info/",
        userinfo_params={"fields": "open_id,display_name,username"},
        api_url="https://open.tiktokapis.com", connect_scope="user.info.basic,user.info.profile,user.info.stats",
    ),
}


def enabled() -> list[Provider]:
    """The providers whose client id and secret are set, with the endpoint overrides applied."""
    configured = get_settings().oauth_providers
    found = []
    for name, base in PROVIDERS.items():
        conf = configured[name]
        if conf.enabled:
            found.append(replace(
                base, client_id=conf.client_id, client_secret=conf.client_secret,
                authorize_url=conf.authorize_url or base.authorize_url, token_url=conf.token_url or base.token_url,
                userinfo_url=conf.userinfo_url or base.userinfo_url, api_url=conf.api_url or base.api_url,
            ))
    return found


def get(name: object) -> Provider | None:
    """The enabled provider of that name, or None (unknown, or not configured here)."""
    return next((p for p in enabled() if p.name == name), None)


def for_connecting(provider: Provider) -> Provider:
    """The same provider asking, on its consent page, to read the account's figures (read-only)."""
    return replace(provider, scope=provider.connect_scope)


def _client(provider: Provider, redirect_uri: str = "") -> AsyncOAuth2Client:
    client = AsyncOAuth2Client(
        client_id=provider.client_id, client_secret=provider.client_secret, scope=provider.scope,
        redirect_uri=redirect_uri, token_endpoint_auth_method=provider.token_auth,
        code_challenge_method="S256" if provider.pkce else None, timeout=TIMEOUT_SECONDS,
    )
    client.register_client_auth_method(("tiktok_client_key", _tiktok_client_key))
    return client


def authorization_url(provider: Provider, *, redirect_uri: str, state: str, code_verifier: str) -> str:
    """Where to send the browser: the provider's consent page, which comes back with a code."""
    extra = dict(provider.authorize_params)
    if provider.name == "tiktok":
        extra["client_key"] = provider.client_id
    client = _client(provider, redirect_uri)
    url, _ = client.create_authorization_url(
        provider.authorize_url, state=state, code_verifier=code_verifier if provider.pkce else None, **extra,
    )
    return url


async def identity(provider: Provider, *, code: str, redirect_uri: str, code_verifier: str) -> ExternalIdentity:
    """Exchange the code for an access token, then ask who signed in. Raises ProviderError."""
    try:
        async with _client(provider, redirect_uri) as client:
            token = await _fetch_token(client, provider, code, code_verifier)
            body = await _userinfo(client, provider, token.get("access_token"))
    except ProviderError:
        raise
    except Exception as error:  # noqa: BLE001 - a refusal, a network or HTTP error, bad JSON: the provider failed
        raise ProviderError(f"{provider.name}: {type(error).__name__}: {error}") from error
    found = provider.read(body)
    if not found.subject:
        raise ProviderError(f"{provider.name}: the user info has no user id")
    return found


async def exchange_code(provider: Provider, *, code: str, redirect_uri: str, code_verifier: str) -> dict:
    """The provider's token answer for an authorization code. Raises ProviderError."""
    try:
        async with _client(provider, redirect_uri) as client:
            return dict(await _fetch_token(client, provider, code, code_verifier))
    except Exception as error:  # noqa: BLE001 - a refusal, a network or HTTP error, bad JSON: the provider failed
        raise ProviderError(f"{provider.name}: {type(error).__name__}: {error}") from error


async def refresh_token(provider: Provider, refresh_token: str) -> dict:
    """A new token answer for a refresh token (TikTok gives them). Raises authlib's OAuthError on a refusal."""
    async with _client(provider) as client:
        return dict(await client.refresh_token(provider.token_url, refresh_token=refresh_token))


async def _fetch_token(client: AsyncOAuth2Client, provider: Provider, code: str, code_verifier: str):
    extra = {"code_verifier": code_verifier} if provider.pkce else {}
    return await client.fetch_token(provider.token_url, code=code, **extra)


async def _userinfo(client: AsyncOAuth2Client, provider: Provider, access_token: object) -> dict:
    if not isinstance(access_token, str) or not access_token:
        raise ProviderError(f"{provider.name}: the token response has no access token")
    params = dict(provider.userinfo_params)
    headers = {"Accept": "application/json"}
    if provider.token_in_query:
        params["access_token"] = access_token
    else:
        headers["Authorization"] = f"Bearer {access_token}"
    response = await client.request("GET", provider.userinfo_url, params=params, headers=headers, withhold_token=True)
    response.raise_for_status()
    body = response.json()
    if not isinstance(body, dict):
        raise ProviderError(f"{provider.name}: the user info is not a JSON object")
    return body
