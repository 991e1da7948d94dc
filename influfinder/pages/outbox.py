"""/dev/outbox: the console outbox, so a newcomer can verify an email without SMTP."""

import reflex as rx

from influfinder.components.layout import link_button, page
from influfinder.i18n import N_, _, translated
from influfinder.state.outbox import OutboxMail, OutboxState

COPY = {
    "title": N_("Development outbox"),
    "subtitle": N_("No SMTP server is configured, so mails are kept here instead of being sent. "
                "This page does not exist in production or when SMTP is set."),
    "empty": N_("No mails yet. Sign up or ask for a password reset, and the mail appears here."),
    "disabled": N_("The outbox is off: mail is sent through SMTP, or the app runs in production."),
    "open": N_("Open link"),
    "refresh": N_("Refresh"),
}


def _mail(m: OutboxMail) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.text(m.subject, weight="bold"), rx.spacer(), rx.text(m.sent_at, size="1", color_scheme="gray"),
                      width="100%"),
            rx.text(_("To: "), m.recipient, size="2", color_scheme="gray"),
            rx.cond(m.link != "", link_button(translated(COPY["open"]), size="2", href=m.link, data_testid="outbox-link")),
            rx.el.details(rx.el.summary(_("Plain text")), rx.el.pre(m.text, style={"whiteSpace": "pre-wrap", "fontSize": "0.85rem"})),
            spacing="2", width="100%",
        ),
        width="100%", data_testid="outbox-mail",
    )


def outbox_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.hstack(rx.heading(translated(COPY["title"]), size="7"), rx.spacer(),
                      rx.button(rx.icon("refresh-cw", size=16), translated(COPY["refresh"]), variant="soft", on_click=OutboxState.load),
                      width="100%", align="center"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="2"),
            rx.cond(
                OutboxState.enabled,
                rx.cond(OutboxState.mails.length() > 0,
                        rx.vstack(rx.foreach(OutboxState.mails, _mail), width="100%", spacing="3"),
                        rx.callout(translated(COPY["empty"]), icon="inbox")),
                rx.callout(translated(COPY["disabled"]), icon="lock", color_scheme="gray"),
            ),
            spacing="4", width="100%", max_width="760px", margin_x="auto",
        )
    )
