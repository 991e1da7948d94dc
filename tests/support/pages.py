"""A page's state built the way an event builds it, and its handlers called as Reflex calls them."""

from __future__ import annotations

import asyncio
import inspect
import uuid

from reflex.state import State

from tests.support.people import cookie_header


def open_page(cls, url: str, token: str | None):
    """The page's state, as Reflex holds it for a tab that opened `url` with that session cookie."""
    root = State(_reflex_internal_init=True)
    data = {"headers": {"cookie": cookie_header(token) if token else "", "origin": "http://localhost:3000"},
            "pathname": url.split("?")[0], "asPath": url, "query": {}, "ip": "127.0.0.1",
            "token": f"tab-{uuid.uuid4().hex[:8]}", "sid": "s1"}
    root.router_data = root._update_router_vars(data, root.router_data)
    return root.get_substate(cls.get_full_name().split(".")[1:])


def run(state, name: str, *args) -> list:
    """Call one handler to the end; what it returned or yielded (redirects...), Nones left out."""
    result = type(state).event_handlers[name].fn(state, *args)

    async def drain():
        if inspect.isasyncgen(result):
            return [item async for item in result]
        return [await result] if inspect.iscoroutine(result) else [result]

    return [item for item in asyncio.run(drain()) if item is not None]


def redirects(events: list) -> str:
    return " ".join(str(e) for e in events)
