"""/my-offers/[offer_id]/applications: one offer's applications with each creator's summary."""

from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx

from influfinder.domain.enums import ApplicationStatus
from influfinder.services import applications
from influfinder.services.applications import ApplicantRow, CreatorSummary
from influfinder.services.errors import ServiceError
from influfinder.state.display import day, money, number, path_part, percent, query, query_choice, query_page
from influfinder.state.forms import FormState
from influfinder.state.service_handler import call_service, service_handler

PAGE_SIZE = 10
STATUSES = ApplicationStatus.values()


@dataclass
class CreatorView:
    """A creator's summary as words and numbers: on the applicants list and on one application."""

    name: str = ""
    username: str = ""
    initials: str = ""
    tier_level: int = 0
    featured: bool = False  # a LEGEND creator: listed first
    karma: int = 0
    rating: str = ""
    completed: int = 0
    followers: str = ""
    engagement: str = ""
    fit_score: int = 0
    audience_source: str = ""  # "Verified via Instagram, updated 2 days ago" or "Self-reported"
    audience_verified: bool = False
    badges: list[str] = field(default_factory=list)  # reputation: "Top rated", "Reliable", ...


@dataclass
class ApplicantCard(CreatorView):
    id: str = ""
    status: str = ""
    message: str = ""
    fee: str = ""
    applied: str = ""
    fit_met: int = 0
    fit_total: int = 0
    creator_id: str = ""  # for the Message button


def summary_fields(creator: CreatorSummary) -> dict:
    """A creator's summary as words and numbers, shared by the list and the single application."""
    return dict(
        name=creator.display_name, username=creator.username, initials=creator.display_name[:2].upper(),
        tier_level=creator.tier_level, featured=creator.featured, karma=creator.karma,
        rating=f"{creator.rating:.1f} ({creator.rating_count})" if creator.rating is not None else "",
        completed=creator.completed_collaborations, followers=number(creator.followers),
        engagement=percent(creator.engagement), fit_score=creator.fit_score,
        audience_source=creator.audience_source, audience_verified=creator.audience_verified,
        badges=list(creator.badges),
    )


def applicant_card(row: ApplicantRow) -> ApplicantCard:
    return ApplicantCard(
        id=row.id, status=row.status, message=row.message, fee=money(row.proposed_fee, row.currency),
        applied=day(row.created_at), fit_met=sum(c.met for c in row.creator.fit), fit_total=len(row.creator.fit),
        creator_id=row.creator_id,
        **summary_fields(row.creator),
    )


class OfferApplicationsState(FormState, rx.State):
    loading: bool = True
    found: bool = True
    offer_ref: str = ""
    offer_title: str = ""
    offer_status: str = ""
    slots: int = 1
    slots_taken: int = 0
    counts: dict[str, int] = {}
    status: str = ""
    verified_only: bool = False  # ?verified=1: creators with figures from a connected account only
    rows: list[ApplicantCard] = []
    total: int = 0
    everything: int = 0
    page: int = 1
    pages: int = 1

    @rx.event
    @service_handler("listing an offer's applications")
    async def load(self):
        self.loading, self.found = True, True
        self._reset_errors()
        yield
        self.offer_ref = path_part(self, 2)
        self.status, self.page = query_choice(self, "status", STATUSES), query_page(self)
        self.verified_only = query(self, "verified") == "1"
        try:
            await self._fetch()
        except ServiceError:
            self.found = False
            raise
        finally:
            self.loading = False

    async def _fetch(self) -> None:
        offer, result = await call_service(self, applications.applicants_page, self.offer_ref, self.status,
                                           self.page, PAGE_SIZE, self.verified_only)
        self.offer_title, self.offer_status = offer.values["title"], offer.status
        self.slots, self.slots_taken = offer.values["slots"], offer.slots_taken
        self.counts, self.everything = offer.applications, sum(offer.applications.values())
        self.rows = [applicant_card(r) for r in result.items]
        self.total, self.page, self.pages = result.total, result.page, result.pages

    @rx.event
    def show_verified_only(self, value: bool):
        """The "Verified figures only" switch: the filter lives in the URL, like the status tabs."""
        if not isinstance(value, bool):
            return
        params = [f"status={self.status}"] if self.status else []
        params += ["verified=1"] if value else []
        return rx.redirect(f"/my-offers/{self.offer_ref}/applications" + ("?" + "&".join(params) if params else ""))
