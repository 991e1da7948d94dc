"""/login"""

import reflex as rx

from influfinder.components.forms import auth_card, field, form_error, notice, submit_button
from influfinder.components.layout import page
from influfinder.components.oauth_buttons import oauth_buttons
from influfinder.state.account import LoginState

COPY = {
    "title": "Log in",
    "subtitle": "Welcome back to Influfinder.",
    "identifier": "Email or username",
    "password": "Password",
    "remember": "Keep me signed in for 7 days",
    "submit": "Log in",
    "forgot": "Forgot your password?",
    "new": "New here?",
    "signup": "Sign up",
    "or": "or",
}


def login_page() -> rx.Component:
    return page(
        auth_card(
            COPY["title"], COPY["subtitle"],
            notice(LoginState.notice, color="blue", icon="info"),
            form_error(LoginState.error),
            rx.form(
                rx.vstack(
                    field(COPY["identifier"], "identifier", autocomplete="username",
                          error=LoginState.field_errors.get("identifier", ""), auto_focus=True),
                    field(COPY["password"], "password", type="password", autocomplete="current-password",
                          error=LoginState.field_errors.get("password", "")),
                    rx.el.label(
                        rx.hstack(rx.checkbox(name="remember", id="field-remember"), rx.text(COPY["remember"], size="2"),
                                  align="center", spacing="2"),
                        html_for="field-remember",
                    ),
                    submit_button(COPY["submit"], LoginState.busy),
                    spacing="4",
                    width="100%",
                ),
                on_submit=LoginState.submit,
                width="100%",
            ),
            oauth_buttons(LoginState.oauth_providers, LoginState.start_oauth, caption=COPY["or"]),
            # On a phone the two wrap onto their own lines whole, never "Sign" on one line and "up" on the next.
            rx.flex(
                rx.link(COPY["forgot"], href="/forgot-password", size="2", white_space="nowrap"),
                rx.text(COPY["new"], " ", rx.link(COPY["signup"], href="/signup"), size="2", white_space="nowrap"),
                justify="between", wrap="wrap", spacing="2", width="100%",
            ),
        )
    )
