"""An ASGI middleware in front of Reflex's upload endpoint: who may upload what, and how much.

Reflex's POST /_upload takes the whole multipart body, for any client, before the event handler
runs; its GET /_upload/<path> serves its upload folder to anyone. Here, before Reflex sees it:

- GET (any method but POST) under /_upload is refused: the app serves nothing public from there,
  and our media live elsewhere (settings.upload_dir) behind the authorized /media routes.
- a POST names its event handler in a header; only handlers with an `UploadRule` are accepted;
- a declared Content-Length over the rule's limit is answered 413 at once, nothing read;
- the caller needs a live session whose user the rule allows (401 / 403), checked before the
  body is read (in production; see `_cookieless_development_upload` for the development server);
- the body is counted as it streams in (chunked bodies declare no length): past the limit the
  upload ends as a client disconnect would, so the handler never runs, and the answer is 413.

The limit is the rule's own, capped by MAX_UPLOAD_MB, plus room for the multipart framing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from influfinder.api.request_actor import actor_from_request
from influfinder.services import sessions
from influfinder.services.actors import Actor
from influfinder.settings import get_settings

UPLOAD_PATH = "/_upload"
HANDLER_HEADER = "reflex-event-handler"
FRAMING_BYTES = 256 * 1024  # boundaries, part headers and the handler's bound arguments


@dataclass(frozen=True)
class UploadRule:
    """What one upload handler accepts: at most `max_bytes` of files, from users `allowed` lets in."""

    max_bytes: int
    allowed: Callable[[Actor], bool]


def guard_uploads(rules: Mapping[str, UploadRule]) -> Callable[[ASGIApp], ASGIApp]:
    """For App(api_transformer=...): wraps the backend in an UploadGuard with these rules."""
    return lambda app: UploadGuard(app, rules)


class UploadGuard:
    def __init__(self, app: ASGIApp, rules: Mapping[str, UploadRule]) -> None:
        self.app = app
        self.rules = dict(rules)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path != UPLOAD_PATH and not path.startswith(UPLOAD_PATH + "/"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal, limit = await self._check(request)
        if refusal is not None:
            await _answer(send, *refusal)
            return
        await _pass_within(self.app, scope, receive, send, limit)

    async def _check(self, request: Request) -> tuple[tuple[int, str] | None, int]:
        if request.method != "POST" or request.url.path != UPLOAD_PATH:
            return (404, "Not found"), 0
        rule = self.rules.get(request.headers.get(HANDLER_HEADER, ""))
        if rule is None:
            return (404, "Not an upload"), 0
        limit = min(rule.max_bytes, get_settings().max_upload_bytes) + FRAMING_BYTES
        if _declared_length(request) > limit:
            return (413, "The upload is too large."), limit
        if _cookieless_development_upload(request):
            return None, limit
        actor = await asyncio.to_thread(actor_from_request, request)
        if actor is None:
            return (401, "Log in to upload files."), limit
        if not rule.allowed(actor):
            return (403, "This account cannot upload here."), limit
        return None, limit


def _cookieless_development_upload(request: Request) -> bool:
    """In development the pages come from the frontend's own port, and Reflex's upload (an XHR
    without credentials) reaches the backend's port with no cookie: there the handler's own check
    of the caller is the one that counts. Never in production, where pages and uploads share an origin."""
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.url.netloc}"
    return (not get_settings().is_production and origin is not None and origin != own
            and sessions.cookie_name() not in request.cookies)


def _declared_length(request: Request) -> int:
    try:
        return int(request.headers.get("content-length", "0"))
    except ValueError:
        return 1 << 62  # unreadable: treated as too large


async def _pass_within(app: ASGIApp, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    """Run the app on a body cut short at `limit` bytes; then the answer is 413, not the app's."""
    received, over = 0, False

    async def counted_receive() -> Message:
        nonlocal received, over
        if over:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                # To Starlette this is the client going away: the form is dropped, no handler runs.
                over = True
                return {"type": "http.disconnect"}
        return message

    async def guarded_send(message: Message) -> None:
        if not over:
            await send(message)

    await app(scope, counted_receive, guarded_send)
    if over:
        await _answer(send, 413, "The upload is too large.")


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), (b"connection", b"close"),
    ]})
    await send({"type": "http.response.body", "body": body})
