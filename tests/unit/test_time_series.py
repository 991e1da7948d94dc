"""The dashboards' counting over time (domain/time_series.py): pure, milliseconds."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from influfinder.domain.time_series import (
    Point, bucket, count_per_period, days_to_backfill, karma_points, periods, summarize,
)

TODAY = date(2026, 12, 6)


def test_periods_end_today_and_are_oldest_first():
    assert periods(TODAY, 3) == [date(2026, 12, 4), date(2026, 12, 5), TODAY]
    weeks = periods(TODAY, 12, 7)
    assert len(weeks) == 12 and weeks[-1] == TODAY - timedelta(days=6) and weeks[0] == TODAY - timedelta(days=83)
    with pytest.raises(ValueError):
        periods(TODAY, 0)


def test_every_week_has_a_point_and_events_land_in_their_week():
    days = [TODAY, TODAY - timedelta(days=6), TODAY - timedelta(days=7), TODAY - timedelta(days=83),
            TODAY - timedelta(days=84), TODAY + timedelta(days=1)]  # the last two are outside the window
    points = count_per_period(days, TODAY, 12, 7)
    assert [p.value for p in points] == [1] + [0] * 9 + [1, 2]
    assert points[-1].day == TODAY - timedelta(days=6)


def test_money_is_added_exactly():
    points = bucket([(TODAY, Decimal("100.50")), (TODAY, Decimal("0.25"))], TODAY, 2, zero=Decimal(0))
    assert [p.value for p in points] == [Decimal(0), Decimal("100.75")]


def test_karma_follows_the_brief_after_each_completion_in_date_order():
    days = [date(2026, 3, 1), date(2026, 1, 1), date(2026, 2, 1), date(2026, 4, 1), date(2026, 5, 1)]
    assert karma_points(days) == [Point(date(2026, 1, 1), 100), Point(date(2026, 2, 1), 200),
                                  Point(date(2026, 3, 1), 300), Point(date(2026, 4, 1), 350),
                                  Point(date(2026, 5, 1), 400)]
    assert karma_points([]) == [] and karma_points([], start=date(2025, 1, 1)) == []
    assert karma_points([date(2026, 1, 1)], start=date(2025, 12, 1)) == [Point(date(2025, 12, 1), 0),
                                                                        Point(date(2026, 1, 1), 100)]


def test_backfill_fills_the_window_before_the_first_snapshot_only():
    assert len(days_to_backfill(None, TODAY, 30)) == 30
    first = TODAY - timedelta(days=2)
    assert days_to_backfill(first, TODAY, 30) == periods(TODAY - timedelta(days=3), 27)
    assert days_to_backfill(TODAY - timedelta(days=40), TODAY, 30) == []


def test_a_summary_names_the_total_the_highest_and_the_latest():
    points = [Point(TODAY - timedelta(days=2), 3), Point(TODAY - timedelta(days=1), 5), Point(TODAY, 1)]
    s = summarize(points)
    assert (s.total, s.highest, s.highest_day, s.latest) == (9, 5, TODAY - timedelta(days=1), 1)
    assert summarize([Point(TODAY, Decimal(0))]).highest_day is None
    assert summarize([]).total == 0
