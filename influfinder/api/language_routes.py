"""GET /language?to=en&next=/offers: the switcher's choice kept in the `lang` cookie, then that page in it.

An HTTP route sets the cookie because the pages' Content-Security-Policy runs no script the server
sends (api/security_headers.py); the switcher leaves the single-page app for this address.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from influfinder.api.auth_routes import no_store, safe_next, site_url
from influfinder.i18n import LANGUAGES
from influfinder.i18n.choice import COOKIE, COOKIE_MAX_AGE
from influfinder.i18n.routes import localized
from influfinder.services import sessions


def remember_language(response: Response, lang: str) -> None:
    response.set_cookie(COOKIE, lang, samesite="lax", path="/", max_age=COOKIE_MAX_AGE,
                        secure=sessions.cookie_is_secure())


async def choose_language(request: Request) -> Response:
    lang = request.query_params.get("to")
    target = safe_next(request.query_params.get("next"))
    if lang not in LANGUAGES:
        return no_store(RedirectResponse(site_url(target), status_code=303))
    response = RedirectResponse(site_url(localized(target, lang)), status_code=303)
    remember_language(response, lang)
    return no_store(response)


routes = [Route("/language", choose_language, methods=["GET"])]
