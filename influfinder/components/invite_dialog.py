"""Invite to an offer: the button on a creator's profile or search result, and the one dialog it opens."""

import reflex as rx

from influfinder.components.phrases import filled
from influfinder.i18n import N_, _, translated
from influfinder.components.forms import field_error, form_error, notice, post_form
from influfinder.state.invite import InviteState

COPY = {
    "invite": N_("Invite to an offer"), "offer": N_("Offer"), "choose": N_("Choose an offer"), "note": N_("Note (optional)"),
    "note_hint": N_("Why this creator: they see it with the invitation."),
    "waive": N_("Waive the audience requirements for this creator"), "send": N_("Send invitation"), "cancel": N_("Cancel"),
    "no_offers": N_("Publish an offer first: invitations are to published offers."),
}
S = InviteState


def invite_button(username, name, size: str = "3") -> rx.Component:
    return rx.button(rx.icon("send", size=16), translated(COPY["invite"]), size=size, type="button",
                     on_click=S.open_for(username, name), data_testid="invite-button")


def invite_notice() -> rx.Component:
    return notice(S.notice)


def _form() -> rx.Component:
    return post_form(
        rx.vstack(
            rx.el.label(translated(COPY["offer"]), html_for="invite-offer", style={"fontWeight": "500"}),
            rx.select.root(
                rx.select.trigger(placeholder=translated(COPY["choose"]), id="invite-offer", width="100%"),
                rx.select.content(rx.foreach(S.offers, lambda o: rx.select.item(o.title, value=o.id))),
                name="offer_id", required=True,
            ),
            field_error(S.field_errors.get("offer_id", "")),
            rx.el.label(translated(COPY["note"]), html_for="invite-note", style={"fontWeight": "500"}),
            rx.text_area(id="invite-note", name="note", max_length=1000, width="100%"),
            rx.text(translated(COPY["note_hint"]), size="1", color_scheme="gray"),
            field_error(S.field_errors.get("note", "")),
            rx.hstack(rx.checkbox(id="invite-waive", name="waive_requirements", value="on"),
                      rx.el.label(translated(COPY["waive"]), html_for="invite-waive", style={"fontSize": "0.875rem"}),
                      spacing="2", align="center"),
            form_error(S.error),
            rx.hstack(
                rx.dialog.close(rx.button(translated(COPY["cancel"]), type="button", variant="soft", color_scheme="gray")),
                rx.button(rx.cond(S.busy, rx.spinner(size="2")), translated(COPY["send"]), type="submit", disabled=S.busy),
                spacing="3", justify="end", width="100%",
            ),
            spacing="2", width="100%",
        ),
        on_submit=S.invite, reset_on_submit=False,
    )


def invite_dialog() -> rx.Component:
    """Once per page; invite_button opens it for its creator."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(*filled(_("Invite {name}"), name=S.name)),
            rx.cond(S.offers.length() > 0, _form(), rx.text(translated(COPY["no_offers"]))),
            max_width="520px",
        ),
        open=S.open, on_open_change=S.set_open,
    )
