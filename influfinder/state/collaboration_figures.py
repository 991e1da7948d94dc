"""A completed collaboration's numbers as the page shows them: duration, quality score, both ratings."""

from __future__ import annotations

from dataclasses import dataclass

from influfinder.i18n import _, formats, ngettext
from influfinder.services.metrics import CollaborationMetrics

NOTHING = "—"


@dataclass
class CollabFigure:
    key: str = ""
    label: str = ""
    value: str = ""


def _days(value: float | None) -> str:
    if value is None:
        return NOTHING
    if value < 1:
        return _("Less than a day")
    return ngettext("{n} day", "{n} days", 1 if value == 1 else 2).format(n=formats.number(value))


def _stars(value: int | None) -> str:
    return NOTHING if value is None else _("{n} of 5").format(n=value)


def collaboration_figures(m: CollaborationMetrics | None) -> list[CollabFigure]:
    if m is None:
        return []
    quality = NOTHING if m.ai_quality is None else _("{n} of 10").format(n=formats.number(m.ai_quality))
    return [
        CollabFigure("duration", _("From acceptance to completion"), _days(m.duration_days)),
        CollabFigure("quality", _("Content quality score"), quality),
        CollabFigure("creator_rating", _("Rating the creator received"), _stars(m.creator_rating)),
        CollabFigure("business_rating", _("Rating the business received"), _stars(m.business_rating)),
    ]
