"""/my-applications: a creator's applications by status, with the business's reason when rejected."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error, notice
from influfinder.components.invitations_panel import invitations_panel
from influfinder.components.muted_businesses import muted_businesses_panel
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager, status_tabs
from influfinder.components.status_badges import application_status_badge
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.my_applications import MyApplicationCard, MyApplicationsState

ROUTE = "/my-applications"
COPY = {
    "title": N_("My applications"),
    "subtitle": N_("Where each of your applications stands."),
    "browse": N_("Browse offers"),
    "tabs": N_("Applications by status"),
    "all": N_("All"),
    "APPLIED": N_("Sent"),
    "UNDER_REVIEW": N_("Under review"),
    "ACCEPTED": N_("Accepted"),
    "REJECTED": N_("Rejected"),
    "WITHDRAWN": N_("Withdrawn"),
    "by": N_("by "),
    "applied": N_("Applied "),
    "fee": N_("Your fee: "),
    "reason": N_("The business said: "),
    "open": N_("Open"),
    "collaboration": N_("Collaboration"),
    "pages": N_("Pages of applications"),
    "empty_title": N_("No applications yet"),
    "empty_text": N_("Find an offer that fits your audience and apply: it takes a short message."),
    "none_here_title": N_("Nothing here"),
    "none_here_text": N_("No applications with this status."),
    "see_all": N_("See all applications"),
    "withdraw": N_("Withdraw"),
    "withdraw_title": N_("Withdraw this application?"),
    "withdraw_text": N_("The business will no longer consider it, and you cannot apply to this offer again."),
    "cancel": N_("Keep it"),
}
STATUS_TABS = [(s, COPY[s]) for s in ("APPLIED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN")]

S = MyApplicationsState


def _withdraw(row: MyApplicationCard) -> rx.Component:
    busy = S.withdrawing == row.id
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(rx.cond(busy, rx.spinner(size="2"), rx.icon("undo-2", size=14)), translated(COPY["withdraw"]), size="2",
                      variant="ghost", color_scheme="red", disabled=S.withdrawing != ""),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(translated(COPY["withdraw_title"])),
            rx.alert_dialog.description(rx.text.strong(row.offer_title), " · ", row.brand, rx.el.br(),
                                        translated(COPY["withdraw_text"])),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(translated(COPY["withdraw"]), color_scheme="red",
                                                 on_click=S.withdraw(row.id))),
                spacing="3", justify="end", margin_top="1rem",
            ),
            max_width="440px",
        ),
    )


def _row(row: MyApplicationCard) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(
                    rx.link(rx.heading(row.offer_title, size="4", as_="h2"), href=page_href("/offers/") + row.offer_id,
                            underline="hover", color="inherit"),
                    rx.text(translated(COPY["by"]), rx.text.strong(row.brand), " · ", translated(COPY["applied"]), row.applied, size="2",
                            color_scheme="gray"),
                    spacing="1", min_width="0",
                ),
                rx.spacer(),
                # To the creator an application the business has not opened yet is simply "Sent".
                rx.cond(row.status == "APPLIED",
                        rx.badge(rx.icon("send", size=12), translated(COPY["APPLIED"]), color_scheme="blue", variant="soft",
                                 size="2", radius="full"),
                        application_status_badge(row.status, size="2")),
                direction=rx.breakpoints(initial="column-reverse", sm="row"),
                spacing="2", width="100%", align=rx.breakpoints(initial="start", sm="start"),
            ),
            rx.cond(row.fee != "", rx.text(translated(COPY["fee"]), rx.text.strong(row.fee), size="2")),
            rx.cond(row.reason != "", rx.callout(translated(COPY["reason"]) + row.reason, icon="message-square",
                                                 color_scheme="gray", size="1", width="100%")),
            rx.hstack(
                nav_button(translated(COPY["open"]), rx.icon("chevron-right", size=14), href=page_href("/applications/") + row.id, size="2",
                           variant="soft"),
                rx.cond(row.collaboration_id != "",
                        nav_button(rx.icon("handshake", size=14), translated(COPY["collaboration"]),
                                   href=page_href("/collaborations/") + row.collaboration_id, size="2")),
                rx.cond(row.can_withdraw, _withdraw(row)),
                spacing="2", wrap="wrap", align="center",
            ),
            spacing="3", width="100%",
        ),
        size="2", width="100%", data_testid="my-application",
    )


def _list() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.foreach(S.rows, _row),
            pager(S.page, S.pages, rx.cond(S.status != "", ROUTE + "?status=" + S.status + "&", ROUTE + "?"),
                  translated(COPY["pages"])),
            spacing="3", width="100%",
        ),
        empty_state("inbox", translated(COPY["none_here_title"]), translated(COPY["none_here_text"]),
                    nav_button(translated(COPY["see_all"]), href=ROUTE, variant="soft")),
    )


def my_applications_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.flex(
                rx.vstack(rx.heading(translated(COPY["title"]), size="8", as_="h1"), rx.text(translated(COPY["subtitle"]), color_scheme="gray"),
                          spacing="2"),
                rx.spacer(),
                nav_button(rx.icon("search", size=16), translated(COPY["browse"]), href=page_href("/offers"), size="3", variant="soft"),
                direction=rx.breakpoints(initial="column", sm="row"), align=rx.breakpoints(initial="start", sm="end"),
                spacing="4", width="100%",
            ),
            form_error(S.error),
            notice(S.notice),
            invitations_panel(),
            rx.cond(
                S.loading,
                rx.vstack(*[rx.skeleton(height="120px", width="100%") for _ in range(3)], spacing="3", width="100%",
                          aria_busy="true"),
                rx.cond(
                    S.everything > 0,
                    rx.vstack(status_tabs(STATUS_TABS, S.status, S.counts, S.everything, ROUTE, translated(COPY["tabs"]),
                                          translated(COPY["all"])),
                              _list(), spacing="4", width="100%"),
                    empty_state("send", translated(COPY["empty_title"]), translated(COPY["empty_text"]),
                                nav_button(translated(COPY["browse"]), href=page_href("/offers"))),
                ),
            ),
            muted_businesses_panel(),
            spacing="5", width="100%", max_width="860px", margin_x="auto",
        ),
    )
