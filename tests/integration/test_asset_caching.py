"""The build's hashed files are kept a year by browsers; anything else is asked for again."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from influfinder.api.asset_caching import AssetCaching

pytestmark = pytest.mark.integration


def _served(status: int = 200):
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/javascript"), (b"cache-control", b"no-cache")]})
        await send({"type": "http.response.body", "body": b"export {};"})

    return AssetCaching(app)


def _cache_control(path: str, status: int = 200) -> str:
    async def call():
        transport = httpx.ASGITransport(app=_served(status))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return (await client.get(path)).headers.get("cache-control", "")

    return asyncio.run(call())


@pytest.mark.parametrize("path", ["/assets/root-Db1w4Jvh.js", "/assets/entry.client-CCWdYbG9.js",
                                  "/assets/styles-AbC_-123.css"])
def test_a_hashed_build_file_is_kept_a_year(path):
    assert _cache_control(path) == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("path", ["/styles.css", "/favicon.svg", "/en/offers/", "/assets/logo.svg",
                                  "/_upload/avatars/x-12345678.png", "/api/v1/assets/x-12345678.js"])
def test_pages_and_unhashed_files_keep_their_own_policy(path):
    assert _cache_control(path) == "no-cache"


def test_a_missing_hashed_file_is_not_cached():
    assert _cache_control("/assets/gone-Db1w4Jvh.js", status=404) == "no-cache"
