"""The pages this backend process holds, for live delivery (state/live_delivery.py): whose each page is, the
last update it applied, the object it watches; and acting for a page outside its own events.

Module state, per process: a page is registered by the process its socket is connected to, when it loads.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any, Callable, TypeVar

import reflex as rx

from influfinder.services import unit_of_work
from influfinder.services.actors import acting
from influfinder.state.auth import credentials

T = TypeVar("T")

# The pages registered on this process: client token -> user id, and user id -> client tokens.
local_pages: dict[str, str] = {}
pages_of: dict[str, set[str]] = {}
delivered: dict[str, int] = {}  # client token -> the number of the last update the page applied
pushing: dict[str, asyncio.Task] = {}  # client token -> its latest push (a page's pushes run in order)


def remember_page(token: str, user_id: str) -> None:
    forget_page(token)
    local_pages[token] = user_id
    pages_of.setdefault(user_id, set()).add(token)


def note_delivered(token: str, seq: int) -> None:
    if token in local_pages:  # a signed-out page is not followed
        delivered[token] = seq


def forget_page(token: str) -> str | None:
    user_id = local_pages.pop(token, None)
    delivered.pop(token, None)
    if user_id is not None:
        tokens = pages_of.get(user_id, set())
        tokens.discard(token)
        if not tokens:
            pages_of.pop(user_id, None)
    return user_id


def is_local(app: rx.App, token: str) -> bool:
    """Whether the page's socket is connected to this process (not to another one, not gone)."""
    namespace = getattr(app, "event_namespace", None)
    manager = getattr(namespace, "_token_manager", None)
    record = manager.token_to_socket.get(token) if manager is not None else None
    return record is not None and record.instance_id == manager.instance_id


def push_credentials(state: rx.State) -> unit_of_work.Credentials:
    """The page's credentials for a push: its session is read without sliding its idle window."""
    return dataclasses.replace(credentials(state), activity=False)


async def call_for_push(state: rx.State, service: Callable[..., T], *args: Any) -> T:
    """A service as the page's user, for a push (never a socket's event)."""
    return await unit_of_work.acall(push_credentials(state), service, *args)


def session_user(state: rx.State) -> str | None:
    """The user of the session the page connected with, if that session is still live (blocking)."""
    actor = unit_of_work.call(push_credentials(state), acting)
    return str(actor.id) if actor else None


# The pages on this process that show an object, reloaded when it changes:
# client token -> (the object's bus channel, the state class that shows it).
watching: dict[str, tuple[str, type[rx.State]]] = {}


def watch(state: rx.State, channel: str) -> None:
    """Called by a page's load: a "changed" event on `channel` now runs `state._reload_live(channel)`.

    The page stops watching when it loads another page (`LiveState.track`) or its socket goes.
    """
    token = state.router.session.client_token
    if token:
        watching[token] = (channel, type(state))


def watchers(app: rx.App, channel: str | None = None) -> list[tuple[str, str, type[rx.State]]]:
    """(token, channel, state class) of this process's connected pages that watch `channel` (or anything)."""
    return [(token, watched, cls) for token, (watched, cls) in list(watching.items())
            if channel in (None, watched) and is_local(app, token)]


def unwatch(token: str) -> None:
    watching.pop(token, None)
