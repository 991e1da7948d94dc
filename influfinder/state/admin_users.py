"""/admin/users: every account with its email, searched from the URL (?q=), and (re)activating one."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.services import admin_users
from influfinder.state.admin_page import PAGE_SIZE, AdminPageState, counted, page_base, query_text, search_text, url
from influfinder.state.display import day, label
from influfinder.state.list_pages import fetch_page
from influfinder.state.service_handler import service_handler

ROUTE = "/admin/users"


@dataclass
class UserLine:
    id: str = ""
    username: str = ""
    email: str = ""
    name: str = ""
    user_type: str = ""
    verified: bool = False
    is_admin: bool = False
    active: bool = True
    joined: str = ""
    last_login: str = ""
    is_me: bool = False


def _user_line(row: admin_users.UserRow) -> UserLine:
    return UserLine(
        id=row.id, username=row.username, email=row.email, name=row.display_name, user_type=label(row.user_type),
        verified=row.is_verified, is_admin=row.is_admin, active=row.is_active, joined=day(row.created_at),
        last_login=f"Last login {day(row.last_login_at)}" if row.last_login_at else "Never logged in",
        is_me=row.is_me,
    )


class AdminUsersState(AdminPageState):
    search: str = ""
    summary: str = ""  # "12 accounts for “ana”"
    rows: list[UserLine] = []
    page_base: str = ROUTE + "?"

    @rx.event
    @service_handler("listing users")
    async def load(self):
        async for update in self._load():
            yield update

    def _read_query(self) -> None:
        self.search = query_text(self)
        self.page_base = page_base(ROUTE, q=self.search)

    async def _fetch(self) -> None:
        result = await fetch_page(self, admin_users.list_users, self.search, page=self.page, page_size=PAGE_SIZE)
        self.rows = [_user_line(r) for r in result.items]
        self.summary = counted(result.total, "account", "accounts") + (f" for “{self.search}”" if self.search else "")
        self._take(result)

    @rx.event
    @service_handler("searching users")
    def find(self, form: dict):
        """The search form: the search goes into the URL, so it survives a reload and can be shared."""
        text = search_text(self, form)
        return None if text is None else rx.redirect(url(ROUTE, q=text))

    @rx.event
    @service_handler("deactivating an account")
    async def deactivate(self, user_id: str):
        async for update in self._act(user_id, admin_users.deactivate_user,
                                      "is deactivated and signed out everywhere."):
            yield update

    @rx.event
    @service_handler("reactivating an account")
    async def reactivate(self, user_id: str):
        async for update in self._act(user_id, admin_users.reactivate_user, "can log in again."):
            yield update

    def _notice(self, user_id: str, done: str) -> str:
        name = next((r.username for r in self.rows if r.id == user_id), "")
        return f"@{name} {done}" if name else "Done."
