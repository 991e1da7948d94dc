"""Small pages that say one thing: forbidden, account deleted."""

import reflex as rx

from influfinder.components.layout import link_button, page
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href

COPY = {
    "forbidden_title": N_("This page is not for your account"),
    "forbidden_text": N_("You are signed in, but this part of Influfinder is for another kind of account."),
    "home": N_("Go home"),
    "goodbye_title": N_("Your account was deleted"),
    "goodbye_text": N_("Your personal data has been removed. Thank you for being part of Influfinder."),
}


def _message(title: str, text: str) -> rx.Component:
    return page(rx.center(
        rx.vstack(rx.heading(title, size="7", text_align="center"), rx.text(text, color_scheme="gray", text_align="center"),
                  link_button(translated(COPY["home"]), href=page_href("/")), align="center", spacing="4", max_width="520px"),
        padding_y="5rem",
    ))


def forbidden_page() -> rx.Component:
    return _message(translated(COPY["forbidden_title"]), translated(COPY["forbidden_text"]))


def goodbye_page() -> rx.Component:
    return _message(translated(COPY["goodbye_title"]), translated(COPY["goodbye_text"]))
