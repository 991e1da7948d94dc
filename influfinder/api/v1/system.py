"""/api/v1/health and /api/v1/info: the same answers as /health and /info (api/health_routes.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from influfinder.api import health_routes

router = APIRouter(tags=["system"])

HEALTH = {"200": {"description": "Database and Redis answer.", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"status": {"type": "string", "enum": ["ok", "error"]},
                                     "database": {"type": "string"}, "redis": {"type": "string"}},
    "required": ["status", "database", "redis"],
    "examples": [{"status": "ok", "database": "ok", "redis": "ok"}]}}}},
    "503": {"description": "Something the app needs does not answer."}}
INFO = {"200": {"description": "What runs here; never a secret.", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"name": {"type": "string"}, "version": {"type": "string"},
                                     "environment": {"type": "string"}, "integrations": {"type": "object"}},
    "required": ["name", "version", "environment", "integrations"],
    "examples": [{"name": "Influfinder", "version": "1.0.0", "environment": "production",
                  "integrations": {"mail": "smtp", "ai": "openai", "redis": "on", "oauth": ["google"]}}]}}}}}


@router.get("/health", responses=HEALTH, summary="Is the service up")
async def health(request: Request) -> JSONResponse:
    return await health_routes.health(request)


@router.get("/info", responses=INFO, summary="Version and the integrations that are on")
async def info(request: Request) -> JSONResponse:
    return await health_routes.info(request)
