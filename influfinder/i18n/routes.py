"""Which language a URL is in, and the URL of a page in a language.

Spanish pages live at the plain routes (`/offers`), English ones under `/en` (`/en/offers`).
Links on a page go through `page_href()`, so an English page links to English pages.
"""

from __future__ import annotations

from typing import Any

from influfinder.i18n.language import DEFAULT_LANGUAGE, current_language, normalized

ENGLISH_PREFIX = "/en"


def language_of_path(path: str | None) -> str:
    path = path or "/"
    if path == ENGLISH_PREFIX or path.startswith(ENGLISH_PREFIX + "/") or path.startswith(ENGLISH_PREFIX + "?"):
        return "en"
    return DEFAULT_LANGUAGE


def unlocalized(path: str) -> str:
    """The Spanish (plain) form of a page path: /en/offers -> /offers, /en -> /."""
    if language_of_path(path) != "en":
        return path
    rest = path[len(ENGLISH_PREFIX):]
    return rest if rest.startswith("/") else "/" + rest


def localized(path: str, lang: str) -> str:
    """The path of the same page in `lang`. Only site paths ("/...") are touched."""
    if not path.startswith("/") or path.startswith("//"):
        return path
    plain = unlocalized(path)
    if normalized(lang) != "en":
        return plain
    return ENGLISH_PREFIX if plain == "/" else ENGLISH_PREFIX + plain


def page_route(route: str, lang: str) -> str:
    """A route as registered with Reflex: "/" and "offers/[id]" both work."""
    route = route if route.startswith("/") else "/" + route
    return localized(route, lang)


def page_href(path: Any) -> Any:
    """A link to a page of this site, in the language of the page being built.

    `path` may be a plain string or a Reflex string Var (built from state at run time).
    """
    if isinstance(path, str):
        return localized(path, current_language())
    if current_language() != "en":
        return path
    return ENGLISH_PREFIX + path  # a Var: concatenated in the browser
