"""How a creator fits an offer, in the reader's words (the checks are domain/eligibility.py's).

A check's `words` is a msgid and its values; values are written by their name: `have`/`wanted`
numbers of followers, `*_percent` engagement, `*_tier` tier levels, `*_at` moments; a value that is
itself (msgid, values) is written first (a reason holds its check's detail).
"""

from __future__ import annotations

from datetime import datetime

from influfinder.domain.enums import Tier
from influfinder.i18n import formats
from influfinder.i18n.labels import label
from influfinder.i18n.language import N_, current_language, translated

# The business reads the same checks about the creator: "they", not "you".
FOR_BUSINESS = {
    "You are {have_tier}; the offer is for {wanted_tier} or higher":
        N_("They are {have_tier}; the offer is for {wanted_tier} or higher"),
    "Your {platform} figures are verified": N_("Their {platform} figures are verified"),
    "Your {platform} figures are self-reported: connect {platform} in Settings to verify them":
        N_("Their {platform} figures are self-reported"),
}


def _value(name: str, value: object, for_business: bool) -> object:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        return written(value, for_business=for_business)
    if name.endswith("_tier") and isinstance(value, int):
        return label(Tier(value))
    if name.endswith("_percent") and isinstance(value, (int, float)):
        return formats.number(round(float(value), 1)) + ("%" if current_language() == "en" else " %")
    if name.endswith("_at") and isinstance(value, datetime):
        return formats.short_day(value)
    if isinstance(value, int):
        return formats.number(value)
    return value


def written(words: tuple[str, dict], *, for_business: bool = False) -> str:
    """The words in the current language; "" for a check made without them."""
    template, values = words
    if not template:
        return ""
    if for_business:
        template = FOR_BUSINESS.get(template, template)
    shown = {name: _value(name, value, for_business) for name, value in values.items()}
    return translated(template).format(**shown)
