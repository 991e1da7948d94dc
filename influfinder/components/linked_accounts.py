"""The settings card that lists the provider accounts someone signs in with, with Unlink."""

from __future__ import annotations

import reflex as rx

from influfinder.components.forms import form_error, notice
from influfinder.i18n import N_, translated
from influfinder.state.linked_accounts import LinkedAccountsState, LinkedRow

COPY = {
    "title": N_("Sign-in with other accounts"),
    "none": N_("No accounts linked. Use “Continue with …” on the login page to sign in with one."),
    "since": N_("Linked on "),
    "unlink": N_("Unlink"),
    "no_password": N_("To unlink an account, your account needs a password to sign in with: set one above."),
}


def _row(row: LinkedRow) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.text(row.label, weight="medium"), rx.text(translated(COPY["since"]), row.since, size="1", color_scheme="gray"),
                  spacing="0"),
        rx.spacer(),
        rx.cond(LinkedAccountsState.can_unlink,
                rx.button(translated(COPY["unlink"]), size="1", variant="soft", on_click=LinkedAccountsState.unlink(row.provider),
                          aria_label=translated(COPY["unlink"]) + " " + row.label)),
        width="100%", align="center", padding_y="0.5rem", data_testid="linked-" + row.provider,
    )


def linked_accounts_section() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="5"),
            notice(LinkedAccountsState.notice),
            form_error(LinkedAccountsState.error),
            rx.cond(
                LinkedAccountsState.linked.length() > 0,
                rx.vstack(rx.foreach(LinkedAccountsState.linked, _row), width="100%", spacing="0"),
                rx.text(translated(COPY["none"]), size="2", color_scheme="gray"),
            ),
            rx.cond((LinkedAccountsState.linked.length() > 0) & ~LinkedAccountsState.can_unlink,
                    rx.text(translated(COPY["no_password"]), size="2", color_scheme="gray")),
            spacing="4", width="100%",
        ),
        # Its own state, loaded when the card appears (the page's on_load belongs to the settings state).
        on_mount=LinkedAccountsState.load,
        size="3", width="100%", id="linked-accounts",
    )
