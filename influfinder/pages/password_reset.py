"""/forgot-password and /reset-password"""

import reflex as rx

from influfinder.components.forms import auth_card, field, form_error, notice, submit_button
from influfinder.components.layout import link_button, page
from influfinder.state.account import ForgotState, ResetState

COPY = {
    "forgot_title": "Forgot your password?",
    "forgot_subtitle": "Enter your email and we will send you a link to choose a new one.",
    "email": "Email",
    "send": "Send reset link",
    "reset_title": "Choose a new password",
    "reset_subtitle": "The link in your email is valid for 30 minutes.",
    "password": "New password",
    "confirm": "Repeat the new password",
    "save": "Save new password",
    "done": "Your password was changed and every device was signed out. Log in with the new password.",
    "login": "Log in",
    "back": "Back to log in",
}


def forgot_page() -> rx.Component:
    return page(auth_card(
        COPY["forgot_title"], COPY["forgot_subtitle"],
        notice(ForgotState.sent_message, icon="mail"),
        form_error(ForgotState.error),
        rx.form(
            rx.vstack(
                field(COPY["email"], "email", type="email", autocomplete="email",
                      error=ForgotState.field_errors.get("email", "")),
                submit_button(COPY["send"], ForgotState.busy),
                spacing="4", width="100%",
            ),
            on_submit=ForgotState.submit, width="100%",
        ),
        rx.link(COPY["back"], href="/login", size="2"),
    ))


def reset_page() -> rx.Component:
    return page(auth_card(
        COPY["reset_title"], COPY["reset_subtitle"],
        rx.cond(
            ResetState.done,
            rx.vstack(notice(COPY["done"]), link_button(COPY["login"], size="3", href="/login"), width="100%"),
            rx.vstack(
                form_error(ResetState.error),
                rx.form(
                    rx.vstack(
                        field(COPY["password"], "password", type="password", autocomplete="new-password",
                              error=ResetState.field_errors.get("password", "")),
                        field(COPY["confirm"], "confirm", type="password", autocomplete="new-password",
                              error=ResetState.field_errors.get("confirm", "")),
                        submit_button(COPY["save"], ResetState.busy),
                        spacing="4", width="100%",
                    ),
                    on_submit=ResetState.submit, width="100%",
                ),
                width="100%",
            ),
        ),
    ))
