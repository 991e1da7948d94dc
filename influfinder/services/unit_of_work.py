"""The one door into the services: a unit of work per call.

    result = unit_of_work.call(credentials, service, *args)          # blocking, in a worker thread
    result = await unit_of_work.acall(credentials, service, *args)   # from a Reflex handler or route

opens one database session, resolves the actor once from the caller's credentials in that same
session, runs `service(db, actor, *args, **kwargs)`, and commits. Once the commit is done the
domain events the service emitted go to their subscribers (services/events.py); a refusal
(ServiceError) or any other error rolls everything back, events included.

The pages pass the session cookie the socket connected with; the HTTP API passes its bearer token.
Neither face opens a database session or resolves an actor itself.
"""

from __future__ import annotations

import asyncio
import functools
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from sqlmodel import Session

from influfinder.database import session_scope
from influfinder.services.actors import Actor, actor_for_token

T = TypeVar("T")


@dataclass(frozen=True)
class Credentials:
    """What the caller presented; the door alone turns it into an Actor."""

    session_token: str | None = None  # the pages' HttpOnly session cookie
    client_ip: str = ""
    user_agent: str = ""
    activity: bool = True  # False for a push to an open page: the session's idle window does not slide


ANONYMOUS = Credentials()


def resolve_actor(db: Session, credentials: Credentials) -> Actor | None:
    if credentials.session_token:
        return actor_for_token(db, credentials.session_token, slide=credentials.activity)
    return None


def for_anyone(service: Callable[..., T]) -> Callable[..., T]:
    """`service(db, *args)` as the door calls it, for acts where who is signed in does not matter
    (a link's token, asking for a reset mail)."""

    @functools.wraps(service)
    def run(db: Session, _actor: Actor | None, *args: Any, **kwargs: Any) -> T:
        return service(db, *args, **kwargs)

    return run


def call(credentials: Credentials, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `service(db, actor, *args, **kwargs)` in one transaction; events follow the commit."""
    with session_scope() as db:
        actor = resolve_actor(db, credentials)
        return service(db, actor, *args, **kwargs)


async def acall(credentials: Credentials, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`call` in a worker thread: bcrypt, SMTP and queries never block the event loop."""
    return await asyncio.to_thread(call, credentials, service, *args, **kwargs)
