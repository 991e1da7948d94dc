"""When a collaboration's reminders are due: the day before its visit and on the visit day, on the
venue's calendar, and once its content is late."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from influfinder.domain.enums import CollaborationStatus as S
from influfinder.domain.reminders import CONTENT_LATE, DAY_BEFORE, VISIT_DAY, ReminderFacts, reminder_due

MADRID, MEXICO = "Europe/Madrid", "America/Mexico_City"


def at(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)


def visit(moment: datetime, *, confirmed: bool = True, status: S = S.SCHEDULED) -> ReminderFacts:
    return ReminderFacts(status=status, confirmed=confirmed, visit=moment, content_deadline=None)


FRIDAY_NOON_MADRID = at(MADRID, 2026, 12, 11, 12, 0)


@pytest.mark.parametrize(("now", "expected"), [
    (at(MADRID, 2026, 12, 9, 20, 0), None),  # two days before
    (at(MADRID, 2026, 12, 10, 8, 59), None),  # the day before, too early in the morning
    (at(MADRID, 2026, 12, 10, 9, 0), DAY_BEFORE),
    (at(MADRID, 2026, 12, 10, 23, 59), DAY_BEFORE),
    (at(MADRID, 2026, 12, 11, 0, 30), None),  # the visit day, at night
    (at(MADRID, 2026, 12, 11, 7, 0), VISIT_DAY),
    (at(MADRID, 2026, 12, 11, 11, 59), VISIT_DAY),
    (at(MADRID, 2026, 12, 11, 12, 0), None),  # the visit's time came: nothing more to remind of
    (at(MADRID, 2026, 12, 12, 9, 0), None),  # the day after (the stepper flags it overdue instead)
])
def test_a_confirmed_visit_is_reminded_the_day_before_and_on_the_day(now, expected):
    assert reminder_due(visit(FRIDAY_NOON_MADRID), now, MADRID) == expected


def test_the_days_are_the_venues_not_the_servers():
    mexico_visit = at(MEXICO, 2026, 12, 11, 10, 0)  # Friday 10:00 in Mexico City is 16:00 UTC
    thursday_morning_there = at(MEXICO, 2026, 12, 10, 9, 30)  # already Thursday 16:30 in Madrid
    assert reminder_due(visit(mexico_visit), thursday_morning_there, MEXICO) == DAY_BEFORE
    thursday_night_in_madrid = at(MEXICO, 2026, 12, 10, 17, 30)  # 00:30 Friday in Madrid, Thursday there
    assert reminder_due(visit(mexico_visit), thursday_night_in_madrid, MEXICO) == DAY_BEFORE
    assert reminder_due(visit(mexico_visit), thursday_night_in_madrid, MADRID) is None


def test_an_early_visit_is_reminded_two_hours_before_on_its_day():
    early = at(MADRID, 2026, 12, 11, 6, 30)
    assert reminder_due(visit(early), at(MADRID, 2026, 12, 11, 4, 29), MADRID) is None
    assert reminder_due(visit(early), at(MADRID, 2026, 12, 11, 4, 30), MADRID) == VISIT_DAY


@pytest.mark.parametrize("facts", [
    visit(FRIDAY_NOON_MADRID, confirmed=False),  # a proposed date is not a visit yet
    visit(FRIDAY_NOON_MADRID, status=S.ACCEPTED),
    visit(FRIDAY_NOON_MADRID, status=S.CANCELLED),
    visit(FRIDAY_NOON_MADRID, status=S.DISPUTED),
])
def test_no_visit_reminder_without_a_confirmed_scheduled_visit(facts):
    assert reminder_due(facts, at(MADRID, 2026, 12, 10, 12, 0), MADRID) is None


def test_content_is_late_once_the_offer_content_deadline_passed_and_the_visit_is_marked():
    deadline = at(MADRID, 2026, 12, 20, 23, 0)
    visited = ReminderFacts(S.VISITED, True, FRIDAY_NOON_MADRID, deadline)
    assert reminder_due(visited, deadline, MADRID) is None
    assert reminder_due(visited, deadline + timedelta(minutes=1), MADRID) == CONTENT_LATE
    submitted = ReminderFacts(S.CONTENT_SUBMITTED, True, FRIDAY_NOON_MADRID, deadline)
    assert reminder_due(submitted, deadline + timedelta(days=3), MADRID) is None
    no_deadline = ReminderFacts(S.VISITED, True, FRIDAY_NOON_MADRID, None)
    assert reminder_due(no_deadline, deadline + timedelta(days=3), MADRID) is None
