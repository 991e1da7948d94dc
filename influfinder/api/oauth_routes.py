"""Sign in or sign up with Google, Facebook, Instagram or TikTok: two HTTP routes.

GET /auth/oauth/{provider}/start?role=creator|business|agency&next=/path
    Keeps a random state, the PKCE verifier, the role and the next path in a short-lived signed
    HttpOnly cookie (so the flow is bound to this browser) and sends the browser to the provider.
GET /auth/oauth/{provider}/callback?code=...&state=...
    Checks the state against that cookie, exchanges the code, asks the provider who signed in, lets
    services.oauth_accounts find, link or create the account, then finishes like a password login:
    a one-minute grant exchanged at /auth/complete, which sets the session cookie.

Every failure lands on /login with a code that the page turns into a sentence, and changes nothing.

GET /auth/oauth/{instagram|tiktok|facebook}/connect
    For a signed-in creator: the same flow with read-only insight scopes, marked "connect" in the
    cookie. Its callback (the same URL, so the operator registers one) reads the account's figures
    and keeps them (services.connected_accounts), then lands on /settings with a code.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
import urllib.parse

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from influfinder.api.auth_routes import account_language, no_store, safe_next, signed_in_response, site_url
from influfinder.api.request_actor import caller
from influfinder.integrations import audience_api, oauth_providers
from influfinder.services import connected_accounts, oauth_accounts, sessions, sign_in
from influfinder.settings import get_settings

log = logging.getLogger(__name__)

FLOW_COOKIE = "influfinder_oauth"
FLOW_PATH = "/auth/oauth/"
FLOW_SECONDS = 600  # time to get through the provider's consent page


def callback_path(provider: str) -> str:
    return f"/auth/oauth/{provider}/callback"


def _callback_url(request: Request, provider: str) -> str:
    """The redirect URI registered with the provider: PUBLIC_URL in production; in development the
    backend's own address, since the development frontend does not serve these routes."""
    settings = get_settings()
    base = settings.public_url if settings.is_production else str(request.base_url)
    return base.rstrip("/") + callback_path(provider)


def _mac(body: str) -> str:
    key = get_settings().secret_key.encode("utf-8")
    return hmac.new(key, b"oauth-flow\n" + body.encode("ascii"), hashlib.sha256).hexdigest()


def _seal(flow: dict) -> str:
    body = base64.urlsafe_b64encode(json.dumps(flow, separators=(",", ":")).encode()).decode("ascii")
    return f"{body}.{_mac(body)}"


def _open(value: str | None) -> dict | None:
    """The flow this browser started, if the cookie is ours, whole and not expired."""
    if not value or len(value) > 2000 or "." not in value:
        return None
    body, mac = value.rsplit(".", 1)
    if not hmac.compare_digest(mac, _mac(body)):
        return None
    try:
        flow = json.loads(base64.urlsafe_b64decode(body.encode("ascii")))
    except ValueError:
        return None
    return flow if isinstance(flow, dict) and flow.get("exp", 0) > time.time() else None


def _forget_flow(response: Response) -> Response:
    response.delete_cookie(FLOW_COOKIE, path=FLOW_PATH, httponly=True, samesite="lax")
    return no_store(response)


def _to_login(code: str, provider: str) -> Response:
    query = urllib.parse.urlencode({"oauth_error": code, "provider": provider})
    return _forget_flow(RedirectResponse(site_url(f"/login?{query}"), status_code=303))


async def start(request: Request) -> Response:
    name = request.path_params["provider"]
    provider = oauth_providers.get(name)
    if provider is None:
        return _to_login("unavailable", name)
    return _to_provider(request, provider, {
        "role": oauth_accounts.role_from(request.query_params.get("role")).value,
        "next": safe_next(request.query_params.get("next")),
    })


def _to_provider(request: Request, provider, details: dict) -> Response:
    """To the provider's consent page, the flow (state, PKCE verifier, `details`) kept in the cookie."""
    flow = {"provider": provider.name, "state": secrets.token_urlsafe(32), "verifier": secrets.token_urlsafe(64),
            "exp": int(time.time()) + FLOW_SECONDS, **details}
    url = oauth_providers.authorization_url(provider, redirect_uri=_callback_url(request, provider.name),
                                            state=flow["state"], code_verifier=flow["verifier"])
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(FLOW_COOKIE, _seal(flow), max_age=FLOW_SECONDS, path=FLOW_PATH, httponly=True,
                        samesite="lax", secure=sessions.cookie_is_secure())
    return no_store(response)


