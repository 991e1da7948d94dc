"""Visit times typed and shown in the visitor's own time zone, whatever the browser claims it is."""

from datetime import datetime, timezone

import pytest

from influfinder.i18n import use_language
from influfinder.state import local_time

MADRID = "Europe/Madrid"


def test_a_typed_visit_is_wall_clock_time_in_the_visitors_zone():
    typed = local_time.from_field("2026-12-01T11:00", MADRID)
    assert typed.astimezone(timezone.utc) == datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)  # CET is UTC+1


def test_summer_time_is_applied_to_a_summer_date():
    typed = local_time.from_field("2026-07-01T11:00", MADRID)
    assert typed.astimezone(timezone.utc).hour == 9  # CEST is UTC+2


@pytest.mark.parametrize("value", ["", "tomorrow", "2026-12-01T11:00+05:00", None, 42, {"$gt": 1}, "2" * 300])
def test_anything_but_a_datetime_local_value_reads_as_no_date(value):
    assert local_time.from_field(value, MADRID) is None


@pytest.mark.parametrize("claimed", ["Mars/Olympus_Mons", "", None, ["Europe/Madrid"], "../../etc/passwd"])
def test_a_zone_that_does_not_exist_falls_back_to_utc(claimed):
    assert local_time.zone_name(claimed) == "UTC"


def test_stored_times_without_a_zone_are_utc_and_show_in_the_visitors_zone():
    stored = datetime(2026, 12, 1, 10, 0)  # as SQLite gives it back
    with use_language("en"):
        assert local_time.when(stored, MADRID) == "Tue 1 Dec 2026, 11:00"
    with use_language("es"):
        assert local_time.when(stored, MADRID) == "mar 1 dic 2026, 11:00"
    assert local_time.field_value(stored, MADRID) == "2026-12-01T11:00"
    assert local_time.day(None, MADRID) == ""
