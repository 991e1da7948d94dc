"""Small pages that say one thing: forbidden, account deleted."""

import reflex as rx

from influfinder.components.layout import link_button, page

COPY = {
    "forbidden_title": "This page is not for your account",
    "forbidden_text": "You are signed in, but this part of Influfinder is for another kind of account.",
    "home": "Go home",
    "goodbye_title": "Your account was deleted",
    "goodbye_text": "Your personal data has been removed. Thank you for being part of Influfinder.",
}


def _message(title: str, text: str) -> rx.Component:
    return page(rx.center(
        rx.vstack(rx.heading(title, size="7", text_align="center"), rx.text(text, color_scheme="gray", text_align="center"),
                  link_button(COPY["home"], href="/"), align="center", spacing="4", max_width="520px"),
        padding_y="5rem",
    ))


def forbidden_page() -> rx.Component:
    return _message(COPY["forbidden_title"], COPY["forbidden_text"])


def goodbye_page() -> rx.Component:
    return _message(COPY["goodbye_title"], COPY["goodbye_text"])
