"""A form the browser submits itself, before the page's scripts run, never puts its fields in an address.

The app's forms are POST forms (components/forms.post_form): the login form's HTML says so, and the server
sends such a POST to a page back to that page without reading it (api/prerendered_pages.py).
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from influfinder.api.prerendered_pages import PrerenderedPages
from influfinder.pages.login import login_page

pytestmark = pytest.mark.integration


def _post(path: str) -> tuple[httpx.Response, list[str]]:
    reached: list[str] = []

    async def inner(scope, receive, send):
        reached.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"handled"})

    async def call():
        transport = httpx.ASGITransport(app=PrerenderedPages(inner, folder=None))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.post(path, data={"identifier": "lucia@example.com", "password": "s3cret-Pass"})

    return asyncio.run(call()), reached


def test_a_login_form_is_a_post_form():
    assert 'method:"post"' in str(login_page().render())


@pytest.mark.parametrize("path", ["/login?next=%2Fcollaborations", "/en/login", "/collaborations/3f2a/x", "/"])
def test_a_page_posted_to_sends_the_browser_back_to_it_without_reading_the_fields(path):
    response, reached = _post(path)
    assert response.status_code == 303
    assert response.headers["location"] == path
    assert "s3cret" not in response.headers["location"] and reached == []


@pytest.mark.parametrize("path", ["/_upload", "/auth/signout", "/api/v1/auth/token"])
def test_the_backend_routes_still_get_their_posts(path):
    response, reached = _post(path)
    assert response.text == "handled" and reached == [path]


def test_a_page_served_at_its_own_path_is_asked_for_again_next_time(tmp_path):
    """Its language depends on the reader's cookie: a browser must not reuse a copy from before a switch."""
    (tmp_path / "offers").mkdir()
    (tmp_path / "offers" / "index.html").write_text("<html lang=es></html>")

    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"etag", b'"1"'), (b"last-modified", b"Mon, 07 Dec 2026 06:00:00 GMT")]})
        await send({"type": "http.response.body", "body": b"<html lang=es></html>"})

    async def call():
        transport = httpx.ASGITransport(app=PrerenderedPages(inner, folder=tmp_path))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get("/offers")

    response = asyncio.run(call())
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["vary"] == "Cookie"
