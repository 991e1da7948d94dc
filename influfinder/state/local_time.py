"""Times in the visitor's own time zone: the browser names it, the server formats with it.

The page asks the browser for its IANA zone name ("Europe/Madrid") once on load; anything that is
not a known zone name reads as UTC. A visit typed into a datetime-local field is wall-clock time
in that zone and is turned into an aware datetime before any service sees it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from influfinder.domain.moments import as_utc
from influfinder.domain.time_zones import is_zone
from influfinder.i18n import formats

# What the browser runs to name its zone; its answer comes back to a handler as a plain string.
UTC = "UTC"


def zone_name(value: object) -> str:
    """The zone name the browser sent, if it is a real one; else UTC."""
    return value if is_zone(value) else UTC


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(zone_name(name))


def when(moment: datetime | None, zone: str) -> str:
    """ "vie 12 dic 2026, 14:30" / "Fri 12 Dec 2026, 14:30" in the zone and the page's language."""
    return formats.when(moment, zone=zone_name(zone))


def day(moment: datetime | None, zone: str) -> str:
    """ "12 dic 2026" / "12 Dec 2026" in the zone and the page's language."""
    return formats.day(moment, zone=zone_name(zone))


def field_value(moment: datetime, zone: str) -> str:
    """The value a datetime-local input shows for the moment: "2026-12-12T14:30"."""
    return as_utc(moment).astimezone(_zone(zone)).strftime("%Y-%m-%dT%H:%M")


def earliest_visit(zone: str) -> str:
    """The datetime-local `min`: the next whole hour from now, in the zone."""
    soon = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return field_value(soon, zone)


def from_field(value: object, zone: str) -> datetime | None:
    """A datetime-local value read as wall-clock time in the zone; None when it is not one."""
    if not isinstance(value, str) or not 10 <= len(value.strip()) <= 19:
        return None
    try:
        local = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if local.tzinfo is not None:
        return None
    return local.replace(tzinfo=_zone(zone))
