"""Moments shown in the visitor's own time zone, formatted by the browser (no round trip, no npm package).

Each function takes a Var holding an ISO 8601 string (UTC) and returns a Var of the words to show;
an empty or unreadable value shows nothing. The words follow the page's language, not the browser's:
the page is built once per language (pages/localized_app.py), so the JavaScript is written with that
language's locale and its "Today" / "Yesterday".
"""

from __future__ import annotations

import json

from reflex.vars import Var
from reflex.vars.function import FunctionStringVar

from influfinder.i18n import _, current_language

# BCP 47 tags for the browser's Intl (Babel's es_ES / en_GB, with a hyphen).
BROWSER_LOCALES = {"es": "es-ES", "en": "en-GB"}


def _locale() -> str:
    return json.dumps(BROWSER_LOCALES.get(current_language(), "es-ES"))


def _clock_js() -> str:
    return ("((iso) => { const d = new Date(iso); return isNaN(d) ? '' : "
            f"d.toLocaleTimeString({_locale()}, {{hour: '2-digit', minute: '2-digit'}}); }})")


def _day_js() -> str:
    today, yesterday = json.dumps(_("Today")), json.dumps(_("Yesterday"))
    return ("((iso) => { const d = new Date(iso); if (isNaN(d)) return ''; const now = new Date(); "
            "const days = Math.round((new Date(now.toDateString()) - new Date(d.toDateString())) / 864e5); "
            f"if (days === 0) return {today}; if (days === 1) return {yesterday}; "
            f"return d.toLocaleDateString({_locale()}, {{weekday: 'long', day: 'numeric', month: 'long', "
            "year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric'}); })")


def _short_js() -> str:
    return ("((iso) => { const d = new Date(iso); if (isNaN(d)) return ''; const now = new Date(); "
            "if (d.toDateString() === now.toDateString()) "
            f"return d.toLocaleTimeString({_locale()}, {{hour: '2-digit', minute: '2-digit'}}); "
            f"return d.toLocaleDateString({_locale()}, {{day: 'numeric', month: 'short', "
            "year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric'}); })")


def _full_js() -> str:
    return ("((iso) => { const d = new Date(iso); return isNaN(d) ? '' : "
            f"d.toLocaleString({_locale()}, {{dateStyle: 'medium', timeStyle: 'short'}}); }})")


def clock(iso: Var) -> Var:
    """14:05"""
    return FunctionStringVar.create(_clock_js()).call(iso).to(str)


def day_label(iso: Var) -> Var:
    """Today, Yesterday, Monday 3 November (the year only when it is not this one); Hoy, Ayer, lunes, 3 de noviembre."""
    return FunctionStringVar.create(_day_js()).call(iso).to(str)


def short(iso: Var) -> Var:
    """14:05 today, else 3 Nov."""
    return FunctionStringVar.create(_short_js()).call(iso).to(str)


def full(iso: Var) -> Var:
    """3 Nov 2026, 14:05 (for a tooltip or a time element's title)."""
    return FunctionStringVar.create(_full_js()).call(iso).to(str)
