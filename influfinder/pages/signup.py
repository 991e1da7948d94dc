"""/signup"""

import reflex as rx

from influfinder.components.forms import auth_card, field, field_error, form_error, post_form, strength_meter, submit_button
from influfinder.components.layout import page
from influfinder.components.oauth_buttons import oauth_buttons
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href
from influfinder.state.account import SignupState

COPY = {
    "title": N_("Sign up"),
    "subtitle": N_("Join as a creator, a business or an agency."),
    "role": N_("I am a"),
    "email": N_("Email"),
    "username": N_("Username"),
    "username_hint": N_("3 to 30 characters: letters, digits, dots or underscores."),
    "password": N_("Password"),
    "password_help": N_("At least 8 characters. A few unrelated words make a strong password."),
    "submit": N_("Sign up"),
    "have": N_("Already have an account?"),
    "login": N_("Log in"),
    "terms": N_("We will send you a link to confirm your email."),
    "or": N_("or"),
}

ROLES = [("CREATOR", N_("Creator"), N_("I make content")), ("BUSINESS", N_("Business"), N_("I run a brand or a venue")),
         ("AGENCY", N_("Agency"), N_("I act for brands"))]


def _role_picker() -> rx.Component:
    return rx.vstack(
        rx.el.label(translated(COPY["role"]), html_for="field-user_type", style={"fontWeight": "500", "fontSize": "0.9rem"}),
        rx.radio_group.root(
            # Three cards of one height in a row; one under the other on a phone, where a row leaves a lone card.
            rx.flex(
                *[rx.el.label(
                    rx.card(
                        rx.hstack(rx.radio_group.item(value=value, id=f"role-{value.lower()}"),
                                  rx.vstack(rx.text(_(label), weight="bold", size="2"), rx.text(_(help), size="1", color_scheme="gray"),
                                            spacing="0"),
                                  align="center", spacing="2"),
                        size="1", width="100%", height="100%", cursor="pointer",
                    ),
                    html_for=f"role-{value.lower()}", style={"flex": "1", "display": "flex"},
                ) for value, label, help in ROLES],
                direction=rx.breakpoints(initial="column", xs="row"), spacing="2", width="100%", align="stretch",
            ),
            name="user_type", value=SignupState.role, on_change=SignupState.choose_role, id="field-user_type",
            required=True, width="100%",
        ),
        field_error(SignupState.field_errors.get("user_type", "")),
        spacing="1", width="100%",
    )


def signup_page() -> rx.Component:
    return page(
        auth_card(
            translated(COPY["title"]), translated(COPY["subtitle"]),
            form_error(SignupState.error),
            post_form(
                rx.vstack(
                    _role_picker(),
                    field(translated(COPY["email"]), "email", type="email", autocomplete="email",
                          error=SignupState.field_errors.get("email", "")),
                    field(translated(COPY["username"]), "username", autocomplete="username", hint=translated(COPY["username_hint"]),
                          error=SignupState.field_errors.get("username", "")),
                    field(translated(COPY["password"]), "password", type="password", autocomplete="new-password",
                          hint=translated(COPY["password_help"]), error=SignupState.field_errors.get("password", ""),
                          on_change=SignupState.check_password.debounce(250)),
                    strength_meter(SignupState.strength_score, SignupState.strength_label, SignupState.strength_hint),
                    rx.text(translated(COPY["terms"]), size="1", color_scheme="gray"),
                    submit_button(translated(COPY["submit"]), SignupState.busy),
                    spacing="4",
                    width="100%",
                ),
                on_submit=SignupState.submit,
                width="100%",
            ),
            oauth_buttons(SignupState.oauth_providers, SignupState.start_oauth, caption=translated(COPY["or"])),
            rx.text(translated(COPY["have"]), " ", rx.link(translated(COPY["login"]), href=page_href("/login")), size="2"),
        )
    )
