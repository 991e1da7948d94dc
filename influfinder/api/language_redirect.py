"""Sends a browser that opens a Spanish (plain) page to its English twin when the visitor reads English.

Runs in front of everything the backend serves (pages in production, routes, the socket) and only
acts on a browser navigation (GET/HEAD asking for HTML) to a page path. The choice is the `lang`
cookie (the switcher's, or the saved one set at login), else Accept-Language, else Spanish. An
English URL is never sent back to Spanish: a shared /en link opens in English.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import quote

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from influfinder.i18n.choice import COOKIE, preferred_language
from influfinder.i18n.routes import language_of_path, localized

# First path segments served by the backend itself, never pages.
NOT_PAGES = frozenset({"auth", "media", "health", "info", "api", "_event", "_upload", "ping", "_health", "assets",
                       "language", "share", "metrics"})


# What the build serves as files. Anything else is a page, a dot in it or not: a username may have one
# (/creators/lucia.romero), and that page must open in the reader's language too.
FILE_EXTENSIONS = frozenset({"js", "mjs", "css", "map", "json", "txt", "xml", "ico", "png", "jpg", "jpeg", "gif",
                             "svg", "webp", "avif", "mp4", "woff", "woff2", "ttf", "otf", "gz", "br", "html", "webmanifest",
                             "ics", "csv", "pdf"})


def is_page_path(path: str) -> bool:
    segments = [s for s in path.split("/") if s]
    if segments and segments[0] in NOT_PAGES:
        return False
    name = segments[-1] if segments else ""
    return "." not in name or name.rpartition(".")[2].lower() not in FILE_EXTENSIONS


def _cookie(headers: Headers, name: str) -> str | None:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header is just no choice
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def english_target(scope: Scope) -> str | None:
    """Where to send this request, or None to serve it as it is."""
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return None
    path = scope.get("path") or "/"
    headers = Headers(scope=scope)
    if "text/html" not in headers.get("accept", "") or not is_page_path(path) or language_of_path(path) == "en":
        return None
    if preferred_language(_cookie(headers, COOKIE), headers.get("accept-language")) != "en":
        return None
    query = scope.get("query_string", b"").decode("latin-1")
    return quote(localized(path, "en")) + (f"?{query}" if query else "")


def language_redirect(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        target = english_target(scope)
        if target is None:
            await app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 307, "headers": [
            (b"location", target.encode("latin-1")), (b"vary", b"Cookie, Accept-Language"),
            (b"cache-control", b"no-store"), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    return middleware
