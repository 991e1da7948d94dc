"""How every Reflex handler reaches the services: one decorator, one call through the door.

    @rx.event
    @service_handler("withdrawing an application")
    async def withdraw(self, application_id: str):
        await call_service(self, applications.withdraw, application_id)
        self.notice = WITHDRAWN

A handler is a public RPC (DESIGN rule 2). `service_handler` runs it and answers for it:

- a socket that connected without a session cookie is sent to log in before the handler runs
  (unless `public=True`: pages anyone may see);
- a refusal (ServiceError) shows next to its field, or as the form's message (the state's
  `_refused`; `field=` names the one field every refusal of this handler shows beside);
- "log in" (the session ended meanwhile) sends the page to log in, coming back afterwards, and
  Forbidden (an admin page for someone else) to the page that says it is not for this account;
- anything else is logged with the handler and the page, and shown as the same friendly message
  (the state's `_unexpected`): never a traceback.

`call_service` is the only way a state calls a service: one database session, the actor resolved
once in it from the socket's credentials, events after the commit (services/unit_of_work.py).
"""

from __future__ import annotations

import enum
import functools
import inspect
import logging
from typing import Any, Callable, TypeVar

import reflex as rx

from influfinder.i18n.routes import page_href
from influfinder.services import unit_of_work
from influfinder.services.errors import Forbidden, LogInRequired, ServiceError
from influfinder.state.auth import credentials, current_path, to_login

log = logging.getLogger(__name__)
T = TypeVar("T")


class Refused(enum.Enum):
    REFUSED = "refused"


REFUSED = Refused.REFUSED  # try_service's answer when the service refused (the reason is shown)
FORBIDDEN = "/forbidden"  # the page that says this part of the site is not for this account


async def call_service(state: rx.State, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`service(db, actor, *args, **kwargs)` for the socket's user, in a worker thread."""
    return await unit_of_work.acall(credentials(state), service, *args, **kwargs)


async def try_service(state: rx.State, service: Callable[..., T], *args: Any, **kwargs: Any) -> T | Refused:
    """`call_service` where a refusal is shown and the handler goes on (to show the page again).

    The service's answer, or REFUSED. "Log in" and unexpected errors still end the handler.
    """
    try:
        return await call_service(state, service, *args, **kwargs)
    except (LogInRequired, Forbidden):
        raise
    except ServiceError as error:
        state._refused(error)
        return REFUSED


def service_handler(doing: str, *, public: bool = False, field: str | None = None):
    """Wrap a handler; `doing` names it in the log. A coroutine stays a coroutine (its events are
    returned); a generator or a plain function becomes an async generator (its events are yielded)."""

    def decorate(handler: Callable) -> Callable:
        def answer(self, error: Exception):
            """What a handler that raised `error` leaves on the page, and the event it sends, if any."""
            if isinstance(error, LogInRequired):
                return to_login(self)
            if isinstance(error, Forbidden):
                return rx.redirect(page_href(FORBIDDEN))
            if isinstance(error, ServiceError):
                self._refused(ServiceError(error.message, field or error.field))
            else:
                log.error("%s failed (%s on %s)", doing, type(self).__name__, current_path(self), exc_info=error)
                self._unexpected()
            return None

        def refused_at_the_door(self) -> bool:
            return not public and not credentials(self).session_token

        if inspect.iscoroutinefunction(handler):
            @functools.wraps(handler)  # keeps the signature Reflex reads the arguments' types from
            async def run_coroutine(self, *args: Any, **kwargs: Any):
                if refused_at_the_door(self):
                    return to_login(self)
                try:
                    return await handler(self, *args, **kwargs)
                except Exception as error:  # noqa: BLE001 - answered: a message, a redirect, a log line
                    return answer(self, error)

            return run_coroutine

        @functools.wraps(handler)
        async def run_generator(self, *args: Any, **kwargs: Any):
            if refused_at_the_door(self):
                yield to_login(self)
                return
            try:
                async for update in _updates(handler(self, *args, **kwargs)):
                    yield update
            except Exception as error:  # noqa: BLE001 - answered: a message, a redirect, a log line
                event = answer(self, error)
                if event is not None:
                    yield event

        return run_generator

    return decorate


async def _updates(result: Any):
    """What a generator or a plain handler produced, as a stream of events."""
    if inspect.isasyncgen(result):
        async for update in result:
            yield update
    elif inspect.isgenerator(result):
        for update in result:
            yield update
    elif result is not None:
        yield result
