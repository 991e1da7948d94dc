"""The time the services and the rows read: the real clock, or a moment set for a replay.

Every service stamps "now" through `services.guards.now()` and every new row through
`models._base.utcnow()`; both ask `now()` here. The demo (services/demo) replays a story that
happened over months by running the real services at the moments the story gives, inside
`at(moment)`: the dates, deadlines and checks ("a visit date must be in the future") are then those
of that moment. A context variable holds the moment, so it never leaks into another request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone

_moment: ContextVar[datetime | None] = ContextVar("influfinder_clock_moment", default=None)


def now() -> datetime:
    return _moment.get() or datetime.now(timezone.utc)


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    """Within the block, `now()` is `moment` (an aware datetime)."""
    if moment.tzinfo is None:
        raise ValueError("the clock takes aware datetimes only")
    token = _moment.set(moment)
    try:
        yield
    finally:
        _moment.reset(token)
