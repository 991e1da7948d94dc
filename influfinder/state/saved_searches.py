"""Saving the search on screen (the bell on Browse and Find creators) and /saved-searches."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.services import saved_searches
from influfinder.state.display import day
from influfinder.state.forms import FormState
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service
from influfinder.i18n.routes import page_href

SAVED = N_("Search saved. We will tell you when new results match, once a day at most.")
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
    @service_handler("saving a search")
    async def save(self, kind: str):
        """Save the search the page's URL describes (the service validates it as that page's search)."""
        self._reset_errors()
        self.notice = ""
        if kind not in KINDS:
            return
        params = {k: v for k, v in dict(self.router.url.query_parameters).items() if isinstance(v, str)}
        if await try_service(self, saved_searches.save, kind, params) is not REFUSED:
            self.notice = translated(SAVED)

    @rx.event
    @service_handler("listing saved searches")
    async def load(self):
        self.loading, self.notice = True, ""
        self._reset_errors()
        yield
        try:
            await self._fetch()
        finally:
            self.loading = False

    async def _fetch(self) -> None:
        rows = await call_service(self, saved_searches.mine)
        self.rows = [SavedSearchView(r.id, r.kind, r.name, page_href(r.href), day(r.created_at)) for r in rows]

    @rx.event
    @service_handler("deleting a saved search")
    async def delete(self, saved_id: str):
        if not isinstance(saved_id, str) or saved_id not in {r.id for r in self.rows}:
            return
        await try_service(self, saved_searches.delete, saved_id)
        await self._fetch()
