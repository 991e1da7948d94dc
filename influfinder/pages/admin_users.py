"""/admin/users: every account with its email and badges, searched by username or email, (re)activated."""

from __future__ import annotations

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.list_nav import nav_button, pager
from influfinder.pages.admin_frame import COPY as FRAME_COPY
from influfinder.pages.admin_frame import USERS_ROUTE, busy_icon, confirm, frame, loading, meta, search_form
from influfinder.state.admin_users import AdminUsersState, UserLine

ROUTE = USERS_ROUTE
COPY = {
    **FRAME_COPY,
    "users_title": "Users",
    "users_text": "Every account, newest first. Deactivated accounts cannot log in until reactivated.",
    "search_users": "Search by username or email",
    "joined": "Joined ",
    "verified": "Verified",
    "unverified": "Unverified",
    "admin": "Admin",
    "deactivated": "Deactivated",
    "you": "You",
    "deactivate": "Deactivate",
    "reactivate": "Reactivate",
    "deactivate_title": "Deactivate this account?",
    "deactivate_text": "They are signed out on every device at once and cannot log in until an admin reactivates "
                       "the account. Their offers, applications and collaborations stay as they are.",
    "users_empty_title": "No accounts found",
    "users_empty_text": "Nobody's username or email contains that. Check the spelling, or search for less.",
    "show_all": "Show everyone",
    "user_pages": "Pages of users",
}


U = AdminUsersState


def _user_badges(row: UserLine) -> rx.Component:
    return rx.hstack(
        rx.badge(row.user_type, variant="outline", size="1"),
        rx.cond(row.verified, rx.badge(rx.icon("badge-check", size=12), COPY["verified"], color_scheme="green",
                                       variant="soft", size="1"),
                rx.badge(COPY["unverified"], color_scheme="amber", variant="soft", size="1")),
        rx.cond(row.is_admin, rx.badge(rx.icon("shield-check", size=12), COPY["admin"], color_scheme="violet",
                                       variant="soft", size="1")),
        rx.cond(~row.active, rx.badge(rx.icon("ban", size=12), COPY["deactivated"], color_scheme="red",
                                      variant="solid", size="1")),
        spacing="2", wrap="wrap",
    )


def _user_action(row: UserLine) -> rx.Component:
    busy = U.acting_on == row.id
    deactivate = rx.button(busy_icon(busy, "ban"), COPY["deactivate"], variant="soft", color_scheme="red", size="2",
                           disabled=U.acting_on != "")
    return rx.cond(
        row.is_me,
        rx.badge(COPY["you"], variant="soft", color_scheme="gray", size="2"),
        rx.cond(
            row.active,
            confirm(deactivate, COPY["deactivate_title"], "@" + row.username, COPY["deactivate_text"],
                    COPY["deactivate"], U.deactivate(row.id)),
            rx.button(busy_icon(busy, "rotate-ccw"), COPY["reactivate"], variant="soft", size="2",
                      disabled=U.acting_on != "", on_click=U.reactivate(row.id)),
        ),
    )


def _user_card(row: UserLine) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.hstack(
                rx.avatar(fallback=row.name[:2].upper(), size="3", radius="full"),
                rx.vstack(
                    rx.hstack(rx.text(row.name, weight="bold", size="3"),
                              rx.text("@", row.username, size="2", color_scheme="gray"), spacing="2", wrap="wrap",
                              align="baseline"),
                    rx.text(row.email, size="2", style={"overflowWrap": "anywhere"}),
                    _user_badges(row),
                    rx.flex(meta("calendar", COPY["joined"], row.joined), meta("log-in", row.last_login),
                            spacing="3", wrap="wrap"),
                    spacing="1", min_width="0",
                ),
                spacing="3", align="start", min_width="0", flex="1",
            ),
            _user_action(row),
            direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
            align=rx.breakpoints(initial="start", sm="center"), justify="between",
        ),
        size="2", width="100%", data_testid="admin-user", opacity=rx.cond(row.active, "1", "0.75"),
    )


def _users_body() -> rx.Component:
    return rx.cond(
        U.total > 0,
        rx.vstack(
            rx.text(U.summary, size="2", color_scheme="gray", class_name="tabular", role="status"),
            rx.foreach(U.rows, _user_card),
            pager(U.page, U.pages, U.page_base, COPY["user_pages"]),
            spacing="3", width="100%",
        ),
        empty_state("user-search", COPY["users_empty_title"], COPY["users_empty_text"],
                    nav_button(COPY["show_all"], href=ROUTE, variant="soft")),
    )


def admin_users_page() -> rx.Component:
    return frame(COPY["users_title"], COPY["users_text"], U,
                 search_form(U.find, U.search, COPY["search_users"], ROUTE),
                 rx.cond(U.loading, loading(), _users_body()))
