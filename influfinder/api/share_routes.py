"""/share/creators/<username> (and /en/share/...): a creator's profile for link previews.

Chat apps and social networks read a shared link's Open Graph tags from the HTML without running
scripts, and the app's pages are rendered by scripts. This route answers with those tags, filled on
the server from the public profile (services/creator_profiles.py), and sends people on to the page.
The link's path says its language, as the pages' paths do: Spanish plain, English under /en.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from influfinder.api.request_actor import credentials_from_request
from influfinder.services import unit_of_work
from influfinder.i18n.language import _, use_language
from influfinder.i18n.profile_summary import summary_line
from influfinder.i18n.routes import language_of_path, localized
from influfinder.services.creator_profiles import public_creator_profile
from influfinder.services.errors import ServiceError
from influfinder.settings import get_settings


def _page(title: str, description: str, url: str, lang: str) -> str:
    title, description, url = html.escape(title), html.escape(description), html.escape(url)
    return (
        f"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><meta name=\"description\" content=\"{description}\">"
        f"<meta property=\"og:type\" content=\"profile\"><meta property=\"og:title\" content=\"{title}\">"
        f"<meta property=\"og:description\" content=\"{description}\"><meta property=\"og:url\" content=\"{url}\">"
        "<meta property=\"og:site_name\" content=\"Influfinder\"><meta name=\"twitter:card\" content=\"summary\">"
        f"<link rel=\"canonical\" href=\"{url}\"><meta http-equiv=\"refresh\" content=\"0; url={url}\">"
        f"</head><body><a href=\"{url}\">{title}</a></body></html>"
    )


async def share_creator(request: Request) -> HTMLResponse:
    username, lang = request.path_params["username"], language_of_path(request.url.path)
    with use_language(lang):
        try:
            profile = await unit_of_work.acall(credentials_from_request(request), public_creator_profile, username)
        except ServiceError:
            missing = html.escape(_("Creator not found | Influfinder"))
            return HTMLResponse(f"<!doctype html><html lang=\"{lang}\"><title>{missing}</title></html>", status_code=404)
        card = profile.card
        url = get_settings().public_url.rstrip("/") + localized(f"/creators/{card.username}", lang)
        body = _page(f"{card.name} (@{card.username}) | Influfinder", summary_line(profile), url, lang)
    return HTMLResponse(body, headers={"Cache-Control": "public, max-age=300"})


routes = [Route("/share/creators/{username}", share_creator), Route("/en/share/creators/{username}", share_creator)]
