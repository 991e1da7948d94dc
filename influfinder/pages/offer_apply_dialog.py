"""Applying to an offer: the dialog on the offer's page, its form (message, fee, links) and the "sent" step."""

import reflex as rx
from reflex.experimental.client_state import ClientStateVar

from influfinder.components.forms import field_error, form_error, post_form
from influfinder.components.list_nav import nav_button
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.offer_detail import OfferDetailState as S

COPY = {
    "apply_title": N_("Apply to "),
    "apply_text": N_("The business reads your message first: say why your audience fits and what you would create."),
    "message": N_("Message"),
    "message_hint": N_("20 to 2,000 characters."),
    "counter_of": " / 2,000",
    "fee": N_("Proposed fee"),
    "optional": N_(" (optional)"),
    "fee_hint": N_("In the offer's currency. Leave it empty to go with the offer's terms."),
    "links": N_("Links to your work"),
    "links_hint": N_("One per line, each starting with http:// or https://. Up to 5."),
    "links_placeholder": N_("https://instagram.com/p/..."),
    "cancel": N_("Cancel"),
    "send": N_("Send application"),
    "sent_title": N_("Application sent"),
    "sent_text": N_("The business has been told. You will get a notification when they decide."),
    "open_application": N_("Open my application"),
    "my_applications": N_("My applications"),
    "close": N_("Close"),
}
MESSAGE_MAX = 2000
# The message's length, counted in the browser as the creator types: no round trip per key.
DRAFT = ClientStateVar.create("apply_message_draft", "")
_O = S.offer


def _message_field() -> rx.Component:
    return rx.vstack(
        rx.el.label(translated(COPY["message"]), html_for="apply-message", style={"fontWeight": "500", "fontSize": "0.9rem"}),
        rx.text_area(id="apply-message", name="message", rows="6", max_length=MESSAGE_MAX, width="100%",
                     default_value=DRAFT.value, on_change=DRAFT.set, aria_describedby="apply-message-count",
                     aria_invalid=rx.cond(S.field_errors.contains("message"), "true", "false")),
        rx.hstack(
            rx.text(translated(COPY["message_hint"]), size="1", color_scheme="gray"),
            rx.spacer(),
            rx.text(DRAFT.value.to(str).length(), translated(COPY["counter_of"]), id="apply-message-count", size="1",
                    color_scheme="gray", class_name="tabular", aria_live="polite", data_testid="message-counter"),
            width="100%",
        ),
        field_error(S.field_errors.get("message", "")),
        spacing="1", width="100%",
    )


def _optional_field(label: tuple, control: rx.Component, hint: str, error: str) -> rx.Component:
    """A labelled field under the message (`control` has the id the label names); the error for the form's
    field `error` sits under the hint."""
    return rx.vstack(
        rx.el.label(*label, translated(COPY["optional"]), html_for=control.id,
                    style={"fontWeight": "500", "fontSize": "0.9rem"}),
        control,
        rx.text(translated(hint), size="1", color_scheme="gray"),
        field_error(S.field_errors.get(error, "")),
        spacing="1", width="100%",
    )


def _invalid(name: str):
    return rx.cond(S.field_errors.contains(name), "true", "false")


def _fee_field() -> rx.Component:
    return _optional_field(
        (translated(COPY["fee"]), " (", _O.currency, ")"),
        rx.input(rx.input.slot(rx.text(_O.currency, size="1", weight="bold")), id="apply-fee", name="proposed_fee",
                 type="number", min="0", step="0.01", input_mode="decimal", size="3", width="100%",
                 aria_invalid=_invalid("proposed_fee")),
        COPY["fee_hint"], "proposed_fee",
    )


def _links_field() -> rx.Component:
    return _optional_field(
        (translated(COPY["links"]),),
        rx.text_area(id="apply-links", name="links", rows="3", placeholder=translated(COPY["links_placeholder"]), width="100%",
                     aria_invalid=_invalid("links")),
        COPY["links_hint"], "links",
    )


def _apply_form() -> rx.Component:
    return rx.vstack(
        rx.dialog.title(translated(COPY["apply_title"]), _O.title),
        rx.dialog.description(translated(COPY["apply_text"]), size="2", color_scheme="gray"),
        post_form(
            rx.vstack(
                _message_field(),
                _fee_field(),
                _links_field(),
                form_error(S.error),
                rx.hstack(
                    rx.dialog.close(rx.button(translated(COPY["cancel"]), type="button", variant="soft", color_scheme="gray")),
                    rx.button(rx.cond(S.busy, rx.spinner(size="2"), rx.icon("send", size=16)), translated(COPY["send"]),
                              type="submit", disabled=S.busy),
                    spacing="3", justify="end", width="100%",
                ),
                spacing="4", width="100%",
            ),
            on_submit=S.apply, reset_on_submit=False, width="100%",
        ),
        spacing="3", width="100%",
    )


def _sent() -> rx.Component:
    return rx.vstack(
        rx.box(rx.icon("circle-check", size=28), class_name="step-icon", width="64px", height="64px",
               color=rx.color("grass", 11), background=rx.color("grass", 3)),
        rx.dialog.title(translated(COPY["sent_title"]), margin="0"),
        rx.dialog.description(translated(COPY["sent_text"]), size="2", color_scheme="gray", text_align="center"),
        rx.hstack(
            nav_button(translated(COPY["open_application"]), href=page_href("/applications/") + S.application_id, size="2"),
            nav_button(translated(COPY["my_applications"]), href=page_href("/my-applications"), size="2", variant="soft"),
            rx.dialog.close(rx.button(translated(COPY["close"]), type="button", variant="soft", color_scheme="gray", size="2")),
            spacing="2", wrap="wrap", justify="center",
        ),
        spacing="3", align="center", width="100%", padding_y="0.5rem", role="status", data_testid="application-sent",
    )


def apply_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(rx.cond(S.sent, _sent(), _apply_form()), max_width="560px"),
        open=S.apply_open,
        on_open_change=S.set_apply_open,
    )
