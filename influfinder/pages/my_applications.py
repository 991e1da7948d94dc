"""/my-applications: a creator's applications by status, with the business's reason when rejected."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error, notice
from influfinder.components.invitations_panel import invitations_panel
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager, status_tabs
from influfinder.components.status_badges import application_status_badge
from influfinder.state.my_applications import MyApplicationCard, MyApplicationsState

ROUTE = "/my-applications"
COPY = {
    "title": "My applications",
    "subtitle": "Where each of your applications stands.",
    "browse": "Browse offers",
    "tabs": "Applications by status",
    "all": "All",
    "APPLIED": "Sent",
    "UNDER_REVIEW": "Under review",
    "ACCEPTED": "Accepted",
    "REJECTED": "Rejected",
    "WITHDRAWN": "Withdrawn",
    "by": "by ",
    "applied": "Applied ",
    "fee": "Your fee: ",
    "reason": "The business said: ",
    "open": "Open",
    "collaboration": "Collaboration",
    "pages": "Pages of applications",
    "empty_title": "No applications yet",
    "empty_text": "Find an offer that fits your audience and apply: it takes a short message.",
    "none_here_title": "Nothing here",
    "none_here_text": "No applications with this status.",
    "see_all": "See all applications",
    "withdraw": "Withdraw",
    "withdraw_title": "Withdraw this application?",
    "withdraw_text": "The business will no longer consider it, and you cannot apply to this offer again.",
    "cancel": "Keep it",
}
STATUS_TABS = [(s, COPY[s]) for s in ("APPLIED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN")]

S = MyApplicationsState


def _withdraw(row: MyApplicationCard) -> rx.Component:
    busy = S.withdrawing == row.id
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(rx.cond(busy, rx.spinner(size="2"), rx.icon("undo-2", size=14)), COPY["withdraw"], size="2",
                      variant="ghost", color_scheme="red", disabled=S.withdrawing != ""),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(COPY["withdraw_title"]),
            rx.alert_dialog.description(rx.text.strong(row.offer_title), " · ", row.brand, rx.el.br(),
                                        COPY["withdraw_text"]),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(COPY["cancel"], variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(COPY["withdraw"], color_scheme="red",
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
                    rx.link(rx.heading(row.offer_title, size="4", as_="h2"), href="/offers/" + row.offer_id,
                            underline="hover", color="inherit"),
                    rx.text(COPY["by"], rx.text.strong(row.brand), " · ", COPY["applied"], row.applied, size="2",
                            color_scheme="gray"),
                    spacing="1", min_width="0",
                ),
                rx.spacer(),
                # To the creator an application the business has not opened yet is simply "Sent".
                rx.cond(row.status == "APPLIED",
                        rx.badge(rx.icon("send", size=12), COPY["APPLIED"], color_scheme="blue", variant="soft",
                                 size="2", radius="full"),
                        application_status_badge(row.status, size="2")),
                direction=rx.breakpoints(initial="column-reverse", sm="row"),
                spacing="2", width="100%", align=rx.breakpoints(initial="start", sm="start"),
            ),
            rx.cond(row.fee != "", rx.text(COPY["fee"], rx.text.strong(row.fee), size="2")),
            rx.cond(row.reason != "", rx.callout(COPY["reason"] + row.reason, icon="message-square",
                                                 color_scheme="gray", size="1", width="100%")),
            rx.hstack(
                nav_button(COPY["open"], rx.icon("chevron-right", size=14), href="/applications/" + row.id, size="2",
                           variant="soft"),
                rx.cond(row.collaboration_id != "",
                        nav_button(rx.icon("handshake", size=14), COPY["collaboration"],
                                   href="/collaborations/" + row.collaboration_id, size="2")),
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
                  COPY["pages"]),
            spacing="3", width="100%",
        ),
        empty_state("inbox", COPY["none_here_title"], COPY["none_here_text"],
                    nav_button(COPY["see_all"], href=ROUTE, variant="soft")),
    )


def my_applications_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.flex(
                rx.vstack(rx.heading(COPY["title"], size="8", as_="h1"), rx.text(COPY["subtitle"], color_scheme="gray"),
                          spacing="2"),
                rx.spacer(),
                nav_button(rx.icon("search", size=16), COPY["browse"], href="/offers", size="3", variant="soft"),
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
                    rx.vstack(status_tabs(STATUS_TABS, S.status, S.counts, S.everything, ROUTE, COPY["tabs"],
                                          COPY["all"]),
                              _list(), spacing="4", width="100%"),
                    empty_state("send", COPY["empty_title"], COPY["empty_text"],
                                nav_button(COPY["browse"], href="/offers")),
                ),
            ),
            spacing="5", width="100%", max_width="860px", margin_x="auto",
        ),
    )
