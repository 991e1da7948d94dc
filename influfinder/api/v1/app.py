"""The REST API under /api/v1: one FastAPI app over the same services as the pages.

OpenAPI 3.1 at /api/v1/openapi.json; Swagger UI at /api/docs (api/routes.py serves its files from
the fastapi-swagger package, no CDN). Every error is a problem document (problems.py), every
route reaches the services through the door (door.py), and browsers may call it only from the
origins in PUBLIC_URL and CORS_ORIGINS.
"""

from __future__ import annotations

from functools import lru_cache

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from influfinder import __version__
from influfinder.api.v1 import (
    applications, auth, collaborations, messages, notifications, offers, problems, submissions, system, users,
)
from influfinder.api.v1.examples import add_examples
from influfinder.api.v1.schemas import DOCUMENTED
from influfinder.settings import get_settings

PREFIX = "/api/v1"
DESCRIPTION = """The Influfinder marketplace for apps: the same rules, limits and lifecycles as the web pages.

Log in with `POST /auth/login` (or a provider's authorization code), send the access token as
`Authorization: Bearer ...`, and trade the refresh token at `POST /auth/refresh` before the access
token's 30 minutes are over. Lists are paged with cursors: follow each answer's `next` link.
Errors are RFC 9457 problem documents. POSTs that create honour an `Idempotency-Key` header.
"""
EXPOSED = ["ETag", "Location", "Retry-After", "Idempotent-Replayed", "WWW-Authenticate"]
ALLOWED = ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "If-Match"]


class SettingsCORS:
    """Starlette's CORS middleware with the allowlist of the current settings (tests change them)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    @lru_cache(maxsize=4)
    def _for(self, origins: tuple[str, ...]) -> CORSMiddleware:
        return CORSMiddleware(self.app, allow_origins=list(origins), allow_credentials=False,
                              allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"], allow_headers=ALLOWED,
                              expose_headers=EXPOSED, max_age=600)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._for(tuple(get_settings().api_cors_origins))(scope, receive, send)


def build_v1() -> FastAPI:
    app = FastAPI(title="Influfinder API", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  servers=[{"url": PREFIX}], exception_handlers=problems.HANDLERS)
    for module in (system, auth, users, offers, applications, collaborations, submissions, notifications,
                   messages):
        app.include_router(module.router)
    app.add_middleware(SettingsCORS)
    app.openapi = lambda: _document(app)
    return app


def _document(app: FastAPI) -> dict:
    """FastAPI's document, plus the schemas of the bodies the services validate themselves."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        document = get_openapi(title=app.title, version=app.version, description=app.description,
                               routes=app.routes, servers=app.servers)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(DOCUMENTED)
        add_examples(schemas)
        app.openapi_schema = document
    return app.openapi_schema
