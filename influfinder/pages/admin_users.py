"""/admin/users: every account with its email and badges, searched by username or email, (re)activated."""

from __future__ import annotations

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.list_nav import nav_button, pager
from influfinder.components.message_button import message_button
from influfinder.i18n import N_, translated
from influfinder.pages.admin_frame import COPY as FRAME_COPY
from influfinder.pages.admin_frame import USERS_ROUTE, busy_icon, confirm, frame, loading, meta, search_form
from influfinder.state.admin_users import AdminUsersState, UserLine

ROUTE = USERS_ROUTE
COPY = {
    **FRAME_COPY,
    "users_title": N_("Users"),
    "users_text": N_("Every account, newest first. Deactivated accounts cannot log in until reactivated."),
    "search_users": N_("Search by username or email"),
    "joined": N_("Joined "),
    "verified": N_("Verified"),
    "unverified": N_("Unverified"),
    "admin": N_("Admin"),
    "deactivated": N_("Deactivated"),
    "you": N_("You"),
    "deactivate": N_("Deactivate"),
    "reactivate": N_("Reactivate"),
    "deactivate_title": N_("Deactivate this account?"),
    "deactivate_text": N_("They are signed out on every device at once and cannot log in until an admin reactivates "
                       "the account. Their offers, applications and collaborations stay as they are."),
    "users_empty_title": N_("No accounts found"),
    "users_empty_text": N_("Nobody's username or email contains that. Check the spelling, or search for less."),
    "show_all": N_("Show everyone"),
    "user_pages": N_("Pages of users"),
}


U = AdminUsersState


def _user_badges(row: UserLine) -> rx.Component:
    return rx.hstack(
        rx.badge(row.user_type, variant="outline", size="1"),
        rx.cond(row.verified, rx.badge(rx.icon("badge-check", size=12), translated(COPY["verified"]), color_scheme="green",
                                       variant="soft", size="1"),
                rx.badge(translated(COPY["unverified"]), color_scheme="amber", variant="soft", size="1")),
        rx.cond(row.is_admin, rx.badge(rx.icon("shield-check", size=12), translated(COPY["admin"]), color_scheme="violet",
                                       variant="soft", size="1")),
        rx.cond(~row.active, rx.badge(rx.icon("ban", size=12), translated(COPY["deactivated"]), color_scheme="red",
                                      variant="solid", size="1")),
        spacing="2", wrap="wrap",
    )


def _user_action(row: UserLine) -> rx.Component:
    busy = U.acting_on == row.id
    deactivate = rx.button(busy_icon(busy, "ban"), translated(COPY["deactivate"]), variant="soft", color_scheme="red", size="2",
                           disabled=U.acting_on != "")
    return rx.cond(
        row.is_me,
        rx.badge(translated(COPY["you"]), variant="soft", color_scheme="gray", size="2"),
        rx.cond(
            row.active,
            confirm(deactivate, translated(COPY["deactivate_title"]), "@" + row.username, translated(COPY["deactivate_text"]),
                    translated(COPY["deactivate"]), U.deactivate(row.id)),
            rx.button(busy_icon(busy, "rotate-ccw"), translated(COPY["reactivate"]), variant="soft", size="2",
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
                    rx.flex(meta("calendar", translated(COPY["joined"]), row.joined), meta("log-in", row.last_login),
                            spacing="3", wrap="wrap"),
                    spacing="1", min_width="0",
                ),
                spacing="3", align="start", min_width="0", flex="1",
            ),
            rx.hstack(rx.cond(row.is_me, rx.fragment(), message_button(row.id, size="2")), _user_action(row),
                      spacing="2", align="center", wrap="wrap"),
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
            pager(U.page, U.pages, U.page_base, translated(COPY["user_pages"])),
            spacing="3", width="100%",
        ),
        empty_state("user-search", translated(COPY["users_empty_title"]), translated(COPY["users_empty_text"]),
                    nav_button(translated(COPY["show_all"]), href=ROUTE, variant="soft")),
    )


def admin_users_page() -> rx.Component:
    return frame(translated(COPY["users_title"]), translated(COPY["users_text"]), U,
                 search_form(U.find, U.search, translated(COPY["search_users"]), ROUTE),
                 rx.cond(U.loading, loading(), _users_body()))
