"""Serves a prerendered page at the address the links use, without a detour through a trailing slash.

The production build keeps each page as `<route>/index.html`, and the static files server answers `/offers`
with a redirect to `/offers/`. Every link of the site, the language redirect's target included, is written
without the slash, so most first visits paid one more round trip before the page (on a phone's network,
Lighthouse counts ~160 ms, and English readers already had one redirect, to /en). A browser's page request
for a path with such a folder in the build is served that folder's page directly; the address stays as it
was asked, which React Router matches the same way. Such a page is sent with `Cache-Control: no-cache` and
`Vary: Cookie`: which language a plain address opens in depends on the reader's choice (a cookie, read by
api/language_redirect.py), so a browser must ask again instead of reusing yesterday's Spanish copy.

A form submitted by the browser itself, before the page's scripts run (components/forms.post_form), is
a POST to the page's own path: it is sent back to that page (303) without reading the body, so the
person gets the page again, now able to send. Anything else passes untouched.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from influfinder.api.language_redirect import is_page_path
from influfinder.page_shells import shell_for


@lru_cache(maxsize=1)
def built_pages_folder() -> Path:
    """Where Reflex's production server takes the built pages from (reflex.utils.exec.get_frontend_mount)."""
    from reflex.utils import prerequisites
    from reflex_base import constants

    return (prerequisites.get_web_dir() / constants.Dirs.STATIC).resolve()


def page_folder_path(path: str, folder: Path) -> str | None:
    """`path` + "/" when the build holds `path/index.html`; else the folder of the shell prerendered for
    the route with a parameter that `path` is an address of (influfinder/page_shells.py); else None."""
    if path.endswith("/") or ".." in path or not is_page_path(path):
        return None
    if (folder / path.lstrip("/") / "index.html").is_file():
        return path + "/"
    return shell_for(path, folder)


class PrerenderedPages:
    def __init__(self, app: ASGIApp, folder: Path | None = None) -> None:
        self.app = app
        self.folder = folder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and is_page_path(scope.get("path") or "/"):
            await RedirectResponse(_same_page(scope), status_code=303)(scope, receive, send)
            return
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            served = page_folder_path(scope.get("path") or "/", self.folder or built_pages_folder())
            if served is not None:
                scope = {**scope, "path": served}
                if scope.get("raw_path"):
                    scope["raw_path"] = quote(served).encode("ascii")
                await self.app(scope, receive, _asked_again(send))
                return
        await self.app(scope, receive, send)



def _asked_again(send: Send) -> Send:
    async def send_page(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in (b"cache-control", b"vary")]
            message = {**message, "headers": [*headers, (b"cache-control", b"no-cache"), (b"vary", b"Cookie")]}
        await send(message)

    return send_page


def _same_page(scope: Scope) -> str:
    """The page's own address, its query (a login's ?next=) kept."""
    query = (scope.get("query_string") or b"").decode("latin-1")
    return (scope.get("path") or "/") + ("?" + query if query else "")
