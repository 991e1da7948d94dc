"""An ASGI middleware that gives every browser its pre-login nonce with the first page it loads.

The login handler runs over the WebSocket, which sends the cookies the page had when it
connected; binding a login grant to the browser (services/sessions.py) needs the nonce to be
there already. In production every page is served through here; in development the pages come
from the frontend's own server, and the login page sends the browser through /auth/nonce first.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from influfinder.api.auth_routes import set_nonce_cookie
from influfinder.services import sessions


class LoginNonce:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or sessions.valid_nonce(HTTPConnection(scope).cookies.get(sessions.nonce_cookie_name())):
            await self.app(scope, receive, send)
            return

        async def send_with_nonce(message: Message) -> None:
            if message["type"] == "http.response.start" and _is_page(message):
                message = {**message, "headers": [*message.get("headers", []), *_nonce_headers()]}
            await send(message)

        await self.app(scope, receive, send_with_nonce)


def _nonce_headers() -> list[tuple[bytes, bytes]]:
    response = Response()
    set_nonce_cookie(response)
    return [(k, v) for k, v in response.raw_headers if k == b"set-cookie"]


def _is_page(start: Message) -> bool:
    # A page the browser revalidates (a 304 to its ETag) carries no content type, and a browser whose
    # cookies were cleared meanwhile still needs its nonce from it.
    if start.get("status") == 304:
        return True
    for key, value in start.get("headers", []):
        if key.lower() == b"content-type":
            return value.split(b";")[0].strip().lower() == b"text/html"
    return False
