"""Moments shown in the visitor's own time zone, formatted by the browser (no round trip, no npm package).

Each function takes a Var holding an ISO 8601 string (UTC) and returns a Var of the words to show;
an empty or unreadable value shows nothing.
"""

from __future__ import annotations

from reflex.vars import Var
from reflex.vars.function import FunctionStringVar

_CLOCK = FunctionStringVar.create(
    "((iso) => { const d = new Date(iso); return isNaN(d) ? '' : "
    "d.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}); })"
)
_DAY = FunctionStringVar.create(
    "((iso) => { const d = new Date(iso); if (isNaN(d)) return ''; const now = new Date(); "
    "const days = Math.round((new Date(now.toDateString()) - new Date(d.toDateString())) / 864e5); "
    "if (days === 0) return 'Today'; if (days === 1) return 'Yesterday'; "
    "return d.toLocaleDateString([], {weekday: 'long', day: 'numeric', month: 'long', "
    "year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric'}); })"
)
_SHORT = FunctionStringVar.create(
    "((iso) => { const d = new Date(iso); if (isNaN(d)) return ''; const now = new Date(); "
    "if (d.toDateString() === now.toDateString()) "
    "return d.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}); "
    "return d.toLocaleDateString([], {day: 'numeric', month: 'short', "
    "year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric'}); })"
)
_FULL = FunctionStringVar.create(
    "((iso) => { const d = new Date(iso); return isNaN(d) ? '' : "
    "d.toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'}); })"
)


def clock(iso: Var) -> Var:
    """14:05"""
    return _CLOCK.call(iso).to(str)


def day_label(iso: Var) -> Var:
    """Today, Yesterday, Monday 3 November (the year only when it is not this one)."""
    return _DAY.call(iso).to(str)


def short(iso: Var) -> Var:
    """14:05 today, else 3 Nov."""
    return _SHORT.call(iso).to(str)


def full(iso: Var) -> Var:
    """3 Nov 2026, 14:05 (for a tooltip or a time element's title)."""
    return _FULL.call(iso).to(str)
