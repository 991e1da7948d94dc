"""Issue 10, point 3: every response carries the security headers; pages get a CSP whose script
hashes match their own inline scripts (the browser test, tests/e2e/test_csp.py, proves the
policy against the real build in Chromium)."""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import secrets

import httpx
import pytest

from influfinder.api.security_headers import SecurityHeaders
from tests.support.inprocess_app import backend_client

pytestmark = pytest.mark.integration

BOOT = b"window.__ctx = {\"a\": 1};"
PAGE = b"<!doctype html><html><head><script>" + BOOT + b"</script><script src=\"/assets/x.js\"></script>" \
       b"<script type=\"module\">import \"/assets/y.js\";</script></head><body>hi</body></html>"


def _sha(script: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"


def _serve(body: bytes, headers: list[tuple[bytes, bytes]], status: int = 200):
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status, "headers": headers})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:]})

    return SecurityHeaders(app)


def _get(app, path="/") -> httpx.Response:
    async def call():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
            return await client.get(path)

    return asyncio.run(call())


def _directives(response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";")}


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_page_may_run_exactly_its_own_inline_scripts(settings_env, compressed):
    body = gzip.compress(PAGE) if compressed else PAGE
    headers = [(b"content-type", b"text/html; charset=utf-8")]
    if compressed:
        headers.append((b"content-encoding", b"gzip"))
    response = _get(_serve(body, headers))
    assert response.text == PAGE.decode()
    scripts = _directives(response)["script-src"].split()
    assert scripts == ["script-src", "'self'", _sha(BOOT), _sha(b"import \"/assets/y.js\";")]
    assert "'unsafe-eval'" not in response.headers["content-security-policy"]


def test_a_page_sent_by_path_is_read_for_its_scripts(settings_env, tmp_path):
    """Granian sends static files with the ASGI pathsend extension: the page must still arrive whole."""
    (tmp_path / "index.html").write_bytes(PAGE)

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"text/html"), (b"content-length", str(len(PAGE)).encode())]})
        await send({"type": "http.response.pathsend", "path": str(tmp_path / "index.html")})

    response = _get(SecurityHeaders(app))
    assert response.content == PAGE
    assert _sha(BOOT) in _directives(response)["script-src"]


def test_the_policy_forbids_framing_plugins_and_foreign_connections(settings_env):
    settings_env.set(PUBLIC_URL="https://influfinder.example")
    response = _get(_serve(PAGE, [(b"content-type", b"text/html")]))
    directives = _directives(response)
    assert directives["frame-ancestors"] == "frame-ancestors 'none'"
    assert directives["object-src"] == "object-src 'none'"
    assert directives["base-uri"] == "base-uri 'self'"
    assert directives["connect-src"] == "connect-src 'self' wss://influfinder.example"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")


def test_no_hsts_over_plain_http(settings_env):
    settings_env.set(PUBLIC_URL="http://localhost:3000")
    response = _get(_serve(b"{}", [(b"content-type", b"application/json")]))
    assert "strict-transport-security" not in response.headers
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_not_modified_page_keeps_its_cached_policy(settings_env):
    response = _get(_serve(b"", [(b"content-type", b"text/html")], status=304))
    assert "content-security-policy" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("headers")
    env = {"DATABASE_URL": f"sqlite:///{workdir / 'app.db'}", "SECRET_KEY": secrets.token_urlsafe(32),
           "DEMO_DATA": "false"}
    with backend_client(workdir, env) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/health", "/info", "/auth/complete?grant=x", "/_upload/anything", "/ping",
                                  "/media/covers/abcdefghijklmnopqrstuv.webp"])
def test_every_backend_route_answers_with_the_headers(client, path):
    response = client.get(path, follow_redirects=False)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in response.headers["permissions-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_private_media_keep_their_own_sandboxing_policy(client):
    from influfinder.integrations import storage

    key = storage.save(b"\x00" * 10, folder=storage.COVERS, extension="webp")
    response = client.get(f"/media/{key}")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
