"""Pages with an id in their address paint their frame before their scripts load (issue 11, item 8).

The production build prerenders every page whose address is fixed. A page such as /offers/<id> has no
fixed address, so the server used to send React Router's empty fallback for it: a phone showed nothing
until the page's scripts had loaded and run (Lighthouse, mobile: first paint 3.0 s on an offer's page,
1.4 s on /login).

PageShellsPlugin asks React Router to prerender each such route once more, at a placeholder address
(/offers/__shell__): the page's frame in its loading state, the HTML React renders before the page's data
arrives. api/prerendered_pages.py serves that shell for every address of the route; when the scripts run,
React Router matches the real address to the same route and the page loads its data as before.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import reflex as rx

SHELL = "__shell__"
CONFIG_FILE = "react-router.config.js"
_PARAM = re.compile(r"^\[[^\]/]+\]$")
_PRERENDER_ALL = '"prerender": true'


def shell_path(route: str) -> str | None:
    """'offers/[offer_id]/edit' -> '/offers/__shell__/edit'; a route without a parameter -> None."""
    segments = route.strip("/").split("/")
    if not any(_PARAM.match(segment) for segment in segments):
        return None
    return "/" + "/".join(SHELL if _PARAM.match(segment) else segment for segment in segments)


def with_shells(config_js: str, shells: list[str]) -> str:
    """React Router's config, prerendering the shells beside every fixed address; a config that does not
    prerender (a development build) is left as it is."""
    if _PRERENDER_ALL not in config_js or not shells:
        return config_js
    paths = f"async ({{ getStaticPaths }}) => [...getStaticPaths(), ...{json.dumps(shells)}]"
    return config_js.replace(_PRERENDER_ALL, f'"prerender": {paths}')


class PageShellsPlugin(rx.plugins.Plugin):
    """Prerenders a shell of every page with a parameter in its route (see the module's text)."""

    def pre_compile(self, **context) -> None:
        routes = [page.route for page in context["unevaluated_pages"]]
        shells = sorted({path for path in map(shell_path, routes) if path})
        context["add_modify_task"](CONFIG_FILE, lambda config_js: with_shells(config_js, shells))


@lru_cache(maxsize=8)
def shells_in(folder: Path) -> tuple[tuple[re.Pattern, str], ...]:
    """Each prerendered shell of a build: (the addresses it serves, its folder path), read once."""
    found = []
    for page in sorted(folder.rglob("index.html")):
        parts = page.parent.relative_to(folder).parts
        if SHELL in parts:
            pattern = "/".join("[^/]+" if part == SHELL else re.escape(part) for part in parts)
            found.append((re.compile(f"^/{pattern}$"), "/" + "/".join(parts) + "/"))
    return tuple(found)


def shell_for(path: str, folder: Path) -> str | None:
    """The folder path of the shell serving `path` ('/en/offers/42' -> '/en/offers/__shell__/'), or None."""
    for pattern, served in shells_in(folder):
        if pattern.match(path):
            return served
    return None
