"""/notifications: the notification centre (every type with its icon, unread filter, read, delete, live "new")."""

import reflex as rx

from influfinder.components import browser_time
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager
from influfinder.i18n import N_, translated
from influfinder.state.live import LiveState
from influfinder.state.notifications_page import NotificationRow, NotificationsPageState

ROUTE = "/notifications"
COPY = {
    "title": N_("Notifications"),
    "subtitle": N_("News about your offers, applications and collaborations."),
    "filter": N_("Show"),
    "all": N_("All"),
    "unread": N_("Unread"),
    "unread_count": N_(" unread"),
    "mark_all": N_("Mark all as read"),
    "new": N_("New"),
    "pages": N_("Pages of notifications"),
    "empty_title": N_("You are all caught up"),
    "empty_text": N_("When something happens to your offers, applications or collaborations, it shows up here."),
    "empty_unread_title": N_("No unread notifications"),
    "empty_unread_text": N_("Everything here has been read."),
    "see_all": N_("See all notifications"),
    "delete": N_("Delete notification: "),
    "arrived": N_("New notifications arrived."),
    "show_new": N_("Show them"),
}

S = NotificationsPageState


def _filter_link(label: str, href: str, active) -> rx.Component:
    return nav_button(label, href=href, size="2", variant=rx.cond(active, "solid", "soft"),
                      color_scheme=rx.cond(active, "violet", "gray"), aria_current=rx.cond(active, "page", ""))


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.el.nav(
            rx.hstack(_filter_link(translated(COPY["all"]), ROUTE, ~S.unread_only),
                      _filter_link(translated(COPY["unread"]), ROUTE + "?unread=1", S.unread_only), spacing="2"),
            aria_label=translated(COPY["filter"]),
        ),
        rx.spacer(),
        rx.cond(S.unread > 0, rx.hstack(
            rx.text(S.unread, translated(COPY["unread_count"]), size="2", color_scheme="gray", class_name="tabular"),
            rx.button(rx.icon("check-check", size=14), translated(COPY["mark_all"]), size="2", variant="soft",
                      on_click=S.mark_all_read),
            spacing="3", align="center",
        )),
        spacing="3", width="100%", align="center", wrap="wrap",
    )


def _open_button(row: NotificationRow) -> rx.Component:
    return rx.el.button(
        rx.hstack(
            rx.box(rx.icon(row.icon, size=18), class_name="step-icon", width="40px", height="40px", flex_shrink="0"),
            rx.vstack(
                rx.hstack(
                    rx.text(row.title, size="3", weight=rx.cond(row.is_read, "regular", "bold")),
                    rx.cond(~row.is_read, rx.badge(translated(COPY["new"]), size="1", color_scheme="violet", radius="full")),
                    spacing="2", align="center", wrap="wrap",
                ),
                rx.text(row.content, size="2", color_scheme="gray", class_name="line-clamp-2"),
                # On a phone the row has room for the time only: the kind mostly repeats the title, and
                # the two together wrapped, leaving the "·" at the end of a line.
                rx.text(
                    rx.el.span(rx.el.span(row.kind, style={"fontWeight": "500"}), " · ",
                               display=rx.breakpoints(initial="none", xs="inline")),
                    rx.el.time(browser_time.full(row.created_at), date_time=row.created_at,
                               style={"whiteSpace": "nowrap"}),
                    size="1", color_scheme="gray",
                ),
                spacing="1", align="start", min_width="0",
            ),
            spacing="3", align="center", width="100%",
        ),
        on_click=S.open(row.id),
        type="button",
        style={"all": "unset", "boxSizing": "border-box", "cursor": "pointer", "display": "block", "flex": "1",
               "minWidth": "0", "padding": "0.9rem 0.25rem 0.9rem 1rem"},
    )


def _row(row: NotificationRow) -> rx.Component:
    return rx.hstack(
        _open_button(row),
        rx.icon_button(rx.icon("trash-2", size=16), on_click=S.delete(row.id), type="button", variant="ghost",
                       color_scheme="gray", size="2", aria_label=translated(COPY["delete"]) + row.title, margin_right="0.75rem",
                       data_testid="delete-notification"),
        align="center", spacing="2", width="100%",
        data_testid="notification",
        data_read=rx.cond(row.is_read, "true", "false"),
        style={"borderRadius": "var(--radius-4)", "border": f"1px solid {rx.color('gray', 4)}",
               "background": rx.cond(row.is_read, "transparent", rx.color("accent", 2))},
        class_name="notification-row",
    )


def _arrived() -> rx.Component:
    # The bell is pushed live; the list is one page of rows, refilled when the person asks.
    return rx.cond(
        ~S.loading & (LiveState.unread_notifications > S.unread),
        rx.callout.root(
            rx.callout.icon(rx.icon("bell-ring", size=16)),
            rx.callout.text(translated(COPY["arrived"])),
            rx.button(translated(COPY["show_new"]), size="1", variant="solid", on_click=S.refresh, width="fit-content"),
            color_scheme="violet", width="100%", data_testid="new-notifications",
        ),
    )


def _list() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.foreach(S.rows, _row),
            pager(S.page, S.pages, rx.cond(S.unread_only, ROUTE + "?unread=1&", ROUTE + "?"), translated(COPY["pages"])),
            spacing="2", width="100%",
        ),
        rx.cond(
            S.unread_only,
            empty_state("bell-off", translated(COPY["empty_unread_title"]), translated(COPY["empty_unread_text"]),
                        nav_button(translated(COPY["see_all"]), href=ROUTE, variant="soft")),
            empty_state("bell", translated(COPY["empty_title"]), translated(COPY["empty_text"])),
        ),
    )


def notifications_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray"),
            _toolbar(),
            _arrived(),
            form_error(S.error),
            rx.cond(S.loading,
                    rx.vstack(*[rx.skeleton(height="84px", width="100%") for _ in range(4)], spacing="2",
                              width="100%", aria_busy="true"),
                    _list()),
            spacing="4", width="100%", max_width="760px", margin_x="auto",
        ),
    )
