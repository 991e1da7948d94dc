"""/my-offers: a business's own offers by status (?status=, ?page=), and the moves on each one."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.enums import OfferStatus
from influfinder.domain.offer_lifecycle import ARCHIVE, OFFER_LIFECYCLE, PAUSE, PUBLISH, RESUME
from influfinder.domain.transitions import OWNER
from influfinder.services import offer_management
from influfinder.services.offer_management import MyOfferRow
from influfinder.state.display import day
from influfinder.state.forms import FormState
from influfinder.state.list_pages import RowActionState, StatusTabsState, fetch_page
from influfinder.state.offer_cards import cover_url
from influfinder.state.service_handler import service_handler

PAGE_SIZE = 10
STATUSES = OfferStatus.values()
MOVES = {PUBLISH: offer_management.publish, PAUSE: offer_management.pause,
         RESUME: offer_management.resume, ARCHIVE: offer_management.archive}
DONE = {PUBLISH: "is live: creators can apply now.", PAUSE: "is paused: it takes no applications for now.",
        RESUME: "is live again.", ARCHIVE: "is archived."}


@dataclass
class OfferRow:
    id: str = ""
    title: str = ""
    status: str = ""
    category: str = ""
    cover: str = ""
    views: str = "0"
    slots: int = 1
    new: int = 0  # APPLIED: not opened yet
    in_review: int = 0
    accepted: int = 0
    declined: int = 0  # rejected or withdrawn
    applications: int = 0
    deadline: str = ""
    updated: str = ""
    can_edit: bool = False
    can_publish: bool = False
    can_pause: bool = False
    can_resume: bool = False
    can_archive: bool = False


def offer_row(row: MyOfferRow) -> OfferRow:
    counts = row.applications
    allowed = OFFER_LIFECYCLE.allowed(OfferStatus(row.status), OWNER)
    return OfferRow(
        id=row.id, title=row.title, status=row.status, category=row.category.title(),
        cover=cover_url(row.category, row.cover_image), views=f"{row.views:,}", slots=row.slots,
        new=counts["APPLIED"], in_review=counts["UNDER_REVIEW"], accepted=counts["ACCEPTED"],
        declined=counts["REJECTED"] + counts["WITHDRAWN"], applications=row.applications_total,
        deadline=day(row.application_deadline), updated=day(row.updated_at),
        can_edit="edit" in allowed, can_publish=PUBLISH in allowed, can_pause=PAUSE in allowed,
        can_resume=RESUME in allowed, can_archive=ARCHIVE in allowed,
    )


class MyOffersState(StatusTabsState, RowActionState, FormState, rx.State):
    rows: list[OfferRow] = []
    views: dict[str, int] = {}
    views_shown: str = "0"  # views of the offers in the chosen tab

    @rx.event
    @service_handler("listing my offers")
    async def load(self):
        self.loading = True
        self._reset_errors()
        self.notice = ""
        yield
        self._read_url(STATUSES)
        await self._fetch()

    async def _fetch(self) -> None:
        """Read the page in the URL; past the last page, the last page."""
        try:
            result = await fetch_page(self, offer_management.my_offers, self.status, page=self.page,
                                      page_size=PAGE_SIZE)
        finally:
            self.loading = False
        self.rows = [offer_row(r) for r in result.page.items]
        self._show_tabs(result)
        self.views = result.views
        self.views_shown = f"{result.views[self.status] if self.status else sum(result.views.values()):,}"

    @rx.event
    @service_handler("changing an offer")
    async def act(self, offer_id: str, action: str):
        """Publish, pause, resume or archive one offer, then show the page again."""
        if action not in MOVES or not isinstance(offer_id, str):
            return
        title = next((r.title for r in self.rows if r.id == offer_id), "The offer")
        async for update in self._act_on_row(offer_id, MOVES[action], f"“{title}” {DONE[action]}"):
            yield update
        await self._fetch()
