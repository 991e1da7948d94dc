"""An ASGI middleware that lets browsers keep the build's hashed files for a year.

The production build names its scripts and styles after their content (`/assets/root-Db1w4Jvh.js`):
a new build makes new names, so a name never changes meaning and the browser need not ask again.
Without this, a phone revalidated the 72 module files of /offers on every visit. Pages and unhashed files
(favicon, styles.css) keep revalidating through their ETag.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Vite's names: <name>-<8 characters of base64url hash>.<ext>, served under /assets/.
HASHED_ASSET = re.compile(r"^/assets/[\w.-]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpe?g|webp|avif)$")
IMMUTABLE = b"public, max-age=31536000, immutable"


class AssetCaching:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not HASHED_ASSET.match(scope.get("path", "")):
            await self.app(scope, receive, send)
            return

        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") in (200, 304):
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", IMMUTABLE)]}
            await send(message)

        await self.app(scope, receive, send_cached)
