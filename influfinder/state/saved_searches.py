"""Saving the search on screen (the bell on Browse and Find creators) and /saved-searches."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.services import saved_searches, unit_of_work
from influfinder.services.errors import ServiceError
from influfinder.state.auth import credentials
from influfinder.state.display import day
from influfinder.state.forms import FormState

SAVED = "Search saved. We will tell you when new results match, once a day at most."
KINDS = ("OFFERS", "CREATORS")


@dataclass
class SavedSearchView:
    id: str = ""
    kind: str = ""
    name: str = ""
    href: str = ""
    saved: str = ""


class SavedSearchState(FormState, rx.State):
    notice: str = ""
    rows: list[SavedSearchView] = []
    loading: bool = True

    @rx.event
    async def save(self, kind: str):
        """Save the search the page's URL describes (the service validates it as that page's search)."""
        self._reset_errors()
        self.notice = ""
        if kind not in KINDS:
            return
        params = {k: v for k, v in dict(self.router.url.query_parameters).items() if isinstance(v, str)}
        try:
            await unit_of_work.acall(credentials(self), saved_searches.save, kind, params)
            self.notice = SAVED
        except ServiceError as error:
            self.error = error.message
        except Exception:  # noqa: BLE001
            self._failed("saving a search")

    @rx.event
    async def load(self):
        self.loading, self.notice = True, ""
        self._reset_errors()
        yield
        await self._fetch()
        self.loading = False

    async def _fetch(self) -> None:
        try:
            rows = await unit_of_work.acall(credentials(self), saved_searches.mine)
        except ServiceError as error:
            self.error, rows = error.message, []
        except Exception:  # noqa: BLE001
            self._failed("listing saved searches")
            rows = []
        self.rows = [SavedSearchView(r.id, r.kind, r.name, r.href, day(r.created_at)) for r in rows]

    @rx.event
    async def delete(self, saved_id: str):
        if not isinstance(saved_id, str) or saved_id not in {r.id for r in self.rows}:
            return
        try:
            await unit_of_work.acall(credentials(self), saved_searches.delete, saved_id)
        except ServiceError as error:
            self.error = error.message
        await self._fetch()
