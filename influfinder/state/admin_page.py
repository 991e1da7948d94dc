"""What every admin page's state shares: the admin check, the page and search in the URL, row buttons.

Every admin state subclasses AdminState (through AdminPageState), so state/guards.py drops their
events for anyone who is not an admin before they run. Each handler still resolves the actor from
the session and lets the service refuse a non-admin (services/admin_access.py): the guard is one
wall, not the only one. The rows hold one page; user rows carry email addresses, which only admins
ever get filled in.
"""

from __future__ import annotations

import urllib.parse
from typing import Any, Callable

import reflex as rx

from influfinder.i18n.routes import page_href
from influfinder.services.actors import Actor
from influfinder.services.admin_access import MAX_SEARCH
from influfinder.services.errors import ServiceError
from influfinder.state.admin import AdminState
from influfinder.state.auth import current_actor, to_login
from influfinder.state.display import query, query_page
from influfinder.state.forms import FormState, form_text
from influfinder.state.list_pages import ListPageState, RowActionState

PAGE_SIZE = 20


def admin_actor(state: rx.State) -> tuple[Actor | None, Any]:
    """The signed-in admin, or the way out: log in, or the "not for this account" page."""
    actor = current_actor(state)
    if actor is None:
        return None, to_login(state)
    if not actor.is_admin:
        return None, rx.redirect(page_href("/forbidden"))
    return actor, None


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


def search_text(state: "AdminPageState", form: Any) -> tuple[str | None, Any]:
    """The search box of a submitted form, or None and what to do instead."""
    actor, leave = admin_actor(state)
    if actor is None:
        return None, leave
    text = form_text(form, "q", MAX_SEARCH)
    if text is None:
        state.error = f"Search with up to {MAX_SEARCH} characters."
    return (text.strip() if text is not None else None), None


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
        self.loading = False

    def _stop(self, error: Exception | None, where: str) -> None:
        if isinstance(error, ServiceError):
            self._refused(error)
        else:
            self._failed(where)
        self.loading = False

    # Each page fills in _read_query and _fetch, and _notice when its rows have buttons (see _act).

    def _read_query(self) -> None:
        """What the page takes from its URL besides ?page= (the search, the status tab)."""

    async def _fetch(self, actor: Actor) -> None:
        """Read what the page shows, again."""
        raise NotImplementedError

    def _notice(self, row_id: str, done: str) -> str:
        """What to say once `done` happened to the row (its name is only on the page before the move)."""
        raise NotImplementedError

    async def _load(self):
        """The page's on_load: the admin check, the URL, then what the page shows."""
        actor, leave = admin_actor(self)
        if actor is None:
            yield leave
            return
        self._start()
        self._read_query()
        yield
        await self._fetch(actor)

    async def _act(self, row_id: Any, move: Callable[..., Any], done: str, where: str):
        """A row's button: `move(actor, row_id)` for one row of the page, then the page again."""
        actor, leave = admin_actor(self)
        if actor is None:
            yield leave
            return
        if not isinstance(row_id, str) or len(row_id) > 64:
            return
        async for update in self._act_on_row(actor, row_id, move, self._notice(row_id, done), where):
            yield update
        await self._fetch(actor)
