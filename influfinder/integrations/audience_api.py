"""Reading a connected account's audience from the provider's API (read-only), and the token chores.

    Instagram API with Instagram Login: GET /me?fields=user_id,username,name,followers_count,follows_count,
        media_count and GET /me/media?fields=like_count,comments_count (the latest posts). Short-lived
        tokens are swapped for 60-day ones (ig_exchange_token) and renewed (ig_refresh_token).
    TikTok Display API: GET /v2/user/info/?fields=...follower_count,following_count,likes_count,
        video_count,is_verified (bearer token). Access tokens last a day; refresh tokens a year.
    Facebook: GET /me/accounts?fields=id,name,username,followers_count,fan_count, the Pages the
        person manages (the one with most followers counts). Long-lived user token, no refresh token.

Every failure becomes an AudienceError whose `kind` is one of domain.verified_audience's
(expired, revoked, rate_limited with Retry-After, malformed, unavailable); never a traceback.
"""

from __future__ import annotations

import email.utils
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import httpx
from authlib.integrations.base_client.errors import OAuthError

from influfinder.domain.verified_audience import (
    EXPIRED, MALFORMED, RATE_LIMITED, REVOKED, UNAVAILABLE, Figures, engagement_from_totals, engagement_per_post,
)
from influfinder.integrations import oauth_providers
from influfinder.integrations.oauth_providers import Provider

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0
RENEW_BEFORE = timedelta(days=7)  # renew an Instagram token when it has less than this left
_GRAPH_RATE_LIMIT_CODES = {4, 17, 32, 613}
_GRAPH_EXPIRED_SUBCODES = {463, 467}


class AudienceError(Exception):
    def __init__(self, kind: str, detail: str, retry_after: timedelta | None = None) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind, self.detail, self.retry_after = kind, detail, retry_after


@dataclass(frozen=True)
class Token:
    access_token: str
    refresh_token: str | None = None
    expires_at: datetime | None = None


@dataclass(frozen=True)
class Reading:
    external_id: str
    figures: Figures
    token: Token  # the token that worked: a renewed one replaces the stored one


def token_from(answer: dict, previous: Token | None = None) -> Token:
    """A provider's token answer as a Token; a refresh that names no new refresh token keeps the old."""
    access = answer.get("access_token")
    if not isinstance(access, str) or not access:
        raise AudienceError(MALFORMED, "the token answer has no access token")
    expires_in = answer.get("expires_in")
    expires_at = (datetime.now(timezone.utc) + timedelta(seconds=int(expires_in))
                  if isinstance(expires_in, (int, float)) and expires_in > 0 else None)
    refresh = answer.get("refresh_token")
    kept = previous.refresh_token if previous else None
    return Token(access, refresh if isinstance(refresh, str) and refresh else kept, expires_at)


async def first_token(provider: Provider, answer: dict) -> Token:
    """The token to keep after connecting: Instagram's and Facebook's short-lived ones become long-lived."""
    token = token_from(answer)
    if provider.name == "instagram":
        body = await _get(provider, "/access_token", {"grant_type": "ig_exchange_token",
                                                      "client_secret": provider.client_secret}, token)
        return token_from(body)
    if provider.name == "facebook":
        body = await _get(provider, "/oauth/access_token", {
            "grant_type": "fb_exchange_token", "client_id": provider.client_id,
            "client_secret": provider.client_secret, "fb_exchange_token": token.access_token}, None)
        return token_from(body)
    return token


async def read(provider: Provider, token: Token) -> Reading:
    """The account's figures now, renewing the token first when it is due and once more if refused."""
    token = await _renew_if_due(provider, token)
    try:
        return await _read_with(provider, token)
    except AudienceError as error:
        if error.kind != EXPIRED or not token.refresh_token:
            raise
    return await _read_with(provider, await _refresh(provider, token))


