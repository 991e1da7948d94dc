"""/verify?token=..., /welcome"""

import reflex as rx

from influfinder.components.forms import auth_card, form_error
from influfinder.components.layout import link_button, page
from influfinder.state.account import VerifyState

COPY = {
    "title": "Confirm your email",
    "checking": "Checking your link…",
    "verified": "Your email is confirmed. You can now publish, apply and send messages.",
    "continue": "Continue",
    "welcome_title": "Welcome to Influfinder",
    "welcome_text": "We sent you an email with a link to confirm your address. Until then you can browse "
                    "and complete your profile; publishing, applying and messaging unlock once it is confirmed.",
    "profile": "Complete your profile",
    "browse": "Browse offers",
}


def verify_page() -> rx.Component:
    return page(auth_card(
        COPY["title"], "",
        rx.cond(
            VerifyState.checking,
            rx.hstack(rx.spinner(), rx.text(COPY["checking"])),
            rx.cond(
                VerifyState.verified,
                rx.vstack(
                    rx.callout(COPY["verified"], icon="circle_check", color_scheme="green", data_testid="verified"),
                    link_button(COPY["continue"], size="3", href="/"),
                    width="100%",
                ),
                form_error(VerifyState.error),
            ),
        ),
    ))


def welcome_page() -> rx.Component:
    return page(auth_card(
        COPY["welcome_title"], COPY["welcome_text"],
        rx.hstack(
            link_button(COPY["profile"], size="3", href="/settings"),
            link_button(COPY["browse"], size="3", variant="outline", href="/offers"),
            spacing="3", wrap="wrap",
        ),
    ))
