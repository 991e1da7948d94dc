"""Figures over time for the dashboards' charts: pure counting, no I/O.

- `periods(end, count, days)`: the last `count` periods of `days` days ending on `end` (inclusive),
  oldest first; a period is named by its first day.
- `bucket(events, ...)`: each (day, amount) added to the period it falls in; periods with nothing
  are 0, so a chart has a point for every period, not only for busy ones. Events outside the window
  are left out.
- `karma_points(days, start)`: the creator's karma after each completion, from the brief's formula
  (domain/tiers.py): the n-th completion leaves standing(n).karma; 0 on the day they joined.
- `days_to_backfill(first_recorded, today, count)`: the days of the window before the first
  recorded daily snapshot (all of them when there is none), for which figures are computed from the records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from influfinder.domain.tiers import standing

Amount = int | Decimal


@dataclass(frozen=True)
class Point:
    day: date  # the first day of the period
    value: Amount


def periods(end: date, count: int, days: int = 1) -> list[date]:
    """The first day of each of the last `count` periods of `days` days, the last one ending on `end`."""
    if count < 1 or days < 1:
        raise ValueError("count and days must be positive")
    first = end - timedelta(days=count * days - 1)
    return [first + timedelta(days=i * days) for i in range(count)]


def bucket(events: Iterable[tuple[date, Amount]], end: date, count: int, days: int = 1,
           zero: Amount = 0) -> list[Point]:
    """Amounts added up per period (see `periods`); every period present, empty ones at `zero`."""
    starts = periods(end, count, days)
    totals: list[Amount] = [zero] * count
    first = starts[0]
    for day, amount in events:
        if first <= day <= end:
            totals[(day - first).days // days] += amount
    return [Point(start, total) for start, total in zip(starts, totals)]


def count_per_period(days_of_events: Iterable[date], end: date, count: int, days: int = 1) -> list[Point]:
    return bucket(((d, 1) for d in days_of_events), end, count, days)


def karma_points(completion_days: Iterable[date], start: date | None = None) -> list[Point]:
    """Karma after each completion, in completion order (the days are sorted here), after 0 on `start`
    (the day the creator joined), so that even one completion draws a line, not a lone dot."""
    days = sorted(completion_days)
    first = [Point(start, 0)] if start is not None and days and start <= days[0] else []
    return first + [Point(day, standing(n).karma) for n, day in enumerate(days, start=1)]


def days_to_backfill(first_recorded: date | None, today: date, count: int) -> list[date]:
    """The window's days (the last `count`, today included) before the first recorded snapshot."""
    window = periods(today, count)
    if first_recorded is None:
        return window
    return [d for d in window if d < first_recorded]


@dataclass(frozen=True)
class Summary:
    total: Amount
    highest: Amount
    highest_day: date | None
    latest: Amount


def summarize(points: list[Point]) -> Summary:
    """What a caption says about a series: its total, its highest period and its latest value."""
    if not points:
        return Summary(0, 0, None, 0)
    top = max(points, key=lambda p: p.value)  # the first of equal highs
    return Summary(sum((p.value for p in points), type(points[0].value)(0)), top.value,
                   top.day if top.value else None, points[-1].value)
