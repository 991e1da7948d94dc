"""What the list pages' states share: one page of rows from the URL, tabs by status, a button on a row.

A state holds one page (DESIGN rule 8); the totals and the counts per status come from the service,
counted in SQL. The page and the status are read from the URL (?status=X&page=N), so a list can be
reloaded, shared and paged with plain links.
"""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx

from influfinder.services.pagination import Page, page_or_last
from influfinder.state.display import query_choice, query_page
from influfinder.state.service_handler import REFUSED, call_service, try_service


async def fetch_page(state: rx.State, service: Callable[..., Any], *args: Any, page: int, page_size: int) -> Any:
    """`service(db, actor, *args, page, page_size)` for the state's user; past the last page, the last page."""
    return await call_service(state, page_or_last, service, *args, page=page, page_size=page_size)


class ListPageState(rx.State, mixin=True):
    """One page of a list: which page it is, how many pages and rows there are, and whether it is loading."""

    total: int = 0
    page: int = 1
    pages: int = 1
    loading: bool = True

    def _show_page(self, shown: Page) -> None:
        self.total, self.page, self.pages = shown.total, shown.page, shown.pages


class StatusTabsState(ListPageState, mixin=True):
    """A list with a tab per status: the chosen status ("" is every one) and the count behind each tab."""

    status: str = ""
    counts: dict[str, int] = {}
    everything: int = 0

    def _read_url(self, statuses: list[str]) -> None:
        """?status= (one of `statuses`, else every status) and ?page=."""
        self.status, self.page = query_choice(self, "status", statuses), query_page(self)

    def _show_tabs(self, result: Any) -> None:
        """A service's answer with `.page` (the rows shown) and `.counts` (status value -> rows)."""
        self._show_page(result.page)
        self.counts, self.everything = result.counts, sum(result.counts.values())


class RowActionState(rx.State, mixin=True):
    """A button on each row that changes that row: its spinner, then a notice or why it was refused."""

    notice: str = ""
    acting_on: str = ""  # the row whose button is working

    async def _act_on_row(self, row_id: str, move: Callable[..., Any], notice: str):
        """Run `move(db, actor, row_id)`; yields once so the page shows the spinner while it runs.

        The state is also a FormState (errors). A refusal is shown and the caller shows the page
        again afterwards, whoever changed what in the meantime.
        """
        self._reset_errors()
        self.notice, self.acting_on = "", row_id
        yield
        try:
            if await try_service(self, move, row_id) is not REFUSED:
                self.notice = notice
        finally:
            self.acting_on = ""
