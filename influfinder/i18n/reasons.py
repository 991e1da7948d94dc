"""A recommendation's reasons in the reader's words (the reasons are domain/recommendations.py's)."""

from __future__ import annotations

from influfinder.domain.enums import OfferCategory, Tier
from influfinder.domain.recommendations import Reason, Scored
from influfinder.i18n import formats
from influfinder.i18n.labels import label
from influfinder.i18n.language import _


def _word(name: str, value: object) -> object:
    if name == "category":
        return label(str(value).upper(), OfferCategory)
    if name == "kind":
        return label(str(value).upper(), OfferCategory).lower()
    if name == "tier":
        return label(Tier(int(value)))
    if name == "rating":
        return formats.number(round(float(value), 1))
    return value


def reason_words(reason: Reason) -> str:
    return reason.written(_, _word)


def why(scored: Scored) -> str:
    """The two or three biggest reasons in one line: what a card shows under its title."""
    return " · ".join(reason_words(r) for r in scored.top_reasons)
