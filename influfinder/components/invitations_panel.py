"""Pending invitations at the top of My applications: the offer, the business's note, Accept, Decline, Mute."""

import reflex as rx

from influfinder.components.phrases import filled
from influfinder.i18n import N_, translated
from influfinder.components.forms import form_error, notice
from influfinder.state.my_invitations import InvitationCard, MyInvitationsState

COPY = {
    "title": N_("Invitations"), "from": N_("from {brand} · invited {day}"), "accept": N_("Accept"), "decline": N_("Decline"),
    "mute": N_("Mute this business"), "view": N_("View offer"), "invite_only": N_("Invite-only"),
    "waived": N_("Requirements waived for you"),
    "accept_hint": N_("Accepting sends your application to the business."),
}
S = MyInvitationsState


def _invitation(row: InvitationCard) -> rx.Component:
    busy = S.answering == row.id
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.vstack(
                    rx.heading(row.offer_title, size="4", as_="h3"),
                    rx.text(*filled(translated(COPY["from"]), brand=rx.link(rx.text.strong(row.brand), href=row.business_href),
                                   day=row.sent), size="2", color_scheme="gray"),
                    spacing="1",
                ),
                rx.spacer(),
                rx.cond(row.invite_only, rx.badge(rx.icon("lock", size=12), translated(COPY["invite_only"]), variant="soft")),
                rx.cond(row.waived, rx.badge(translated(COPY["waived"]), color_scheme="green", variant="soft")),
                width="100%", wrap="wrap", spacing="2",
            ),
            rx.cond(row.note != "", rx.blockquote(row.note, size="2")),
            rx.hstack(
                rx.button(rx.cond(busy, rx.spinner(size="2"), rx.icon("check", size=14)), translated(COPY["accept"]), size="2",
                          on_click=S.accept(row.id), disabled=S.answering != "", title=translated(COPY["accept_hint"])),
                rx.button(rx.icon("x", size=14), translated(COPY["decline"]), size="2", variant="soft", color_scheme="gray",
                          on_click=S.decline(row.id), disabled=S.answering != ""),
                rx.link(translated(COPY["view"]), href="/offers/" + row.offer_id, size="2"),
                rx.spacer(),
                rx.button(rx.icon("bell-off", size=14), translated(COPY["mute"]), size="1", variant="ghost", color_scheme="gray",
                          on_click=S.mute(row.id)),
                spacing="3", align="center", width="100%", wrap="wrap",
            ),
            spacing="3", width="100%",
        ),
        size="2", width="100%", data_testid="invitation",
    )


def invitations_panel() -> rx.Component:
    return rx.fragment(
        notice(S.invitation_notice),
        form_error(S.error),
        rx.cond(
            S.invitations.length() > 0,
            rx.vstack(rx.heading(translated(COPY["title"]), size="5", as_="h2"), rx.foreach(S.invitations, _invitation),
                      spacing="3", width="100%", data_testid="invitations"),
        ),
    )
