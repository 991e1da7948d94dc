"""HTTP routes that set and clear the session cookie, and serve public avatars.

A WebSocket cannot set an HttpOnly cookie, so after a successful login the page navigates to
/auth/complete with a one-minute grant; this route exchanges it once for the session token, if
this browser's pre-login nonce cookie is the one the grant was made for (login CSRF: a grant
sent to someone else's browser is refused and burnt). The full page load that follows
reconnects the socket with the new cookie.

Log out is a POST from a page of this site (its Origin is checked): a link or an image elsewhere
cannot sign anyone out. GET /auth/signout only forgets a cookie whose session has already ended
(after "sign out everywhere" or deleting the account, which end it over the socket).
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


async def account_language(token: str) -> str | None:
    """The language saved on the account: it follows the user to this browser (the redirect reads it)."""
    return await asyncio.to_thread(call, Credentials(session_token=token), saved_language)


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def signed_in_response(token: str, record: sessions.SessionRecord, target: str, language: str | None = None) -> Response:
    """Go to `target` with the session cookie set (it lasts as long as a remembered session may), and the
    account's saved `language` (account_language) as the language cookie when there is one."""
    response = RedirectResponse(site_url(target), status_code=303)
    response.set_cookie(
        sessions.cookie_name(), token, httponly=True, samesite="lax", secure=sessions.cookie_is_secure(), path="/",
        max_age=int(sessions.lifetime(True).total_seconds()) if record.remember else None,
    )
    if language:
        response.set_cookie(LANGUAGE_COOKIE, language, samesite="lax", path="/", max_age=LANGUAGE_COOKIE_MAX_AGE)
    return no_store(response)


def set_nonce_cookie(response: Response) -> None:
    """The pre-login nonce: lives a day, is sent only by pages of this site (SameSite=Strict)."""
    response.set_cookie(sessions.nonce_cookie_name(), sessions.new_browser_nonce(), max_age=86400, path="/",
                        httponly=True, samesite="strict", secure=sessions.cookie_is_secure())


async def complete_login(request: Request) -> Response:
    grant = request.query_params.get("grant", "")
    target = safe_next(request.query_params.get("next"))
    nonce = request.cookies.get(sessions.nonce_cookie_name())
    activated = await asyncio.to_thread(sessions.activate_grant, grant, nonce)
    if activated is None:
        return no_store(RedirectResponse(site_url("/login?expired=1"), status_code=303))
    token, record = activated
    return signed_in_response(token, record, target, await account_language(token))


async def login_nonce(request: Request) -> Response:
    """Sets the pre-login nonce and goes back: for pages the backend did not serve (development)."""
    response = RedirectResponse(site_url(safe_next(request.query_params.get("next"))), status_code=303)
    if not sessions.valid_nonce(request.cookies.get(sessions.nonce_cookie_name())):
        set_nonce_cookie(response)
    return no_store(response)


def _from_this_site(request: Request) -> bool:
    """The POST came from a page of this site. Our pages send no referrer (Referrer-Policy:
    no-referrer), so browsers send `Origin: null` on their form posts; then the browser's own
    Sec-Fetch-Site, which no page can set, must say same-origin."""
    from influfinder.settings import get_settings

    origin = request.headers.get("origin")
    if origin in (None, "null"):
        return request.headers.get("sec-fetch-site") == "same-origin"
    return origin == get_settings().public_url.rstrip("/")


async def sign_out(request: Request) -> Response:
    """POST: ends the session named by the cookie (if any) and clears the cookie. GET: see above."""
    token = request.cookies.get(sessions.cookie_name())
    if request.method == "POST":
        if not _from_this_site(request):
            return no_store(PlainTextResponse("Log out from the site itself.", status_code=403))
        await asyncio.to_thread(sessions.end, token)
    elif await asyncio.to_thread(sessions.resolve, token) is not None:
        return no_store(RedirectResponse(site_url("/"), status_code=303))  # a live session stays signed in
    target = safe_next(request.query_params.get("next") or "/login?signed_out=1")
    response = RedirectResponse(site_url(target), status_code=303)
    response.delete_cookie(sessions.cookie_name(), path="/", httponly=True, samesite="lax",
                           secure=sessions.cookie_is_secure())
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
    Route("/auth/signout", sign_out, methods=["GET", "POST"]),
    Route("/auth/nonce", login_nonce),
    Route("/media/avatars/{name}", avatar),
]