async def revoke(provider: Provider, token: Token) -> None:
    """Tell the provider we are done with this token. Best effort: logged, never raised."""
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT_SECONDS) as client:
            if provider.name == "tiktok":
                response = await client.post(provider.api_url + "/v2/oauth/revoke/", data={
                    "client_key": provider.client_id, "client_secret": provider.client_secret,
                    "token": token.access_token})
            elif provider.name == "facebook":
                response = await client.delete(provider.api_url + "/me/permissions",
                                               params={"access_token": token.access_token})
            else:  # Instagram API with Instagram Login has no revoke endpoint: deleting the token is all we can do
                return
        if response.status_code >= 400:
            log.warning("revoking a %s token: HTTP %s", provider.name, response.status_code)
    except httpx.HTTPError as error:
        log.warning("revoking a %s token failed: %s", provider.name, error)


# --- reading -----------------------------------------------------------------------------------


async def _read_with(provider: Provider, token: Token) -> Reading:
    reader = {"instagram": _instagram, "tiktok": _tiktok, "facebook": _facebook}[provider.name]
    try:
        external_id, figures = await reader(provider, token)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise AudienceError(MALFORMED, f"{provider.name}: {type(error).__name__}: {error}") from error
    if not external_id:
        raise AudienceError(MALFORMED, f"{provider.name}: no account id")
    return Reading(external_id, figures, token)


async def _instagram(provider: Provider, token: Token) -> tuple[str, Figures]:
    me = await _get(provider, "/me", {"fields": "id,user_id,username,name,followers_count,follows_count,media_count"},
                    token)
    media = await _get(provider, "/me/media", {"fields": "like_count,comments_count", "limit": "30"}, token)
    followers = _count(me["followers_count"])
    interactions = [_count(m.get("like_count", 0)) + _count(m.get("comments_count", 0)) for m in media["data"]]
    return _text(me.get("id") or me.get("user_id")), Figures(
        handle=_text(me.get("username")), display_name=_text(me.get("name")), followers=followers,
        following=_count(me["follows_count"]) if "follows_count" in me else None, posts=_count(me["media_count"]),
        provider_verified=None,  # not exposed by the Instagram API with Instagram Login
        engagement=engagement_per_post(followers, interactions),
    )


async def _tiktok(provider: Provider, token: Token) -> tuple[str, Figures]:
    fields = "open_id,username,display_name,is_verified,follower_count,following_count,likes_count,video_count"
    body = await _get(provider, "/v2/user/info/", {"fields": fields}, token, bearer=True)
    user = body["data"]["user"]
    followers, videos = _count(user["follower_count"]), _count(user["video_count"])
    verified = user.get("is_verified")
    return _text(user.get("open_id")), Figures(
        handle=_text(user.get("username")), display_name=_text(user.get("display_name")), followers=followers,
        following=_count(user["following_count"]) if "following_count" in user else None, posts=videos,
        provider_verified=verified if isinstance(verified, bool) else None,
        engagement=engagement_from_totals(followers, _count(user.get("likes_count", 0)), videos),
    )


async def _facebook(provider: Provider, token: Token) -> tuple[str, Figures]:
    body = await _get(provider, "/me/accounts", {"fields": "id,name,username,followers_count,fan_count"}, token)
    pages = body["data"]
    if not isinstance(pages, list) or not pages:
        raise AudienceError(MALFORMED, "facebook: the person manages no Page we may read")
    page = max(pages, key=lambda p: _count(p.get("followers_count", p.get("fan_count", 0))))
    followers = _count(page.get("followers_count", page.get("fan_count")))
    return _text(page.get("id")), Figures(
        handle=_text(page.get("username")) or _text(page.get("name")), display_name=_text(page.get("name")),
        followers=followers, following=None, posts=0, provider_verified=None, engagement=None,
    )


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"not a count: {value!r}")
    return value


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


# --- tokens ------------------------------------------------------------------------------------


