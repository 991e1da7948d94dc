"""Muted businesses at the foot of My applications: who sends no more invitations, and Unmute."""

import reflex as rx

from influfinder.components.forms import form_error, notice
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.muted_businesses import MutedBusinessesState, MutedRow

COPY = {
    "title": N_("Muted businesses"),
    "hint": N_("They cannot invite you. Unmute one to receive its invitations again."),
    "unmute": N_("Unmute"),
}
S = MutedBusinessesState


def _row(row: MutedRow) -> rx.Component:
    return rx.hstack(
        rx.link(row.name, href=page_href("/businesses/") + row.username, size="2"),
        rx.spacer(),
        rx.button(rx.icon("bell", size=14), translated(COPY["unmute"]), size="1", variant="soft",
                  on_click=S.unmute(row.business_id), aria_label=translated(COPY["unmute"]) + " " + row.name),
        align="center", width="100%", data_testid="muted-business",
    )


def muted_businesses_panel() -> rx.Component:
    return rx.fragment(
        notice(S.muted_notice),
        form_error(S.error),
        rx.cond(
            S.muted.length() > 0,
            rx.card(rx.vstack(
                rx.heading(translated(COPY["title"]), size="3", as_="h2"),
                rx.text(translated(COPY["hint"]), size="1", color_scheme="gray"),
                rx.foreach(S.muted, _row),
                spacing="2", width="100%",
            ), width="100%"),
        ),
    )
