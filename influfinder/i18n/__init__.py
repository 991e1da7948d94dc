"""Words in the reader's language: gettext catalogs managed with Babel (see README, "Translations").

Mark every string a person reads:

    from influfinder.i18n import _, ngettext, N_

    _("Log in")                                         # a sentence, translated now
    _("Welcome back, {name}").format(name=name)         # placeholders, never concatenated parts
    ngettext("{n} applicant", "{n} applicants", n).format(n=n)
    TITLE = N_("Offers")   # at module level: only marked for extraction; translated(TITLE) where shown
    COPY = {"title": N_("Log in")}   # ... translated(COPY["title"]) (not _(): Babel would extract "title")

`_()` translates into the *current language*, a context variable that is set
- while a page's component tree is built (once per language, at compile time: pages.localized_page),
- before every Reflex event from the page's route (`/en/...` is English, everything else Spanish),
- by `use_language(lang)` around anything written for another person (a mail, a notification).
With nothing set the language is Spanish, the product's first language.
"""

from influfinder.i18n.language import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    N_,
    _,
    current_language,
    gettext_in,
    ngettext,
    normalized,
    pgettext,
    translated,
    use_language,
)

__all__ = [
    "DEFAULT_LANGUAGE", "LANGUAGES", "N_", "_", "current_language", "gettext_in", "ngettext", "normalized",
    "pgettext", "translated", "use_language",
]