async def callback(request: Request) -> Response:
    name = request.path_params["provider"]
    params = request.query_params
    if params.get("error"):
        log.info("oauth %s: the provider answered error=%r", name, params.get("error")[:100])
        if (_open(request.cookies.get(FLOW_COOKIE)) or {}).get("purpose") == "connect":
            return _to_settings("denied" if params.get("error") == "access_denied" else "provider", name)
        return _to_login("denied" if params.get("error") == "access_denied" else "provider", name)
    flow = _open(request.cookies.get(FLOW_COOKIE))
    state = params.get("state", "")
    if flow is None or flow.get("provider") != name or not hmac.compare_digest(state, str(flow.get("state", ""))):
        return _to_login("state", name)
    provider = oauth_providers.get(name)
    if provider is None:
        return _to_login("unavailable", name)
    if flow.get("purpose") == "connect":
        return await _finish_connect(request, provider, flow, params.get("code", ""))
    if not params.get("code"):
        return _to_login("provider", name)
    try:
        identity = await oauth_providers.identity(provider, code=params["code"], code_verifier=flow["verifier"],
                                                  redirect_uri=_callback_url(request, name))
    except oauth_providers.ProviderError as error:
        log.warning("oauth %s: sign-in failed: %s", name, error)
        return _to_login("provider", name)
    door = caller(request)
    nonce = sessions.new_browser_nonce()  # this response is the browser: the grant never leaves the server
    try:
        grant, created = await door(sign_in.with_provider, identity, flow.get("role"), door.credentials.client_ip,
                                    door.credentials.user_agent, nonce)
    except oauth_accounts.SignInRefused as refused:
        return _to_login(refused.code, name)
    activated = await asyncio.to_thread(sessions.activate_grant, grant, nonce)
    if activated is None:
        return _to_login("provider", name)
    token, record = activated
    target = "/welcome" if created else safe_next(flow.get("next"))
    # The flow cookie bound this sign-in to this browser: the session is set here, no grant travels.
    return _forget_flow(signed_in_response(token, record, target, await account_language(token)))


# --- connecting an account for its audience figures -------------------------------------------------


def _to_settings(code: str, provider: str) -> Response:
    query = urllib.parse.urlencode({"connect": code, "provider": provider})
    return _forget_flow(RedirectResponse(site_url(f"/settings?{query}#connected-accounts"), status_code=303))


async def connect(request: Request) -> Response:
    name = request.path_params["provider"]
    provider = oauth_providers.get(name)
    if provider is None or not provider.connect_scope:
        return _to_settings("unavailable", name)
    door = caller(request)
    if not door.credentials.session_token:
        return no_store(RedirectResponse(site_url("/login?next=/settings"), status_code=303))
    try:
        user = await door(connected_accounts.can_connect, name)
    except connected_accounts.ConnectRefused as refused:
        return _to_settings(refused.code, name)
    return _to_provider(request, oauth_providers.for_connecting(provider), {"purpose": "connect", "user": user})


async def _finish_connect(request: Request, provider, flow: dict, code: str) -> Response:
    """The code becomes a (long-lived) token, the token the account's figures, kept for the signed-in creator."""
    if not code:
        return _to_settings("provider", provider.name)
    try:
        answer = await oauth_providers.exchange_code(provider, code=code, code_verifier=flow["verifier"],
                                                     redirect_uri=_callback_url(request, provider.name))
        reading = await audience_api.read(provider, await audience_api.first_token(provider, answer))
    except oauth_providers.ProviderError as error:
        log.warning("connect %s: the code exchange failed: %s", provider.name, error)
        return _to_settings("provider", provider.name)
    except audience_api.AudienceError as error:
        log.warning("connect %s: reading the figures failed: %s", provider.name, error)
        return _to_settings(error.kind, provider.name)
    try:
        await caller(request)(connected_accounts.connect, provider.name, reading, flow.get("user"))
    except connected_accounts.ConnectRefused as refused:
        return _to_settings(refused.code, provider.name)
    return _to_settings("connected", provider.name)


routes = [
    Route("/auth/oauth/{provider}/connect", connect),
    Route("/auth/oauth/{provider}/start", start),
    Route(callback_path("{provider}"), callback),
]
