"""Small helpers the marketplace states share: reading the URL, and turning values into words.

Everything here is plain Python (no state): the states call it to fill their dataclass rows.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

import reflex as rx

from influfinder.domain.moments import as_utc, day_label
from influfinder.services.pagination import MAX_PAGE

SYMBOLS = {"EUR": "€", "USD": "$", "MXN": "MX$"}
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
    if amount is None:
        return ""
    symbol = SYMBOLS.get(currency, currency + " ")
    text = f"{amount:,.2f}".removesuffix(".00")
    return f"{symbol}{text}"


def amount_text(amount: Decimal | None) -> str:
    """An amount as a form shows it: "150", "99.5"; nothing for None."""
    if amount is None:
        return ""
    return format(Decimal(amount).normalize(), "f")


def day(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return day_label(as_utc(moment))


def label(value: str) -> str:
    """UNDER_REVIEW -> Under review."""
    return value.replace("_", " ").capitalize()


def number(value: int) -> str:
    """Followers as people read them: 950, 12.5K, 1.2M."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}".removesuffix(".0") + "M"
    if value >= 10_000:
        return f"{value / 1_000:.1f}".removesuffix(".0") + "K"
    return f"{value:,}"
