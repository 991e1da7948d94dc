"""The current language (a context variable) and gettext lookups in it."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from influfinder.i18n.catalogs import translations

DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")

_current: contextvars.ContextVar[str] = contextvars.ContextVar("influfinder_language", default=DEFAULT_LANGUAGE)


def normalized(value: object) -> str:
    """One of LANGUAGES for anything (a cookie, a saved profile field, a socket argument); else Spanish."""
    if isinstance(value, str) and value[:2].lower() in LANGUAGES:
        return value[:2].lower()
    return DEFAULT_LANGUAGE


def current_language() -> str:
    return _current.get()


def set_language(lang: str) -> None:
    """Set the language for the rest of this task (a Reflex event); use_language for a block."""
    _current.set(normalized(lang))


@contextlib.contextmanager
def use_language(lang: str) -> Iterator[str]:
    token = _current.set(normalized(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def _(message: str) -> str:
    return translations(_current.get()).gettext(message)


def translated(message: str) -> str:
    """`_` for a string held in a variable or a table (marked with N_ where it is written). Babel
    extracts every literal inside `_(...)`, so `_(COPY["title"])` would also extract "title"."""
    return _(message)


def gettext_in(lang: str, message: str) -> str:
    return translations(normalized(lang)).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for n (Babel's plural rules for the language); the caller formats {n} in."""
    return translations(_current.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose words depend on where it stands: pgettext("navbar", "Log in") is short in Spanish."""
    return translations(_current.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for extraction without translating it (module-level tables)."""
    return message
