"""/my-offers: a business's own offers by status (?status=, ?page=), and the moves on each one."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.enums import OfferStatus
from influfinder.domain.offer_lifecycle import ARCHIVE, OFFER_LIFECYCLE, PAUSE, PUBLISH, RESUME
from influfinder.domain.transitions import OWNER
from influfinder.services import offer_management
from influfinder.services.errors import ServiceError
from influfinder.services.offer_management import MyOfferRow
from influfinder.state.auth import current_actor, to_login
from influfinder.state.display import day, query_choice, query_page
from influfinder.state.forms import FormState, run_service

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
        cover=f"/covers/{row.category.lower()}.svg", views=f"{row.views:,}", slots=row.slots,
        new=counts["APPLIED"], in_review=counts["UNDER_REVIEW"], accepted=counts["ACCEPTED"],
        declined=counts["REJECTED"] + counts["WITHDRAWN"], applications=row.applications_total,
        deadline=day(row.application_deadline), updated=day(row.updated_at),
        can_edit="edit" in allowed, can_publish=PUBLISH in allowed, can_pause=PAUSE in allowed,
        can_resume=RESUME in allowed, can_archive=ARCHIVE in allowed,
    )


class MyOffersState(FormState, rx.State):
    status: str = ""  # "" is every status
    rows: list[OfferRow] = []
    counts: dict[str, int] = {}
    views: dict[str, int] = {}
    views_shown: str = "0"  # views of the offers in the chosen tab
    total: int = 0
    everything: int = 0
    page: int = 1
    pages: int = 1
    loading: bool = True
    acting_on: str = ""  # the offer whose button is working
    notice: str = ""

    @rx.event
    async def load(self):
        self.loading = True
        self._reset_errors()
        self.notice = ""
        yield
        self.status, self.page = query_choice(self, "status", STATUSES), query_page(self)
        yield await self._fetch()

    async def _fetch(self):
        """Read the page in the URL; past the last page, the last page."""
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        try:
            result = await run_service(offer_management.my_offers, actor, self.status, self.page, PAGE_SIZE)
            if not result.page.items and result.page.page > result.page.pages:
                result = await run_service(offer_management.my_offers, actor, self.status, result.page.pages,
                                           PAGE_SIZE)
        except ServiceError as error:
            self._refused(error)
            self.loading = False
            return None
        except Exception:  # noqa: BLE001
            self._failed("listing my offers")
            self.loading = False
            return None
        self.rows = [offer_row(r) for r in result.page.items]
        self.counts, self.views = result.counts, result.views
        self.views_shown = f"{result.views[self.status] if self.status else sum(result.views.values()):,}"
        self.total, self.everything = result.page.total, sum(result.counts.values())
        self.page, self.pages = result.page.page, result.page.pages
        self.loading = False
        return None

    @rx.event
    async def act(self, offer_id: str, action: str):
        """Publish, pause, resume or archive one offer, then show the page again."""
        actor = current_actor(self)
        if actor is None:
            yield to_login(self)
            return
        if action not in MOVES or not isinstance(offer_id, str):
            return
        self._reset_errors()
        self.notice, self.acting_on = "", offer_id
        yield
        title = next((r.title for r in self.rows if r.id == offer_id), "The offer")
        try:
            await run_service(MOVES[action], actor, offer_id)
            self.notice = f"“{title}” {DONE[action]}"
        except ServiceError as error:
            self.error = error.message
        except Exception:  # noqa: BLE001
            self._failed(f"{action} an offer")
        self.acting_on = ""
        yield await self._fetch()
