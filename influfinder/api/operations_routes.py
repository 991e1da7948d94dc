"""What operators and orchestrators ask a worker: liveness, readiness, and Prometheus metrics.

- `/health/live`: the process answers (no dependency checked): restart the worker when it does not.
- `/health/ready`: the database and Redis answer: send it traffic only then. `/health` answers the same.
- `/metrics`: Prometheus text format. With METRICS_TOKEN set, only `Authorization: Bearer <token>`;
  without it, only clients on this machine (a scraper beside the worker, or through the proxy's
  private network with the token). Refusals are 404, so the endpoint is not advertised.
"""

from __future__ import annotations

import hmac
import ipaddress

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from influfinder.integrations.prometheus_metrics import exposition
from influfinder.settings import get_settings

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


async def live(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


async def metrics(request: Request) -> Response:
    if not _may_scrape(request):
        return PlainTextResponse("Not Found", status_code=404)
    return Response(exposition(), media_type=PROMETHEUS_TEXT, headers={"Cache-Control": "no-store"})


def _may_scrape(request: Request) -> bool:
    token = get_settings().metrics_token
    if token:
        sent = request.headers.get("authorization", "")
        return hmac.compare_digest(sent.encode(), f"Bearer {token}".encode())
    try:
        return ipaddress.ip_address(request.client.host if request.client else "").is_loopback
    except ValueError:
        return False


def routes(ready) -> list[Route]:
    """`ready` is the readiness check (api/routes.py `health`)."""
    return [Route("/health/live", live), Route("/health/ready", ready), Route("/metrics", metrics)]
