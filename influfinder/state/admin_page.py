"""What every admin page's state shares: the admin check, the page and search in the URL, row buttons.

Every admin state subclasses AdminState (through AdminPageState), so state/guards.py drops their
events for anyone who is not an admin before they run. Each handler still calls the services as
the session's user, and the services refuse a non-admin (services/admin_access.py), which sends
the page to "not for this account": the guard is one wall, not the only one. The rows hold one
page; user rows carry email addresses, which only admins ever get filled in.
"""

from __future__ import annotations

import urllib.parse
from typing import Any, Callable

import reflex as rx

from influfinder.services.admin_access import MAX_SEARCH
from influfinder.state.admin import AdminState
from influfinder.state.display import query, query_page
from influfinder.state.forms import FormState, form_text
from influfinder.state.list_pages import ListPageState, RowActionState

PAGE_SIZE = 20


def query_text(state: rx.State) -> str:
    """?q=, the search of the page in the URL."""
    return query(state, "q").strip()[:MAX_SEARCH]


def url(path: str, **params: Any) -> str:
    """path?a=1&b=2 with the empty parameters left out."""
    kept = {k: v for k, v in params.items() if v not in ("", None)}
    return path + ("?" + urllib.parse.urlencode(kept) if kept else "")


def page_base(path: str, **params: Any) -> str:
    """What the pager appends "page=N" to: ends with "?" or "&"."""
    link = url(path, **params)
    return link + ("&" if "?" in link else "?")


def search_text(state: "AdminPageState", form: Any) -> str | None:
    """The search box of a submitted form, or None (and the reason shown) when it is not one."""
    text = form_text(form, "q", MAX_SEARCH)
    if text is None:
        state.error = f"Search with up to {MAX_SEARCH} characters."
    return text.strip() if text is not None else None


def counted(count: int, one: str, many: str) -> str:
    """1 account, 12 accounts."""
    return f"{count} {one if count == 1 else many}"


class AdminPageState(ListPageState, RowActionState, FormState, AdminState):
    """What every admin page has: loading and busy flags, a notice after an action, the page in the URL."""

    def _start(self) -> None:
        self._reset_errors()
        self.notice = ""
        self.loading = True
        self.page = query_page(self)

    def _take(self, result) -> None:
        self._show_page(result)

    # Each page fills in _read_query and _fetch, and _notice when its rows have buttons (see _act).

    def _read_query(self) -> None:
        """What the page takes from its URL besides ?page= (the search, the status tab)."""

    async def _fetch(self) -> None:
        """Read what the page shows, again (through the door, as the page's user)."""
        raise NotImplementedError

    def _notice(self, row_id: str, done: str) -> str:
        """What to say once `done` happened to the row (its name is only on the page before the move)."""
        raise NotImplementedError

    async def _load(self):
        """The page's on_load (under service_handler): the URL, then what the page shows."""
        self._start()
        self._read_query()
        yield
        try:
            await self._fetch()
        finally:
            self.loading = False

    async def _act(self, row_id: Any, move: Callable[..., Any], done: str):
        """A row's button: `move(db, actor, row_id)` for one row of the page, then the page again."""
        if not isinstance(row_id, str) or len(row_id) > 64:
            return
        async for update in self._act_on_row(row_id, move, self._notice(row_id, done)):
            yield update
        await self._fetch()
