"""Enum values in words, in the current language (the table is domain/labels.py).

    label(OfferStatus.ACTIVE)            -> "Activa" / "Active"
    label("ACTIVE", OfferStatus)         -> the same, from a value read from a row or a URL
    label(ApplicationStatus.APPLIED, for_creator=True) -> "Enviada" / "Sent"
"""

from __future__ import annotations

from enum import Enum

from influfinder.domain.labels import CREATOR_LABELS, LABELS
from influfinder.i18n.language import translated


def label(value: object, enum: type[Enum] | None = None, *, for_creator: bool = False) -> str:
    if enum is not None and not isinstance(value, enum):
        try:
            value = enum(value)
        except ValueError:
            return str(value)
    if for_creator and value in CREATOR_LABELS:
        return translated(CREATOR_LABELS[value])
    text = LABELS.get(value)
    if text is None:
        return str(getattr(value, "value", value)).replace("_", " ").capitalize()
    return translated(text)


def labels_of(enum: type[Enum], *, for_creator: bool = False) -> dict[str, str]:
    """{value: words} for a whole enum (a badge's cases, a filter's options)."""
    return {str(member.value): label(member, for_creator=for_creator) for member in enum}