async def _renew_if_due(provider: Provider, token: Token) -> Token:
    now = datetime.now(timezone.utc)
    if token.expires_at is None:
        return token
    if provider.name == "instagram" and token.expires_at - now < RENEW_BEFORE:
        body = await _get(provider, "/refresh_access_token", {"grant_type": "ig_refresh_token"}, token)
        return token_from(body)
    if token.refresh_token and token.expires_at <= now:
        return await _refresh(provider, token)
    return token


async def _refresh(provider: Provider, token: Token) -> Token:
    try:
        answer = await oauth_providers.refresh_token(provider, token.refresh_token or "")
    except OAuthError as error:  # invalid_grant: the refresh token expired or access was withdrawn
        raise AudienceError(REVOKED if error.error == "invalid_grant" else EXPIRED,
                            f"{provider.name} refused the refresh: {error.error}") from error
    except httpx.HTTPError as error:
        raise AudienceError(UNAVAILABLE, f"{provider.name} refresh: {error}") from error
    except ValueError as error:
        raise AudienceError(MALFORMED, f"{provider.name} refresh: {error}") from error
    return token_from(answer, token)


# --- HTTP --------------------------------------------------------------------------------------


async def _get(provider: Provider, path: str, params: dict[str, str], token: Token | None, *,
               bearer: bool = False) -> dict:
    headers = {"Accept": "application/json"}
    params = dict(params)
    if token is not None and bearer:
        headers["Authorization"] = f"Bearer {token.access_token}"
    elif token is not None:
        params["access_token"] = token.access_token  # the Graph APIs take it as a query parameter
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT_SECONDS) as client:
            response = await client.get(provider.api_url + path, params=params, headers=headers)
    except httpx.HTTPError as error:
        raise AudienceError(UNAVAILABLE, f"{provider.name}: {type(error).__name__}: {error}") from error
    return read_answer(provider.name, response)


def read_answer(name: str, response: httpx.Response) -> dict:
    """The JSON object a provider answered, or the AudienceError its failure means."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code == 429:
        raise AudienceError(RATE_LIMITED, f"{name}: HTTP 429", _retry_after(response.headers.get("retry-after")))
    failure = _failure(name, response.status_code, body if isinstance(body, dict) else {})
    if failure is not None:
        raise failure
    if response.status_code >= 500:
        raise AudienceError(UNAVAILABLE, f"{name}: HTTP {response.status_code}")
    if response.status_code >= 400:  # 401: the token; 403: the permission; anything else: retried later
        kind = {401: EXPIRED, 403: REVOKED}.get(response.status_code, MALFORMED)
        raise AudienceError(kind, f"{name}: HTTP {response.status_code}")
    if not isinstance(body, dict):
        raise AudienceError(MALFORMED, f"{name}: the answer is not a JSON object")
    return body


def _failure(name: str, status: int, body: dict) -> AudienceError | None:
    """The error a provider names in its body (Graph: error.code; TikTok: error.code other than "ok")."""
    error = body.get("error")
    if not isinstance(error, dict):
        return None
    code = error.get("code")
    if name == "tiktok":
        if code in (None, "", "ok"):
            return None
        kind = {"access_token_invalid": EXPIRED, "scope_not_authorized": REVOKED,
                "rate_limit_exceeded": RATE_LIMITED}.get(code, MALFORMED if status < 400 else UNAVAILABLE)
        return AudienceError(kind, f"tiktok: {code}")
    if code == 190:
        return AudienceError(EXPIRED if error.get("error_subcode") in _GRAPH_EXPIRED_SUBCODES else REVOKED,
                             f"{name}: OAuthException {error.get('error_subcode')}")
    if code in _GRAPH_RATE_LIMIT_CODES:
        return AudienceError(RATE_LIMITED, f"{name}: rate limit code {code}")
    if code == 10 or code == 200:
        return AudienceError(REVOKED, f"{name}: permission missing (code {code})")
    return None


def _retry_after(value: str | None) -> timedelta | None:
    """Retry-After as seconds or as an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return timedelta(seconds=int(value.strip()))
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(moment - datetime.now(timezone.utc), timedelta(0))
