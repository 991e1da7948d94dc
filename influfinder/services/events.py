"""Typed domain events, handed to subscribers after the transaction that raised them commits.

A service says what happened with `emit(db, SomethingHappened(...))`; it never calls the code that
reacts (live push, mail, counters). Subscribers register at start-up with `subscribe`, in the
module where the effect belongs, so services never import the live-update or mail modules.

Delivery rides on `effects.after_commit` (DESIGN rule 6): nothing is handed over before the
commit, a rollback drops the events, each subscriber runs in the effects' worker thread, and a
subscriber that fails is logged without undoing the change or stopping the other subscribers.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Callable, TypeVar

from sqlalchemy.orm import Session

from influfinder.services.effects import after_commit_once

log = logging.getLogger(__name__)


class DomainEvent:
    """Base of every event: frozen dataclasses of ids and plain values, never rows or sessions."""


E = TypeVar("E", bound=DomainEvent)
_subscribers: dict[type, list[Callable]] = defaultdict(list)


def emit(db: Session, event: DomainEvent) -> None:
    """Hand `event` to its subscribers once `db` commits (the same event twice in one commit: once)."""
    after_commit_once(db, dispatch, event)


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Register `handler` for `event_type` (and its subclasses); registering twice is a no-op."""
    if handler not in _subscribers[event_type]:
        _subscribers[event_type].append(handler)


def unsubscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    while handler in _subscribers[event_type]:
        _subscribers[event_type].remove(handler)


def dispatch(event: DomainEvent) -> None:
    """Run every subscriber of the event's type and its bases; one failing never stops the rest."""
    for event_type in type(event).__mro__:
        for handler in list(_subscribers.get(event_type, ())):
            try:
                handler(event)
            except Exception:  # noqa: BLE001 - logged with context, never raised into the request
                log.exception("subscriber %s failed on %r", getattr(handler, "__name__", handler), event)
