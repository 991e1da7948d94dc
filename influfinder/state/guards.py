"""Middleware run before every event: the one place that refuses whole classes of handlers.

- Handlers of admin states (subclasses of AdminState) run only for an admin's session.
- Every event gets an id for the logs and its latency in /metrics.
- Reflex's generic `setvar` handler is refused for our states: no page uses it, and it would let
  a socket write any var. Identity never comes from vars anyway (DESIGN rule 3).
- A socket whose session has ended (idle or absolute lifetime, or revoked) gets no more events:
  the page leaves for the login page through /auth/signout, which drops the dead cookie, instead
  of showing data loaded for a session that is over.
"""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.parse

from reflex.event import Event
from reflex.middleware import Middleware
from reflex.state import StateUpdate

from influfinder.i18n.routes import language_of_path, localized
from influfinder.integrations.prometheus_metrics import EVENT_SECONDS
from influfinder.logs import new_id, request_id
from influfinder.services import sessions, unit_of_work
from influfinder.services.actors import acting
from influfinder.state.admin import AdminState
from influfinder.state.auth import backend_url, credentials, current_path
from influfinder.state.browser import BrowserState, full_page_load

log = logging.getLogger(__name__)
OUR_STATES = "influfinder___state___"


def is_admin_event(event_name: str) -> bool:
    return event_name.startswith(AdminState.get_full_name() + ".")


def is_our_setvar(event_name: str) -> bool:
    return OUR_STATES in event_name and event_name.endswith(".setvar")


async def _is_admin_session(state) -> bool:
    actor = await unit_of_work.acall(credentials(state), acting)
    return actor is not None and actor.is_admin


def _has_ended_session(token: str) -> bool:
    return sessions.resolve(token) is None


def _signed_out_page(state) -> StateUpdate:
    """The login page, which brings the person back here once they log in again."""
    back = current_path(state)  # an English page's login page is English too: /en/login
    login = localized("/login", language_of_path(back)) + "?" + urllib.parse.urlencode({"next": back, "session_ended": "1"})
    signout = "/auth/signout?" + urllib.parse.urlencode({"next": login})
    return StateUpdate(events=Event.from_event_type(full_page_load(backend_url(signout))))


def _time_event(name: str) -> None:
    """Name the event in the logs (`ev-...`) and observe its latency when its task ends (handler and
    state saved). Each event runs in a task of its own; the handler label is the registered
    `state.handler`, so a socket sending made-up names cannot multiply the series."""
    task = asyncio.current_task()
    if task is None:
        return
    request_id.set(new_id("ev-"))
    state_name, _, handler = name.rpartition(".")
    label = f"{state_name.rsplit('.', 1)[-1].split('___')[-1]}.{handler}"
    start = time.perf_counter()
    task.add_done_callback(lambda _task: EVENT_SECONDS.labels(label).observe(time.perf_counter() - start))


class EventGuard(Middleware):
    async def preprocess(self, app, state, event) -> StateUpdate | None:
        _time_event(event.name)
        # A socket without a session cookie has no session to end: no thread for it (most Browse events).
        token = credentials(state).session_token
        if token is not None and not event.name.startswith(BrowserState.get_full_name() + ".") and \
                await asyncio.to_thread(_has_ended_session, token):
            log.info("session ended: %s leaves for the login page", event.name)
            return _signed_out_page(state)
        if is_our_setvar(event.name):
            log.warning("refused %s", event.name)
            return StateUpdate()
        if is_admin_event(event.name) and not await _is_admin_session(state):
            log.warning("refused admin event %s", event.name)
            return StateUpdate()
        return None
