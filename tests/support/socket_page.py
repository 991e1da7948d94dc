"""An open page, spoken over Reflex's own socket protocol without a browser (python-socketio).

What the built frontend does (reflex_base/.templates/web/utils/state.js), and nothing more:

- connect to `/_event` with the tab's token in the query string, the session cookie in the
  headers, and the hydrate event (`<root>.hydrate_and_load`) in the socket.io CONNECT packet;
- send each event as `{"name", "payload", "router_data": {"pathname", "asPath", "query"}}`;
- apply every `event` update it receives (a delta of vars per state) and send back the events an
  update asks for (on_load chains, handlers returned by handlers); frontend-only events (named
  `_...`: redirects, scripts) are recorded, not run;
- adopt a `new_token` (the backend saw the token on another socket) for the next connect.

Used by the multi-process delivery tests and the socket benchmarks, where a browser per page would
cost far more than the thing measured. The vars are kept flat per state: `page.var("unread_messages")`.
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
import uuid
from collections.abc import Callable
from typing import Any

import socketio

ROOT_STATE = "reflex___state____state"
EVENT_PATH = "/_event"  # both the socket.io path and the namespace the events travel in
Listener = Callable[[dict[str, Any]], None]


def routed(name: str, payload: dict[str, Any], path: str, params: dict[str, str]) -> dict[str, Any]:
    """An event as the frontend sends it from the page at `path` (`params`: a dynamic route's parts)."""
    pathname, _, query = path.partition("?")
    router_data = {"pathname": pathname, "asPath": path}
    params = {**dict(urllib.parse.parse_qsl(query)), **params}
    if params:
        router_data["query"] = params
    return {"name": name, "payload": payload, "router_data": router_data}


def apply_update(vars: dict[str, dict[str, Any]], update: dict[str, Any], frontend: list) -> list[dict[str, Any]]:
    """Apply an update's delta to `vars`; returns the events it asks the page to send back
    (frontend-only ones, named `_...`, go to `frontend` instead)."""
    for state, changes in (update.get("delta") or {}).items():
        vars.setdefault(state, {}).update({name.removesuffix("_rx_state_"): value for name, value in changes.items()})
    back = []
    for event in update.get("events") or []:
        (frontend if event["name"].startswith("_") else back).append(event)
    return back


class SocketPage:
    """One browser tab on one backend: `await page.open("/offers")`, then read its vars."""

    def __init__(self, base_url: str, *, cookie: str = "", origin: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.headers = {"Origin": origin or self.base_url}
        if cookie:
            self.headers["Cookie"] = cookie
        self.token = str(uuid.uuid4())
        self.path = "/"
        self.params: dict[str, str] = {}  # a dynamic route's parts, as React Router hands them over
        self.vars: dict[str, dict[str, Any]] = {}  # state name -> var name -> value
        self.frontend_events: list[dict[str, Any]] = []
        self.listeners: list[Listener] = []
        self.updates = 0
        self._changed = asyncio.Event()
        self.client = self._new_client()

    def _new_client(self) -> socketio.AsyncClient:
        client = socketio.AsyncClient(reconnection=False)
        client.on("event", self._on_update, namespace=EVENT_PATH)
        client.on("new_token", self._on_new_token, namespace=EVENT_PATH)
        return client

    # ---- connection -----------------------------------------------------------------------------

    async def open(self, path: str, params: dict[str, str] | None = None, *, timeout: float = 30) -> None:
        """Load a page: connect (hydrating) and wait until its on_load chain has run.

        `params` names a dynamic route's parts: `open("/offers/12", {"offer_id": "12"})`.
        """
        self.path, self.params = path, dict(params or {})
        hydrated = self.wait_for(lambda: self.var("is_hydrated", ROOT_STATE) is True, timeout=timeout)
        await self.client.connect(
            f"{self.base_url}?token={self.token}", headers=self.headers, transports=["websocket"],
            socketio_path=EVENT_PATH, namespaces=[EVENT_PATH], auth={"event": self._routed(f"{ROOT_STATE}.hydrate_and_load", {})},
            wait_timeout=timeout,
        )
        await hydrated

    async def reconnect(self, *, timeout: float = 30) -> None:
        """What a tab does when its socket dropped: connect again with the same token and rehydrate."""
        await self.close()
        self.client = self._new_client()
        self.vars.get(ROOT_STATE, {}).pop("is_hydrated", None)
        await self.open(self.path, self.params, timeout=timeout)

    async def close(self) -> None:
        if self.client.connected:
            await self.client.disconnect()

    # ---- events ---------------------------------------------------------------------------------

    async def send(self, name: str, **payload: Any) -> None:
        """Call a handler by its full name (`<state full name>.<handler>`)."""
        await self.client.emit("event", self._routed(name, payload), namespace=EVENT_PATH)

    async def call(self, name: str, condition: Callable[[], bool] | None = None, *, timeout: float = 30,
                   **payload: Any) -> float:
        """Send an event and wait for its answer (an update, or `condition`); returns the round trip in seconds."""
        start = time.perf_counter()
        seen = self.updates
        waiter = self.wait_for(condition or (lambda: self.updates > seen), timeout=timeout)
        await self.send(name, **payload)
        await waiter
        return time.perf_counter() - start

    def _routed(self, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        return routed(name, payload, self.path, self.params)

    def go(self, path: str) -> None:
        """Navigate inside the app (no reconnect): the next events carry the new address, as after a
        Reflex redirect; send the page's on_load handlers to load it."""
        self.path = path

    async def _on_update(self, update: dict[str, Any]) -> None:
        self.updates += 1
        for listener in list(self.listeners):
            listener(update)
        self._changed.set()
        for event in apply_update(self.vars, update, self.frontend_events):
            await self.send(event["name"], **(event.get("payload") or {}))

    async def _on_new_token(self, token: str) -> None:
        self.token = token

    # ---- reading --------------------------------------------------------------------------------

    def var(self, name: str, state: str | None = None) -> Any:
        """A var's value on the page; with no state named, the first state that has it."""
        if state is not None:
            return self.vars.get(state, {}).get(name)
        for changes in self.vars.values():
            if name in changes:
                return changes[name]
        return None

    async def wait_for(self, condition: Callable[[], bool], *, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"the page at {self.path} did not reach the expected state in {timeout}s")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.5))
            except TimeoutError:
                pass
