"""/forgot-password and /reset-password"""

import reflex as rx

from influfinder.components.forms import auth_card, field, form_error, notice, post_form, submit_button
from influfinder.components.layout import link_button, page
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.account import ForgotState, ResetState

COPY = {
    "forgot_title": N_("Forgot your password?"),
    "forgot_subtitle": N_("Enter your email and we will send you a link to choose a new one."),
    "email": N_("Email"),
    "send": N_("Send reset link"),
    "reset_title": N_("Choose a new password"),
    "reset_subtitle": N_("The link in your email is valid for 30 minutes."),
    "password": N_("New password"),
    "confirm": N_("Repeat the new password"),
    "save": N_("Save new password"),
    "done": N_("Your password was changed and every device was signed out. Log in with the new password."),
    "login": N_("Log in"),
    "back": N_("Back to log in"),
}


def forgot_page() -> rx.Component:
    return page(auth_card(
        translated(COPY["forgot_title"]), translated(COPY["forgot_subtitle"]),
        notice(ForgotState.sent_message, icon="mail"),
        form_error(ForgotState.error),
        post_form(
            rx.vstack(
                field(translated(COPY["email"]), "email", type="email", autocomplete="email",
                      error=ForgotState.field_errors.get("email", "")),
                submit_button(translated(COPY["send"]), ForgotState.busy),
                spacing="4", width="100%",
            ),
            on_submit=ForgotState.submit, width="100%",
        ),
        rx.link(translated(COPY["back"]), href=page_href("/login"), size="2"),
    ))


def reset_page() -> rx.Component:
    return page(auth_card(
        translated(COPY["reset_title"]), translated(COPY["reset_subtitle"]),
        rx.cond(
            ResetState.done,
            rx.vstack(notice(translated(COPY["done"])), link_button(translated(COPY["login"]), size="3", href=page_href("/login")), width="100%"),
            rx.vstack(
                form_error(ResetState.error),
                post_form(
                    rx.vstack(
                        field(translated(COPY["password"]), "password", type="password", autocomplete="new-password",
                              error=ResetState.field_errors.get("password", "")),
                        field(translated(COPY["confirm"]), "confirm", type="password", autocomplete="new-password",
                              error=ResetState.field_errors.get("confirm", "")),
                        submit_button(translated(COPY["save"]), ResetState.busy),
                        spacing="4", width="100%",
                    ),
                    on_submit=ResetState.submit, width="100%",
                ),
                width="100%",
            ),
        ),
    ))
