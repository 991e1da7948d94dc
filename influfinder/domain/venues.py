"""Where a venue is: the time zone of the city an offer's visit happens in.

Visit times are shown in the venue's zone (and named), so a creator in another zone still reads
the time on the venue's clock. An unknown city has no zone: times are then shown in UTC.
"""

from __future__ import annotations

import unicodedata

CITY_ZONES = {
    "madrid": "Europe/Madrid", "barcelona": "Europe/Madrid", "sevilla": "Europe/Madrid", "seville": "Europe/Madrid",
    "valencia": "Europe/Madrid", "malaga": "Europe/Madrid", "bilbao": "Europe/Madrid", "zaragoza": "Europe/Madrid",
    "palma": "Europe/Madrid", "las palmas": "Atlantic/Canary", "santa cruz de tenerife": "Atlantic/Canary",
    "ciudad de mexico": "America/Mexico_City", "mexico city": "America/Mexico_City", "cdmx": "America/Mexico_City",
    "guadalajara": "America/Mexico_City", "monterrey": "America/Monterrey", "cancun": "America/Cancun",
    "tijuana": "America/Tijuana", "miami": "America/New_York", "new york": "America/New_York",
    "austin": "America/Chicago", "los angeles": "America/Los_Angeles", "london": "Europe/London",
    "lisboa": "Europe/Lisbon", "lisbon": "Europe/Lisbon", "paris": "Europe/Paris",
}


def _plain(city: str) -> str:
    decomposed = unicodedata.normalize("NFKD", city.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def venue_zone(city: str | None) -> str | None:
    """Europe/Madrid for "Sevilla", America/Mexico_City for "Ciudad de México"; None when unknown."""
    return CITY_ZONES.get(_plain(city or ""))


DEFAULT_ZONE = "Europe/Madrid"  # the demo's and most venues' zone: for a city we do not know


def zone_or_default(city: str | None) -> str:
    """The venue's zone, else Madrid's: what reminders and anonymous visitors go by."""
    return venue_zone(city) or DEFAULT_ZONE
