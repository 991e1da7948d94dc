"""The visit: proposing and confirming a date, the creator's visit code, the business marking the visit."""

import reflex as rx

from influfinder.components.forms import field
from influfinder.pages.collaboration.parts import action_button, form_dialog, muted, note_card, step_card, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def _date_form(handler, button: str) -> rx.Component:
    return rx.form(
        rx.vstack(
            field(COPY["visit_date"], "visit_date", type="datetime-local", min=_S.earliest_visit,
                  error=_S.field_errors.get("visit_date", "")),
            rx.text(COPY["times_in"], _S.time_zone, ".", size="1", color_scheme="gray", margin_top="-0.5rem"),
            textarea(COPY["note"], "note", rows="2"),
            action_button(button, type="submit"),
            spacing="3", width="100%", align="start",
        ),
        on_submit=handler, width="100%",
    )


def _another_date(summary: str) -> rx.Component:
    return rx.el.details(
        rx.el.summary(summary, style={"cursor": "pointer", "fontWeight": "500", "fontSize": "0.95rem"}),
        rx.box(_date_form(_S.counter_propose, COPY["send_date"]), padding_top="1rem"),
        width="100%",
    )


def schedule() -> rx.Component:
    return step_card(COPY["schedule_title"], "calendar-plus", muted(COPY["schedule_text"]),
                     _date_form(_S.propose_visit, COPY["schedule"]), data_testid="next-step")


def _confirm() -> rx.Component:
    return step_card(
        COPY["confirm_title"], "calendar-check",
        rx.text(rx.text.strong(_S.other_name), COPY["proposed_by_other"], rx.text.strong(_S.proposed_when), ".",
                size="3"),
        action_button(COPY["confirm"], on_click=_S.confirm_visit),
        _another_date(COPY["another"]),
        data_testid="next-step",
    )


def _waiting_confirmation() -> rx.Component:
    return step_card(
        COPY["waiting_confirm_title"], "hourglass",
        rx.text(COPY["you_proposed"], rx.text.strong(_S.proposed_when), COPY["will_confirm"], size="3"),
        _another_date(COPY["another"]),
        data_testid="next-step",
    )


def _visit_code() -> rx.Component:
    return step_card(
        COPY["code_title"], "ticket",
        rx.flex(
            rx.vstack(
                rx.text(_S.visit_code, size=rx.breakpoints(initial="8", sm="9"), weight="bold", class_name="tabular",
                        data_testid="visit-code",
                        style={"letterSpacing": "0.18em", "fontFamily": "ui-monospace, monospace"}),
                muted(COPY["code_text"]),
                rx.text(COPY["code_at"], rx.text.strong(_S.confirmed_when), size="2"),
                spacing="3", flex="1", width="100%", min_width="0",
            ),
            rx.image(src=_S.visit_qr, alt=COPY["qr_alt"], width="180px", height="180px",
                     style={"imageRendering": "pixelated", "borderRadius": "var(--radius-3)"}),
            direction=rx.breakpoints(initial="column", sm="row"), gap="5", align="center", width="100%",
        ),
        _another_date(COPY["move"]),
        data_testid="next-step",
    )


def _by_hand_dialog() -> rx.Component:
    return form_dialog("by_hand", COPY["by_hand_title"], COPY["by_hand_text"],
                       textarea(COPY["by_hand_note"], "note", rows="2"),
                       action_button(COPY["by_hand"], type="submit"), _S.mark_visited_by_hand,
                       trigger=rx.button(COPY["by_hand"], variant="ghost", color_scheme="gray", type="button"))


def _mark_visited() -> rx.Component:
    return step_card(
        COPY["mark_title"], "map-pin-check",
        muted(COPY["mark_text"]),
        rx.text(COPY["code_at"], rx.text.strong(_S.confirmed_when), size="2"),
        rx.form(
            rx.flex(
                rx.box(field(COPY["code"], "code", default_value=_S.code_from_link, autocomplete="off",
                             error=_S.field_errors.get("code", ""), placeholder="ABCD2345",
                             style={"textTransform": "uppercase", "letterSpacing": "0.12em"}),
                       flex="1", width="100%"),
                action_button(COPY["mark"], type="submit"),
                direction=rx.breakpoints(initial="column", sm="row"), gap="3",
                align=rx.breakpoints(initial="stretch", sm="end"), width="100%",
            ),
            on_submit=_S.mark_visited, key=_S.code_from_link, width="100%",
        ),
        rx.hstack(_by_hand_dialog(), _another_date(COPY["move"]), spacing="4", align="start", width="100%",
                  wrap="wrap"),
        data_testid="next-step",
    )


def _confirmed() -> rx.Component:
    """A confirmed visit without a code to show (an admin's view, or a code issued before codes existed)."""
    return note_card(
        COPY["confirmed_title"], "calendar-check",
        rx.text(COPY["code_at"], rx.text.strong(_S.confirmed_when), ".", size="3"),
        rx.cond(_S.actions.contains("counter_propose"), _another_date(COPY["move"])),
    )


def scheduled() -> rx.Component:
    return rx.cond(
        _S.confirmed_when != "",
        rx.cond(_S.role == "creator", rx.cond(_S.visit_code != "", _visit_code(), _confirmed()),
                rx.cond(_S.actions.contains("mark_visited"), _mark_visited(), _confirmed())),
        rx.cond(_S.awaiting_me, _confirm(), rx.cond(_S.role != "admin", _waiting_confirmation())),
    )
