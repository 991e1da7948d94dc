"""Series as a chart's rows and as the sentence that says its figures (the chart's text alternative).

Plain Python for the states: days and numbers written by i18n/formats.py in the page's language.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from decimal import Decimal
from typing import Any, Callable

from influfinder.domain.time_series import Point, summarize
from influfinder.i18n import _, formats

SEPARATOR = "; "


def day_text(day: date) -> str:
    """3 nov / 3 Nov."""
    return formats.short_day(datetime.combine(day, time(0), tzinfo=timezone.utc))


def rows(**series: list[Point]) -> list[dict[str, Any]]:
    """One row per period with a "label" (its first day) and each series' value under its name."""
    first = next(iter(series.values()), [])
    out = []
    for i, point in enumerate(first):
        row: dict[str, Any] = {"label": day_text(point.day)}
        for name, points in series.items():
            value = points[i].value
            row[name] = float(value) if isinstance(value, Decimal) else value
        out.append(row)
    return out


def listed(points: list[Point], write: Callable[[Any], str] = formats.number) -> str:
    """3 nov: 4; 10 nov: 0; ... (every period, so a screen reader hears the same as the chart shows)."""
    return SEPARATOR.join(f"{day_text(p.day)}: {write(p.value)}" for p in points)


def weekly_caption(sentence: str, points: list[Point], write: Callable[[Any], str] = formats.number) -> str:
    """`sentence` has {weeks}, {values} and {total}: the chart's figures in words."""
    total = summarize(points).total
    return sentence.format(weeks=len(points), values=listed(points, write), total=write(total))


def money_writer(currency: str) -> Callable[[Any], str]:
    return lambda amount: formats.money(amount, currency) or formats.money(0, currency)


def karma_caption(points: list[Point]) -> str:
    if not points:
        return _("No karma yet: the chart starts with your first completed collaboration.")
    return _("Your karma on the day you joined, then after each completed collaboration: {values}.").format(
        values=listed(points))
