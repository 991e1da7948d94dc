"""Time zone names as the browser gives them (Intl's IANA names), checked against the zone database."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import available_timezones

MAX_LENGTH = 64


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(available_timezones())


def is_zone(value: object) -> bool:
    """True for "Europe/Madrid" or "UTC"; False for anything the zone database does not hold."""
    return isinstance(value, str) and len(value) <= MAX_LENGTH and value in _known()
