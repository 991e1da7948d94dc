"""Calling the app's Starlette routes in-process, as an HTTP client would."""

import asyncio

import httpx


def get(app, path: str) -> httpx.Response:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(path)

    return asyncio.run(call())
