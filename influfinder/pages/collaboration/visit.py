"""The visit: proposing and confirming a date, the creator's visit code, the business marking the visit."""

import reflex as rx

from influfinder.components.forms import field, post_form
from influfinder.i18n import translated
from influfinder.pages.collaboration.parts import action_button, form_dialog, muted, note_card, step_card, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def _date_form(handler, button: str) -> rx.Component:
    return post_form(
        rx.vstack(
            field(translated(COPY["visit_date"]), "visit_date", type="datetime-local", min=_S.earliest_visit,
                  error=_S.field_errors.get("visit_date", "")),
            rx.text(translated(COPY["times_in"]), _S.time_zone_name, ".", size="1", color_scheme="gray", margin_top="-0.5rem"),
            textarea(translated(COPY["note"]), "note", rows="2"),
            action_button(button, type="submit"),
            spacing="3", width="100%", align="start",
        ),
        on_submit=handler, width="100%",
    )


def _another_date(summary: str) -> rx.Component:
    return rx.el.details(
        rx.el.summary(summary, style={"cursor": "pointer", "fontWeight": "500", "fontSize": "0.95rem"}),
        rx.box(_date_form(_S.counter_propose, translated(COPY["send_date"])), padding_top="1rem"),
        width="100%",
    )


def schedule() -> rx.Component:
    return step_card(translated(COPY["schedule_title"]), "calendar-plus", muted(translated(COPY["schedule_text"])),
                     _date_form(_S.propose_visit, translated(COPY["schedule"])), data_testid="next-step")


def _confirm() -> rx.Component:
    return step_card(
        translated(COPY["confirm_title"]), "calendar-check",
        rx.text(rx.text.strong(_S.other_name), translated(COPY["proposed_by_other"]), rx.text.strong(_S.proposed_when), ".",
                size="3"),
        action_button(translated(COPY["confirm"]), on_click=_S.confirm_visit),
        _another_date(translated(COPY["another"])),
        data_testid="next-step",
    )


def _waiting_confirmation() -> rx.Component:
    return step_card(
        translated(COPY["waiting_confirm_title"]), "hourglass",
        rx.text(translated(COPY["you_proposed"]), rx.text.strong(_S.proposed_when), translated(COPY["will_confirm"]), size="3"),
        _another_date(translated(COPY["another"])),
        data_testid="next-step",
    )


def _visit_code() -> rx.Component:
    return step_card(
        translated(COPY["code_title"]), "ticket",
        rx.flex(
            rx.vstack(
                rx.text(_S.visit_code, size=rx.breakpoints(initial="8", sm="9"), weight="bold", class_name="tabular",
                        data_testid="visit-code",
                        style={"letterSpacing": "0.18em", "fontFamily": "ui-monospace, monospace"}),
                muted(translated(COPY["code_text"])),
                rx.text(translated(COPY["code_at"]), rx.text.strong(_S.confirmed_when), size="2"),
                spacing="3", flex="1", width="100%", min_width="0",
            ),
            rx.image(src=_S.visit_qr, alt=translated(COPY["qr_alt"]), width="180px", height="180px",
                     style={"imageRendering": "pixelated", "borderRadius": "var(--radius-3)"}),
            direction=rx.breakpoints(initial="column", sm="row"), gap="5", align="center", width="100%",
        ),
        _another_date(translated(COPY["move"])),
        data_testid="next-step",
    )


def _by_hand_dialog() -> rx.Component:
    return form_dialog("by_hand", translated(COPY["by_hand_title"]), translated(COPY["by_hand_text"]),
                       textarea(translated(COPY["by_hand_note"]), "note", rows="2"),
                       action_button(translated(COPY["by_hand"]), type="submit"), _S.mark_visited_by_hand,
                       # Secondary: the code is the way; by hand is for a creator without a phone.
                       trigger=rx.button(translated(COPY["by_hand_link"]), variant="ghost", color_scheme="gray",
                                         size="1", type="button"))


def _mark_visited() -> rx.Component:
    return step_card(
        translated(COPY["mark_title"]), "map-pin-check",
        muted(translated(COPY["mark_text"])),
        rx.text(translated(COPY["code_at"]), rx.text.strong(_S.confirmed_when), size="2"),
        post_form(
            rx.flex(
                rx.box(field(translated(COPY["code"]), "code", default_value=_S.code_from_link, autocomplete="off",
                             error=_S.field_errors.get("code", ""), placeholder="ABCD2345",
                             style={"textTransform": "uppercase", "letterSpacing": "0.12em"}),
                       flex="1", width="100%"),
                action_button(translated(COPY["mark"]), type="submit"),
                direction=rx.breakpoints(initial="column", sm="row"), gap="3",
                align=rx.breakpoints(initial="stretch", sm="end"), width="100%",
            ),
            on_submit=_S.mark_visited, key=_S.code_from_link, width="100%",
        ),
        rx.hstack(_another_date(translated(COPY["move"])), spacing="4", align="start", width="100%", wrap="wrap"),
        rx.separator(size="4"),
        _by_hand_dialog(),
        data_testid="next-step",
    )


def _confirmed() -> rx.Component:
    """A confirmed visit without a code to show (an admin's view, or a code issued before codes existed)."""
    return note_card(
        translated(COPY["confirmed_title"]), "calendar-check",
        rx.text(translated(COPY["code_at"]), rx.text.strong(_S.confirmed_when), ".", size="3"),
        rx.cond(_S.actions.contains("counter_propose"), _another_date(translated(COPY["move"]))),
    )


def scheduled() -> rx.Component:
    return rx.cond(
        _S.confirmed_when != "",
        rx.cond(_S.role == "creator", rx.cond(_S.visit_code != "", _visit_code(), _confirmed()),
                rx.cond(_S.actions.contains("mark_visited"), _mark_visited(), _confirmed())),
        rx.cond(_S.awaiting_me, _confirm(), rx.cond(_S.role != "admin", _waiting_confirmation())),
    )
