"""Small helpers the marketplace states share: reading the URL, and turning values into words.

Everything here is plain Python (no state): the states call it to fill their dataclass rows.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

import reflex as rx

from influfinder.domain import enums
from influfinder.i18n import formats
from influfinder.i18n.labels import label as enum_label
from influfinder.services.pagination import MAX_PAGE

_PAGE = re.compile(r"^[0-9]{1,6}$")


def path_part(state: rx.State, from_end: int) -> str:
    """A segment of the page's path, counted from the end (1 = the last one)."""
    parts = [p for p in (state.router.url.path or "").split("/") if p]
    return parts[-from_end] if len(parts) >= from_end else ""


def query(state: rx.State, name: str) -> str:
    value = state.router.url.query_parameters.get(name, "")
    return value if isinstance(value, str) else ""


def query_page(state: rx.State) -> int:
    """?page=N when it is a sensible number, else 1: a hand-edited URL never breaks the page."""
    raw = query(state, "page")
    page = int(raw) if _PAGE.match(raw) else 1
    return page if 1 <= page <= MAX_PAGE else 1


def query_choice(state: rx.State, name: str, options: list[str]) -> str:
    """?status=X when X is one of `options`, else "" (all)."""
    value = query(state, name).upper()
    return value if value in options else ""


def money(amount: Decimal | float | None, currency: str) -> str:
    """In the page's language: 1.234,50 € / €1,234.50; pesos the Mexican way for Spanish readers."""
    return formats.money(amount, currency)


def amount_text(amount: Decimal | None) -> str:
    """An amount as a form shows it: "150", "99.5"; nothing for None."""
    if amount is None:
        return ""
    return format(Decimal(amount).normalize(), "f")


def rating(value: float | None) -> str:
    """4,8 / 4.8; "" before the first rating."""
    return formats.rating(value) if value is not None else ""


def percent(value: float | None) -> str:
    """3,8 % / 3.8%; "" when unknown."""
    return formats.percent(value) if value is not None else ""


def day(moment: datetime | None) -> str:
    """9 dic 2026 / 9 Dec 2026 (UTC)."""
    return formats.day(moment)


# Enums whose values a state shows without saying which enum: the first that knows the value names it.
_SHOWN = (enums.OfferStatus, enums.ApplicationStatus, enums.CollaborationStatus, enums.SubmissionStatus,
          enums.OfferCategory, enums.CompensationType, enums.ContentFormat, enums.UserType, enums.Platform)


def label(value: str) -> str:
    """UNDER_REVIEW -> En revisión / Under review (the labels table, domain/labels.py)."""
    for enum in _SHOWN:
        if value in enum._value2member_map_:
            return enum_label(enum(value))
    return value.replace("_", " ").capitalize()


def number(value: int) -> str:
    """Followers as people read them: 950, 12,5 mil / 12.5K, 1,2 M / 1.2M."""
    return formats.compact_number(value)
