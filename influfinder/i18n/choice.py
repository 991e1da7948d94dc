"""Which language a visitor gets: their choice (the `lang` cookie), else their browser's, else Spanish."""

from __future__ import annotations

from influfinder.i18n.language import DEFAULT_LANGUAGE, LANGUAGES

COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def from_accept_language(header: str | None) -> str | None:
    """The supported language the browser prefers most ("en-GB,en;q=0.9,es;q=0.8" -> "en")."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        lang = tag.strip()[:2].lower()
        if lang in LANGUAGES and quality > 0:
            ranked.append((-quality, position, lang))
    return min(ranked)[2] if ranked else None


def preferred_language(cookie_value: str | None, accept_language: str | None) -> str:
    if cookie_value in LANGUAGES:
        return cookie_value
    return from_accept_language(accept_language) or DEFAULT_LANGUAGE
