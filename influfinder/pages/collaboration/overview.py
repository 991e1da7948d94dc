"""The top of the collaboration page and its side panel: who, what, when, where, and calling it off."""

import reflex as rx

from influfinder.components.collaboration_badges import status_badge
from influfinder.components.layout import link_button
from influfinder.pages.collaboration.parts import action_button, form_dialog, muted, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def header() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), COPY["back"], align="center", spacing="1"),
                href="/collaborations", size="2", color_scheme="gray", underline="hover"),
        rx.hstack(status_badge(_S.status), rx.cond(_S.fee != "", rx.badge(rx.icon("wallet", size=14), _S.fee,
                                                                             color_scheme="green", variant="soft",
                                                                             size="2", radius="full")),
                  spacing="2", wrap="wrap", margin_top="0.5rem"),
        rx.heading(_S.offer_title, size=rx.breakpoints(initial="7", sm="8"), as_="h1"),
        rx.text(COPY["creator"], " ", rx.text.strong(_S.creator_name), " · ", COPY["business"], " ",
                rx.text.strong(_S.business_name), size="3", color_scheme="gray"),
        spacing="2", width="100%",
    )


def _fact(label: str, value) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label, min_width="88px"), rx.data_list.value(value))


def _visit_value() -> rx.Component:
    return rx.cond(
        _S.confirmed_when != "", rx.text(_S.confirmed_when, class_name="tabular"),
        rx.cond(_S.proposed_when != "", rx.text(_S.proposed_when, COPY["proposed"], class_name="tabular"),
                rx.text("—")),
    )


def aside() -> rx.Component:
    return rx.vstack(
        rx.card(
            rx.vstack(
                rx.data_list.root(
                    _fact(COPY["status"], status_badge(_S.status, size="1")),
                    _fact(COPY["visit"], _visit_value()),
                    rx.cond(_S.place != "", _fact(COPY["where"], _S.place)),
                    _fact(COPY["fee"], rx.cond(_S.fee != "", _S.fee, COPY["no_fee"])),
                    _fact(COPY["started"], _S.started),
                    orientation="vertical", size="2",
                ),
                # Only while the visit is ahead: a cancelled or past visit has no place in a calendar.
                rx.cond((_S.ics_url != "") & (_S.status == "SCHEDULED"), rx.button(rx.el.a(rx.icon("calendar-plus", size=16), COPY["calendar"],
                                                            href=_S.ics_url, download="influfinder-visit.ics"),
                                                    as_child=True, variant="soft", width="100%")),
                link_button(rx.icon("external-link", size=16), COPY["view_offer"], href="/offers/" + _S.offer_id,
                            variant="outline", width="100%"),
                muted(COPY["times_in"], _S.time_zone, "."),
                spacing="4", width="100%",
            ),
            size="2", width="100%",
        ),
        rx.cond(_S.actions.contains("cancel") | _S.actions.contains("open_dispute"), _trouble()),
        spacing="4", width="100%", class_name="sticky-aside",
    )


def _reason_dialog(name: str, trigger: str, title: str, text: str, handler) -> rx.Component:
    return form_dialog(name, title, text, textarea(COPY["reason"], "reason", required=True),
                       action_button(trigger, color_scheme="red", type="submit"), handler,
                       trigger=rx.button(trigger, color_scheme="red", variant="soft", width="100%"))


def _trouble() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(COPY["trouble"], weight="bold", size="2"),
            rx.cond(_S.actions.contains("cancel"),
                    _reason_dialog("cancel", COPY["cancel"], COPY["cancel_title"], COPY["cancel_text"], _S.cancel)),
            rx.cond(_S.actions.contains("open_dispute"),
                    _reason_dialog("dispute", COPY["dispute"], COPY["dispute_title"], COPY["dispute_text"],
                                   _S.open_dispute)),
            spacing="3", width="100%",
        ),
        size="2", width="100%", variant="surface",
    )
