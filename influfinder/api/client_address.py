"""The client's address for an HTTP request, as Reflex takes it for the socket (TRUSTED_PROXY_HOPS).

With no trusted proxy (the default) the address is the connection's peer and X-Forwarded-For is
ignored: anyone can send that header. Behind N proxies that each append the address they saw,
the client is the N-th address from the right; the ones further left were written by the client.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection

from influfinder.settings import get_settings


def client_address(request: HTTPConnection) -> str:
    peer = request.client.host if request.client else ""
    hops = get_settings().trusted_proxy_hops
    if not hops:
        return peer
    forwarded = [ip.strip() for ip in request.headers.get("x-forwarded-for", "").split(",") if ip.strip()]
    return forwarded[-hops] if len(forwarded) >= hops else peer
