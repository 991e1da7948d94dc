"""What the list pages' states share: one page of rows from the URL, tabs by status, a button on a row.

A state holds one page (DESIGN rule 8); the totals and the counts per status come from the service,
counted in SQL. The page and the status are read from the URL (?status=X&page=N), so a list can be
reloaded, shared and paged with plain links.
"""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx

from influfinder.services.errors import ServiceError
from influfinder.services.pagination import Page
from influfinder.state.display import query_choice, query_page
from influfinder.state.forms import run_service


async def fetch_page(service: Callable[..., Any], *args: Any, page: int, page_size: int) -> Any:
    """`service(db, *args, page, page_size)`, whose answer is a Page or holds one in `.page`.

    Past the last page (rows went away since the link was made) it answers with the last page.
    """
    result = await run_service(service, *args, page, page_size)
    shown = result if isinstance(result, Page) else result.page
    if not shown.items and shown.page > shown.pages:
        result = await run_service(service, *args, shown.pages, page_size)
    return result


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

    async def _act_on_row(self, actor: Any, row_id: str, move: Callable[..., Any], notice: str, where: str):
        """Run `move(actor, row_id)`; yields once so the page shows the spinner while it runs.

        The state is also a FormState (errors). The caller shows the page again afterwards, whoever
        changed what in the meantime.
        """
        self._reset_errors()
        self.notice, self.acting_on = "", row_id
        yield
        try:
            await run_service(move, actor, row_id)
            self.notice = notice
        except ServiceError as error:
            self.error = error.message
        except Exception:  # noqa: BLE001 - logged by _failed, shown to people as words
            self._failed(where)
        self.acting_on = ""
