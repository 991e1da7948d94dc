"""Deadlines and reminders go by the venue's clock: the offer city's zone, Madrid's for a city we do not know."""

from datetime import datetime, timezone

from influfinder.domain.venues import DEFAULT_ZONE, zone_or_default
from influfinder.i18n import use_language
from influfinder.state.offer_cards import venue_moment

MIDNIGHT_UTC = datetime(2027, 1, 10, 23, 0, tzinfo=timezone.utc)


def test_a_known_city_has_its_zone_and_any_other_goes_by_madrid():
    assert zone_or_default("Ciudad de México") == "America/Mexico_City"
    assert zone_or_default("Las Palmas") == "Atlantic/Canary"
    assert zone_or_default("Atlantis") == zone_or_default("") == zone_or_default(None) == DEFAULT_ZONE == "Europe/Madrid"


def test_a_deadline_reads_on_the_venues_clock_with_the_zone_named():
    assert venue_moment(MIDNIGHT_UTC, "Madrid") == "Mon 11 Jan 2027, 00:00 (Spain (Madrid) Time)"
    assert venue_moment(MIDNIGHT_UTC, "Atlantis") == "Mon 11 Jan 2027, 00:00 (Spain (Madrid) Time)"
    with use_language("es"):
        assert venue_moment(MIDNIGHT_UTC, "Guadalajara") == "dom 10 ene 2027, 17:00 (hora de México (Ciudad de México))"
    assert venue_moment(None, "Madrid") == ""
