"""/admin/offers: every offer by status (?status=, ?q=, ?page=), and pausing or archiving one."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.enums import OfferStatus
from influfinder.services import admin_offers
from influfinder.state.admin_page import PAGE_SIZE, AdminPageState, page_base, query_text, search_text, url
from influfinder.state.display import day, label, query_choice
from influfinder.state.list_pages import fetch_page
from influfinder.state.service_handler import service_handler

ROUTE = "/admin/offers"


@dataclass
class OfferLine:
    id: str = ""
    title: str = ""
    business: str = ""
    business_username: str = ""
    status: str = ""
    category: str = ""
    city: str = ""
    views: int = 0
    applications: int = 0
    created: str = ""
    updated: str = ""
    can_pause: bool = False
    can_archive: bool = False


@dataclass
class Tab:
    label: str = ""
    count: int = 0
    href: str = ""
    active: bool = False


def _offer_line(row: admin_offers.OfferRow) -> OfferLine:
    return OfferLine(
        id=row.id, title=row.title, business=row.business, business_username=row.business_username,
        status=row.status, category=label(row.category), city=row.city, views=row.views,
        applications=row.applications, created=day(row.created_at), updated=day(row.updated_at),
        can_pause=row.status == OfferStatus.ACTIVE.value, can_archive=row.status != OfferStatus.ARCHIVED.value,
    )


def _tabs(search: str, status: str, counts: dict[str, int]) -> list[Tab]:
    tabs = [Tab("All", sum(counts.values()), url(ROUTE, q=search), status == "")]
    for value in OfferStatus.values():
        tabs.append(Tab(label(value), counts[value], url(ROUTE, q=search, status=value), status == value))
    return tabs


class AdminOffersState(AdminPageState):
    search: str = ""
    status: str = ""
    rows: list[OfferLine] = []
    tabs: list[Tab] = []
    page_base: str = ROUTE + "?"

    @rx.event
    @service_handler("listing offers")
    async def load(self):
        async for update in self._load():
            yield update

    def _read_query(self) -> None:
        self.search = query_text(self)
        self.status = query_choice(self, "status", OfferStatus.values())
        self.page_base = page_base(ROUTE, q=self.search, status=self.status)

    async def _fetch(self) -> None:
        result = await fetch_page(self, admin_offers.list_offers, self.search, self.status, page=self.page,
                                  page_size=PAGE_SIZE)
        self.rows = [_offer_line(r) for r in result.page.items]
        self.tabs = _tabs(self.search, self.status, result.counts)
        self._take(result.page)

    @rx.event
    @service_handler("searching offers")
    def find(self, form: dict):
        text = search_text(self, form)
        return None if text is None else rx.redirect(url(ROUTE, q=text, status=self.status))

    @rx.event
    @service_handler("pausing an offer")
    async def pause(self, offer_id: str):
        async for update in self._act(offer_id, admin_offers.pause_offer, "is paused: its business can resume it."):
            yield update

    @rx.event
    @service_handler("archiving an offer")
    async def archive(self, offer_id: str):
        async for update in self._act(offer_id, admin_offers.archive_offer, "is archived."):
            yield update

    def _notice(self, offer_id: str, done: str) -> str:
        title = next((r.title for r in self.rows if r.id == offer_id), "The offer")
        return f"“{title}” {done}"
