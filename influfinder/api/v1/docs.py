"""Swagger UI at /api/docs, its files served from the fastapi-swagger package (Swagger UI 5, which reads
OpenAPI 3.1; no CDN)."""

from __future__ import annotations

from fastapi.openapi.docs import get_swagger_ui_html
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from importlib.resources import files

ASSETS = "/api/docs/assets"
SWAGGER_UI_FILES = files("fastapi_swagger") / "resources"


async def swagger_ui(_request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/api/v1/openapi.json", title="Influfinder API",
                               swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
                               swagger_css_url=f"{ASSETS}/swagger-ui.css",
                               swagger_favicon_url=f"{ASSETS}/favicon-32x32.png")


routes = [Route("/api/docs", swagger_ui), Mount(ASSETS, app=StaticFiles(directory=str(SWAGGER_UI_FILES)))]
