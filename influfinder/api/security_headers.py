"""An ASGI middleware that puts the security headers on every HTTP response: pages and routes.

Wrapped around the whole backend (App(api_transformer=...)), so in production (one port) it also
sees the built frontend's pages and files that Reflex serves.

Content-Security-Policy, for pages:
- scripts only from this origin, plus the inline scripts of the page itself by their SHA-256
  hashes (React Router's boot and streaming scripts, which differ per page): the hashes are read
  from each HTML response as it is sent. No 'unsafe-inline' and no 'unsafe-eval' for scripts:
  the server never sends code to eval (state/browser.py replaces rx.call_script);
- styles allow 'unsafe-inline', which we cannot avoid: Emotion (Reflex's styling) and Radix
  write <style> elements and style attributes at run time, with no nonce;
- connections to this origin and its WebSocket (the Reflex socket) only;
- no plugins, no <base> elsewhere, forms post only here, and no framing by anyone.

A response that brings its own policy keeps it (private media: `default-src 'none'; sandbox`).
A 304 gets no policy, so the cached page keeps the one that matches its scripts.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from influfinder.settings import get_settings

_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.S | re.I)

PERMISSIONS_POLICY = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                      "browsing-topics=(), interest-cohort=()")
HSTS = "max-age=31536000; includeSubDomains"


def page_policy(script_hashes: tuple[str, ...] = ()) -> str:
    public = urlsplit(get_settings().public_url)
    socket = ("wss://" if public.scheme == "https" else "ws://") + public.netloc
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in script_hashes)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' blob:",
        f"connect-src 'self' {socket}",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def common_headers() -> list[tuple[bytes, bytes]]:
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),  # reset and verify links carry tokens in the URL
        (b"permissions-policy", PERMISSIONS_POLICY.encode()),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),  # frame-ancestors for browsers that predate it
    ]
    if get_settings().uses_https:
        headers.append((b"strict-transport-security", HSTS.encode()))
    return headers


@lru_cache(maxsize=256)
def inline_script_hashes(html: bytes) -> tuple[str, ...]:
    found = (hashlib.sha256(script).digest() for script in _INLINE_SCRIPT.findall(html))
    return tuple(dict.fromkeys(base64.b64encode(digest).decode() for digest in found))


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: list[Message] = []

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                if _is_html(message) and scope.get("method") != "HEAD":
                    held.append(message)  # the policy needs the page's inline scripts: wait for the body
                    return
                await send(_with_headers(message, None))
            elif held:
                held.append(message)
                if not message.get("more_body", False):
                    await _send_page(send, held)
            else:
                await send(message)

        await self.app(scope, receive, send_with_headers)


async def _send_page(send: Send, held: list[Message]) -> None:
    start, bodies = held[0], held[1:]
    body = b"".join([await _body_of(m) for m in bodies])
    await send(_with_headers(start, _page_html(start, body)))
    await send({"type": "http.response.body", "body": body})


async def _body_of(message: Message) -> bytes:
    # Granian serves static files with the ASGI "pathsend" extension: the page is read here instead.
    if message["type"] == "http.response.pathsend":
        return await asyncio.to_thread(Path(message["path"]).read_bytes)
    return message.get("body", b"")


def _page_html(start: Message, body: bytes) -> bytes:
    encoding = _header(start, b"content-encoding")
    if encoding == b"gzip":
        return gzip.decompress(body)
    return body if encoding in (None, b"identity") else b""  # another encoding: no inline scripts allowed


def _with_headers(start: Message, html: bytes | None) -> Message:
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in _OURS]
    headers += common_headers()
    own_policy = _header(start, b"content-security-policy")
    if own_policy is not None:
        headers.append((b"content-security-policy", own_policy))
    elif start["status"] != 304:
        hashes = inline_script_hashes(html) if html else ()
        headers.append((b"content-security-policy", page_policy(hashes).encode()))
    return {**start, "headers": headers}


_OURS = frozenset({b"x-content-type-options", b"referrer-policy", b"permissions-policy", b"cross-origin-opener-policy",
                   b"x-frame-options", b"strict-transport-security", b"content-security-policy"})


def _is_html(start: Message) -> bool:
    content_type = _header(start, b"content-type") or b""
    return content_type.split(b";")[0].strip().lower() == b"text/html"


def _header(start: Message, name: bytes) -> bytes | None:
    for key, value in start.get("headers", []):
        if key.lower() == name:
            return value
    return None
