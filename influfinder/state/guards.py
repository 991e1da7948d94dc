"""Middleware run before every event: the one place that refuses whole classes of handlers.

- Handlers of admin states (subclasses of AdminState) run only for an admin's session.
- Reflex's generic `setvar` handler is refused for our states: no page uses it, and it would let
  a socket write any var. Identity never comes from vars anyway (DESIGN rule 3).
"""

from __future__ import annotations

import logging

from reflex.middleware import Middleware
from reflex.state import StateUpdate

from influfinder.services import unit_of_work
from influfinder.services.actors import acting
from influfinder.state.admin import AdminState
from influfinder.state.auth import credentials

log = logging.getLogger(__name__)
OUR_STATES = "influfinder___state___"


def is_admin_event(event_name: str) -> bool:
    return event_name.startswith(AdminState.get_full_name() + ".")


def is_our_setvar(event_name: str) -> bool:
    return OUR_STATES in event_name and event_name.endswith(".setvar")


async def _is_admin_session(state) -> bool:
    actor = await unit_of_work.acall(credentials(state), acting)
    return actor is not None and actor.is_admin


class EventGuard(Middleware):
    async def preprocess(self, app, state, event) -> StateUpdate | None:
        if is_our_setvar(event.name):
            log.warning("refused %s", event.name)
            return StateUpdate()
        if is_admin_event(event.name) and not await _is_admin_session(state):
            log.warning("refused admin event %s", event.name)
            return StateUpdate()
        return None
