"""Issue 10, point 5: the client's address comes from a configured number of trusted proxy hops,
never from a header anyone can send."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from influfinder.api.client_address import client_address


def _request(peer: str, forwarded: str | None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return Request({"type": "http", "client": (peer, 5000), "headers": headers, "method": "GET", "path": "/"})


@pytest.mark.parametrize(("hops", "forwarded", "client"), [
    (None, "203.0.113.9", "10.0.0.2"),  # default 0: the header is the caller's word, ignored
    ("1", "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # one proxy appended the real address; the first was typed
    ("2", "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
    ("2", "203.0.113.9", "10.0.0.2"),  # fewer addresses than proxies: the peer, not a guess
    ("1", None, "10.0.0.2"),
])
def test_the_client_is_counted_from_the_right_through_trusted_proxies_only(settings_env, hops, forwarded, client):
    settings_env.set(TRUSTED_PROXY_HOPS=hops)
    assert client_address(_request("10.0.0.2", forwarded)) == client


def test_reflex_reads_the_same_setting_for_the_socket(settings_env):
    settings_env.set(TRUSTED_PROXY_HOPS="1")
    from influfinder.settings import get_settings

    assert get_settings().trusted_proxy_hops == 1
    import importlib

    import rxconfig

    try:
        assert importlib.reload(rxconfig).config.trusted_proxy_hops == 1
    finally:
        settings_env.set(TRUSTED_PROXY_HOPS=None)
        importlib.reload(rxconfig)
