"""/verify?token=..., /welcome"""

import reflex as rx

from influfinder.components.forms import auth_card, form_error
from influfinder.components.layout import link_button, page
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.account import VerifyState

COPY = {
    "title": N_("Confirm your email"),
    "checking": N_("Checking your link…"),
    "verified": N_("Your email is confirmed. You can now publish, apply and send messages."),
    "continue": N_("Continue"),
    "welcome_title": N_("Welcome to Influfinder"),
    "welcome_text": N_("We sent you an email with a link to confirm your address. Until then you can browse "
                    "and complete your profile; publishing, applying and messaging unlock once it is confirmed."),
    "profile": N_("Complete your profile"),
    "browse": N_("Browse offers"),
}


def verify_page() -> rx.Component:
    return page(auth_card(
        translated(COPY["title"]), "",
        rx.cond(
            VerifyState.checking,
            rx.hstack(rx.spinner(), rx.text(translated(COPY["checking"]))),
            rx.cond(
                VerifyState.verified,
                rx.vstack(
                    rx.callout(translated(COPY["verified"]), icon="circle_check", color_scheme="green", data_testid="verified"),
                    link_button(translated(COPY["continue"]), size="3", href=page_href("/")),
                    width="100%",
                ),
                form_error(VerifyState.error),
            ),
        ),
    ))


def welcome_page() -> rx.Component:
    return page(auth_card(
        translated(COPY["welcome_title"]), translated(COPY["welcome_text"]),
        rx.hstack(
            link_button(translated(COPY["profile"]), size="3", href=page_href("/settings")),
            link_button(translated(COPY["browse"]), size="3", variant="outline", href=page_href("/offers")),
            spacing="3", wrap="wrap",
        ),
    ))
