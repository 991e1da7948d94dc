"""Around every HTTP route of ours: a request id for the logs, and the request's latency for /metrics.

A plain ASGI middleware (no body buffering): it sets the id before the route runs, adds
`X-Request-ID` to the response, and observes the time to the response's last byte under the
route's template (`/media/{key:path}`, never the raw path, so ids in URLs do not multiply series).
"""

from __future__ import annotations

import re
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from influfinder.integrations.prometheus_metrics import HTTP_REQUEST_SECONDS
from influfinder.logs import new_id, request_id

HEADER = b"x-request-id"
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")  # a client's id is kept only if it cannot forge log lines


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope.get("headers") or []).get(HEADER, b"").decode("latin-1")
        rid = sent if SANE_ID.match(sent) else new_id()
        token = request_id.set(rid)
        start, status = time.perf_counter(), 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (HEADER, rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            HTTP_REQUEST_SECONDS.labels(scope["method"], _template(scope), str(status)).observe(
                time.perf_counter() - start)
            request_id.reset(token)


def _template(scope: Scope) -> str:
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"
