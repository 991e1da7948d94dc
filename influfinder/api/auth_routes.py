"""HTTP routes that set and clear the session cookie, and serve public avatars.

A WebSocket cannot set an HttpOnly cookie, so after a successful login the page navigates to
/auth/complete with a one-minute grant; this route exchanges it once for the session token.
The full page load that follows reconnects the socket with the new cookie.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from influfinder.i18n.choice import COOKIE as LANGUAGE_COOKIE, COOKIE_MAX_AGE as LANGUAGE_COOKIE_MAX_AGE
from influfinder.services import sessions
from influfinder.services.language_choice import saved_language
from influfinder.services.unit_of_work import Credentials, call


def safe_next(value: str | None) -> str:
    """Only same-site paths: never //host or a scheme, so a link cannot send people elsewhere."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def site_url(path: str) -> str:
    """An absolute URL on the site: in development the frontend and this backend differ in port."""
    from influfinder.settings import get_settings

    return get_settings().public_url.rstrip("/") + path


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


async def complete_login(request: Request) -> Response:
    grant = request.query_params.get("grant", "")
    target = safe_next(request.query_params.get("next"))
    activated = await asyncio.to_thread(sessions.activate_grant, grant)
    if activated is None:
        return no_store(RedirectResponse(site_url("/login?expired=1"), status_code=303))
    token, record = activated
    response = RedirectResponse(site_url(target), status_code=303)
    response.set_cookie(
        sessions.COOKIE_NAME, token, httponly=True, samesite="lax", secure=sessions.cookie_is_secure(), path="/",
        max_age=int(sessions.IDLE_REMEMBERED.total_seconds()) if record.remember else None,
    )
    # The language saved on the account follows the user to this browser (the redirect reads it).
    language = await asyncio.to_thread(call, Credentials(session_token=token), saved_language)
    if language:
        response.set_cookie(LANGUAGE_COOKIE, language, samesite="lax", path="/", max_age=LANGUAGE_COOKIE_MAX_AGE)
    return no_store(response)


async def sign_out(request: Request) -> Response:
    """Ends the session named by the cookie (if any) and clears the cookie."""
    await asyncio.to_thread(sessions.end, request.cookies.get(sessions.COOKIE_NAME))
    target = safe_next(request.query_params.get("next") or "/login?signed_out=1")
    response = RedirectResponse(site_url(target), status_code=303)
    response.delete_cookie(sessions.COOKIE_NAME, path="/", httponly=True, samesite="lax")
    return no_store(response)


async def avatar(request: Request) -> Response:
    from influfinder.integrations import storage

    key = "avatars/" + request.path_params["name"]
    try:
        path = storage.open_path(key)
    except (ValueError, FileNotFoundError):
        return PlainTextResponse("Not found", status_code=404)
    if not path.is_file():
        return PlainTextResponse("Not found", status_code=404)
    response = FileResponse(path, media_type="image/webp" if key.endswith(".webp") else None)
    response.headers["Cache-Control"] = "public, max-age=86400, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


routes = [
    Route("/auth/complete", complete_login),
    Route("/auth/signout", sign_out),
    Route("/media/avatars/{name}", avatar),
]
