"""A page's root state as Reflex builds it when a socket connects, for calling middleware and handlers
directly: the cookie, headers and address the socket connected with."""

from __future__ import annotations

import uuid

from reflex.event import Event
from reflex.state import State


def connected_root(path: str, *, cookie: str = "", ip: str = "127.0.0.1",
                   headers: dict[str, str] | None = None) -> tuple[State, dict]:
    root = State(_reflex_internal_init=True)
    data = {"headers": {"cookie": cookie, "user-agent": "pytest", **(headers or {})}, "pathname": path,
            "asPath": path, "query": {}, "ip": ip, "token": f"tab-{uuid.uuid4().hex[:8]}", "sid": "s1"}
    root.router_data = root._update_router_vars(data, root.router_data)
    return root, data


def event_for(state_cls, handler: str, router_data: dict) -> Event:
    return Event(name=f"{state_cls.get_full_name()}.{handler}", router_data=router_data, payload={})
