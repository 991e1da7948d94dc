"""/share/creators/<username>: a creator's profile for link previews.

Chat apps and social networks read a shared link's Open Graph tags from the HTML without running
scripts, and the app's pages are rendered by scripts. This route answers with those tags, filled on
the server from the public profile (services/creator_profiles.py), and sends people on to the page.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from influfinder.api.request_actor import credentials_from_request
from influfinder.services import unit_of_work
from influfinder.services.creator_profiles import public_creator_profile, summary_line
from influfinder.services.errors import ServiceError
from influfinder.settings import get_settings


def _page(title: str, description: str, url: str) -> str:
    title, description, url = html.escape(title), html.escape(description), html.escape(url)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><meta name=\"description\" content=\"{description}\">"
        f"<meta property=\"og:type\" content=\"profile\"><meta property=\"og:title\" content=\"{title}\">"
        f"<meta property=\"og:description\" content=\"{description}\"><meta property=\"og:url\" content=\"{url}\">"
        "<meta property=\"og:site_name\" content=\"Influfinder\"><meta name=\"twitter:card\" content=\"summary\">"
        f"<link rel=\"canonical\" href=\"{url}\"><meta http-equiv=\"refresh\" content=\"0; url={url}\">"
        f"</head><body><a href=\"{url}\">{title}</a></body></html>"
    )


async def share_creator(request: Request) -> HTMLResponse:
    username = request.path_params["username"]
    try:
        profile = await unit_of_work.acall(credentials_from_request(request), public_creator_profile, username)
    except ServiceError:
        return HTMLResponse("<!doctype html><title>Creator not found | Influfinder</title>", status_code=404)
    card = profile.card
    url = f"{get_settings().public_url.rstrip('/')}/creators/{card.username}"
    body = _page(f"{card.name} (@{card.username}) | Influfinder", summary_line(profile), url)
    return HTMLResponse(body, headers={"Cache-Control": "public, max-age=300"})


routes = [Route("/share/creators/{username}", share_creator)]
