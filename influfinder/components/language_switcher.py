"""Español | English: the page in the other language, remembered (state.language.LanguageState)."""

import reflex as rx

from influfinder.i18n import _, current_language
from influfinder.state.language import LanguageState

# Each language is named in itself, so a reader who does not know the page's language finds theirs.
NAMES = (("es", "Español"), ("en", "English"))


def _choice(lang: str, name: str) -> rx.Component:
    here = current_language() == lang
    return rx.button(
        name,
        lang=lang,
        on_click=LanguageState.switch(lang),
        variant="ghost",
        size="1",
        color_scheme="gray",
        aria_pressed="true" if here else "false",
        weight="bold" if here else "regular",
        data_testid=f"language-{lang}",
    )


def language_switcher() -> rx.Component:
    return rx.hstack(
        rx.icon("languages", size=16, aria_hidden="true"),
        *[_choice(lang, name) for lang, name in NAMES],
        role="group",
        aria_label=_("Language"),
        spacing="2",
        align="center",
    )
