"""The top of the collaboration page and its side panel: who, what, when, where, and calling it off."""

import reflex as rx

from influfinder.components.collaboration_badges import status_badge
from influfinder.components.layout import link_button
from influfinder.components.message_button import message_button
from influfinder.i18n import translated
from influfinder.i18n.routes import page_href
from influfinder.pages.collaboration.parts import action_button, form_dialog, muted, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def header() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), translated(COPY["back"]), align="center", spacing="1"),
                href=page_href("/collaborations"), size="2", color_scheme="gray", underline="hover"),
        rx.hstack(status_badge(_S.status), rx.cond(_S.fee != "", rx.badge(rx.icon("wallet", size=14), _S.fee,
                                                                             color_scheme="green", variant="soft",
                                                                             size="2", radius="full")),
                  spacing="2", wrap="wrap", margin_top="0.5rem"),
        rx.heading(_S.offer_title, size=rx.breakpoints(initial="7", sm="8"), as_="h1"),
        rx.text(translated(COPY["creator"]), " ", rx.text.strong(_S.creator_name), " · ", translated(COPY["business"]), " ",
                rx.text.strong(_S.business_name), size="3", color_scheme="gray"),
        message_button(_S.other_user_id),
        spacing="2", width="100%",
    )


def _fact(label: str, value) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label, min_width="88px"), rx.data_list.value(value))


def _visit_value() -> rx.Component:
    return rx.cond(
        _S.confirmed_when != "", rx.text(_S.confirmed_when, class_name="tabular"),
        rx.cond(_S.proposed_when != "", rx.text(_S.proposed_when, translated(COPY["proposed"]), class_name="tabular"),
                rx.text("—")),
    )


def aside() -> rx.Component:
    return rx.vstack(
        rx.card(
            rx.vstack(
                rx.data_list.root(
                    _fact(translated(COPY["status"]), status_badge(_S.status, size="1")),
                    _fact(translated(COPY["visit"]), _visit_value()),
                    rx.cond(_S.place != "", _fact(translated(COPY["where"]), _S.place)),
                    _fact(translated(COPY["fee"]), rx.cond(_S.fee != "", _S.fee, translated(COPY["no_fee"]))),
                    _fact(translated(COPY["started"]), _S.started),
                    orientation="vertical", size="2",
                ),
                # Only while the visit is ahead: a cancelled or past visit has no place in a calendar.
                rx.cond((_S.ics_url != "") & (_S.status == "SCHEDULED"), rx.button(rx.el.a(rx.icon("calendar-plus", size=16), translated(COPY["calendar"]),
                                                            href=_S.ics_url, download="influfinder-visit.ics"),
                                                    as_child=True, variant="soft", width="100%")),
                link_button(rx.icon("external-link", size=16), translated(COPY["view_offer"]), href="/offers/" + _S.offer_id,
                            variant="outline", width="100%"),
                rx.cond(_S.venue_when != "", muted(_S.venue_when)),
                muted(translated(COPY["times_in"]), _S.time_zone_name, "."),
                spacing="4", width="100%",
            ),
            size="2", width="100%",
        ),
        rx.cond(_S.actions.contains("cancel") | _S.actions.contains("open_dispute"), _trouble()),
        spacing="4", width="100%", class_name="sticky-aside",
    )


def _reason_dialog(name: str, trigger: str, title: str, text: str, handler) -> rx.Component:
    return form_dialog(name, title, text, textarea(translated(COPY["reason"]), "reason", required=True),
                       action_button(trigger, color_scheme="red", type="submit"), handler,
                       trigger=rx.button(trigger, color_scheme="red", variant="soft", width="100%"))


def _trouble() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(translated(COPY["trouble"]), weight="bold", size="2"),
            rx.cond(_S.actions.contains("cancel"),
                    _reason_dialog("cancel", translated(COPY["cancel"]), translated(COPY["cancel_title"]), translated(COPY["cancel_text"]), _S.cancel)),
            rx.cond(_S.actions.contains("open_dispute"),
                    _reason_dialog("dispute", translated(COPY["dispute"]), translated(COPY["dispute_title"]), translated(COPY["dispute_text"]),
                                   _S.open_dispute)),
            spacing="3", width="100%",
        ),
        size="2", width="100%", variant="surface",
    )
