"""/admin/disputes: the open disputes with both parties and the reason, and the dialog that settles one."""

from __future__ import annotations

import reflex as rx

from influfinder.components.collaboration_badges import status_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field_error, form_error, post_form
from influfinder.components.list_nav import pager
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.admin_frame import COPY as FRAME_COPY
from influfinder.pages.admin_frame import DISPUTES_ROUTE, frame, loading, meta
from influfinder.state.admin_disputes import AdminDisputesState, DisputeLine

ROUTE = DISPUTES_ROUTE
COPY = {
    **FRAME_COPY,
    "disputes_title": N_("Disputes"),
    "disputes_text": N_("Collaborations a party stopped with a complaint, the longest waiting first. Read both sides "
                     "in the collaboration's timeline, then decide how it ends."),
    "creator": N_("Creator"),
    "business": N_("Business"),
    "opened": N_("Opened "),
    "opened_by": N_(" by "),
    "reason": N_("Reason given"),
    "timeline": N_("Open the collaboration"),
    "resolve": N_("Resolve"),
    "resolve_title": N_("Resolve the dispute"),
    "outcome": N_("How does the collaboration end?"),
    "outcome_completed": N_("Completed"),
    "outcome_completed_text": N_("The work counts as done: the creator's karma and tier are updated."),
    "outcome_cancelled": N_("Cancelled"),
    "outcome_cancelled_text": N_("The collaboration is called off; nothing counts towards either party."),
    "note": N_("Note for the record"),
    "note_hint": N_("Both parties can read it in the collaboration's timeline."),
    "disputes_empty_title": N_("No open disputes"),
    "disputes_empty_text": N_("Every collaboration is moving along. Disputes that parties open will wait here."),
    "dispute_pages": N_("Pages of disputes"),
}


D = AdminDisputesState


def _party(role: str, name, username) -> rx.Component:
    return rx.vstack(
        rx.text(translated(COPY[role]), size="1", color_scheme="gray", weight="medium"),
        rx.text(name, size="2", weight="bold"),
        rx.text("@", username, size="1", color_scheme="gray"),
        spacing="0", min_width="0",
    )


def _dispute_card(row: DisputeLine) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(
                    status_badge("DISPUTED", size="1"),
                    rx.link(rx.heading(row.offer_title, size="4", as_="h2"), href=page_href("/collaborations/") + row.id,
                            underline="hover", color="inherit"),
                    meta("clock", translated(COPY["opened"]), row.opened,
                         rx.cond(row.opened_by != "", translated(COPY["opened_by"]) + row.opened_by, "")),
                    spacing="2", min_width="0",
                ),
                rx.spacer(),
                rx.button(rx.icon("gavel", size=14), translated(COPY["resolve"]), size="2", on_click=D.open_resolve(row.id),
                          aria_label=translated(COPY["resolve"]) + ": " + row.offer_title),
                direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
                align=rx.breakpoints(initial="start", sm="start"),
            ),
            rx.grid(_party("creator", row.creator, row.creator_username),
                    _party("business", row.business, row.business_username), columns="2", spacing="4",
                    width="100%", max_width="520px"),
            rx.box(
                rx.text(translated(COPY["reason"]), size="1", weight="medium", color_scheme="gray"),
                rx.text(row.reason, size="2", style={"whiteSpace": "pre-wrap", "overflowWrap": "anywhere"}),
                padding="0.75rem 1rem", border_left=f"3px solid {rx.color('red', 8)}",
                background=rx.color("red", 2), border_radius="var(--radius-3)", width="100%",
            ),
            rx.link(translated(COPY["timeline"]), rx.icon("arrow-right", size=14), href=page_href("/collaborations/") + row.id, size="2",
                    display="inline-flex", align_items="center", gap="0.25rem"),
            spacing="3", width="100%",
        ),
        size="2", width="100%", data_testid="admin-dispute",
    )


def _outcome_choice(value: str) -> rx.Component:
    key = "outcome_" + value.lower()
    return rx.el.label(
        rx.hstack(
            rx.radio_group.item(value=value, id=f"outcome-{value.lower()}"),
            rx.vstack(rx.text(translated(COPY[key]), weight="bold", size="2"), rx.text(translated(COPY[key + "_text"]), size="1",
                                                                             color_scheme="gray"),
                      spacing="0"),
            spacing="3", align="start",
        ),
        style={"display": "block", "padding": "0.6rem 0.75rem", "borderRadius": "var(--radius-3)",
               "border": f"1px solid {rx.color('gray', 6)}", "cursor": "pointer"},
    )


def _resolve_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(translated(COPY["resolve_title"])),
            rx.dialog.description(rx.text.strong(D.resolving_title), size="2"),
            post_form(
                rx.vstack(
                    rx.el.fieldset(
                        rx.el.legend(translated(COPY["outcome"]), style={"fontWeight": "500", "fontSize": "0.9rem",
                                                             "marginBottom": "0.5rem"}),
                        rx.radio_group.root(
                            rx.vstack(_outcome_choice("COMPLETED"), _outcome_choice("CANCELLED"), spacing="2",
                                      width="100%"),
                            name="outcome", required=True,
                        ),
                        field_error(D.field_errors.get("outcome", "")),
                        style={"border": "none", "padding": "0", "margin": "0", "width": "100%"},
                    ),
                    rx.vstack(
                        rx.el.label(translated(COPY["note"]), html_for="field-note", style={"fontWeight": "500",
                                                                                "fontSize": "0.9rem"}),
                        rx.text_area(id="field-note", name="note", rows="4", required=True, max_length=2000,
                                     width="100%"),
                        rx.text(translated(COPY["note_hint"]), size="1", color_scheme="gray"),
                        field_error(D.field_errors.get("note", "")),
                        spacing="1", width="100%",
                    ),
                    form_error(D.error),
                    rx.hstack(
                        rx.dialog.close(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray", type="button")),
                        rx.button(rx.cond(D.busy, rx.spinner(size="2")), translated(COPY["resolve"]), type="submit",
                                  disabled=D.busy),
                        spacing="3", justify="end", width="100%",
                    ),
                    spacing="4", width="100%", margin_top="1rem",
                ),
                on_submit=D.resolve, reset_on_submit=False,
            ),
            max_width="520px",
        ),
        open=D.resolving != "",
        on_open_change=D.close_resolve,
    )


def _disputes_body() -> rx.Component:
    return rx.cond(
        D.total > 0,
        rx.vstack(rx.foreach(D.rows, _dispute_card), pager(D.page, D.pages, ROUTE + "?", translated(COPY["dispute_pages"])),
                  spacing="3", width="100%"),
        empty_state("scale", translated(COPY["disputes_empty_title"]), translated(COPY["disputes_empty_text"])),
    )


def admin_disputes_page() -> rx.Component:
    return frame(translated(COPY["disputes_title"]), translated(COPY["disputes_text"]), D,
                 rx.cond(D.loading, loading("180px", 2), _disputes_body()), _resolve_dialog())
