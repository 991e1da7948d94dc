"""/login"""

import reflex as rx

from influfinder.components.forms import auth_card, field, form_error, notice, post_form, submit_button
from influfinder.components.layout import page
from influfinder.components.oauth_buttons import oauth_buttons
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.account import LoginState

COPY = {
    "title": N_("Log in"),
    "subtitle": N_("Welcome back to Influfinder."),
    "identifier": N_("Email or username"),
    "password": N_("Password"),
    "remember": N_("Keep me signed in for 7 days"),
    "submit": N_("Log in"),
    "forgot": N_("Forgot your password?"),
    "new": N_("New here?"),
    "signup": N_("Sign up"),
    "or": N_("or"),
}


def login_page() -> rx.Component:
    return page(
        auth_card(
            translated(COPY["title"]), translated(COPY["subtitle"]),
            notice(LoginState.notice, color="blue", icon="info"),
            form_error(LoginState.error),
            post_form(
                rx.vstack(
                    field(translated(COPY["identifier"]), "identifier", autocomplete="username",
                          error=LoginState.field_errors.get("identifier", ""), auto_focus=True),
                    field(translated(COPY["password"]), "password", type="password", autocomplete="current-password",
                          error=LoginState.field_errors.get("password", "")),
                    rx.el.label(
                        rx.hstack(rx.checkbox(name="remember", id="field-remember"), rx.text(translated(COPY["remember"]), size="2"),
                                  align="center", spacing="2"),
                        html_for="field-remember",
                    ),
                    submit_button(translated(COPY["submit"]), LoginState.busy),
                    spacing="4",
                    width="100%",
                ),
                on_submit=LoginState.submit,
                width="100%",
            ),
            oauth_buttons(LoginState.oauth_providers, LoginState.start_oauth, caption=translated(COPY["or"])),
            # On a phone the two wrap onto their own lines whole, never "Sign" on one line and "up" on the next.
            rx.flex(
                rx.link(translated(COPY["forgot"]), href=page_href("/forgot-password"), size="2", white_space="nowrap"),
                rx.text(translated(COPY["new"]), " ", rx.link(translated(COPY["signup"]), href=page_href("/signup")), size="2", white_space="nowrap"),
                justify="between", wrap="wrap", spacing="2", width="100%",
            ),
        )
    )
