"""/health (readiness: database and Redis answer) and /info (what runs here, never a secret)."""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from influfinder import __version__, database
from influfinder.settings import get_settings

log = logging.getLogger(__name__)


def _check_database() -> str:
    try:
        database.ping()
        return "ok"
    except Exception:  # noqa: BLE001
        log.warning("health: database unreachable", exc_info=True)
        return "unreachable"


def _check_redis() -> str:
    from influfinder.integrations.cache import ping_redis

    url = get_settings().redis_url
    if not url:
        return "disabled"
    try:
        ping_redis(url, timeout=2.0)
        return "ok"
    except Exception:  # noqa: BLE001
        log.warning("health: redis unreachable", exc_info=True)
        return "unreachable"


async def health(_request: Request) -> JSONResponse:
    db_status, redis_status = await asyncio.gather(
        asyncio.to_thread(_check_database), asyncio.to_thread(_check_redis)
    )
    healthy = db_status == "ok" and redis_status in ("ok", "disabled")
    body = {"status": "ok" if healthy else "error", "database": db_status, "redis": redis_status}
    return JSONResponse(body, status_code=200 if healthy else 503, headers={"Cache-Control": "no-store"})


async def info(_request: Request) -> JSONResponse:
    settings = get_settings()
    return JSONResponse({
        "name": "Influfinder",
        "version": __version__,
        "environment": "production" if settings.is_production else "development",
        "integrations": {
            "mail": settings.mail_backend,
            "ai": settings.ai_backend,
            "redis": "on" if settings.redis_url else "off",
            "oauth": settings.enabled_oauth_providers,
        },
    })
