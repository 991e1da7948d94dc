"""Public offer browsing: one page of offer cards at a time."""

from dataclasses import dataclass

import reflex as rx

from influfinder.database import session_scope
from influfinder.services import offers as offer_service
from influfinder.services.pagination import InvalidPage

PAGE_SIZE = 20


@dataclass
class OfferCard:
    id: str
    title: str
    brand: str
    description: str
    category: str
    platforms: list[str]
    city: str
    budget: str
    compensation: str
    deadline: str
    requires_visit: bool


def _money(amount, currency: str) -> str:
    if amount is None:
        return ""
    symbol = {"EUR": "€", "USD": "$", "MXN": "MX$"}.get(currency, currency + " ")
    return f"{symbol}{amount:,.0f}"


def _card(summary: offer_service.OfferSummary) -> OfferCard:
    budget = _money(summary.budget_min, summary.currency)
    if summary.budget_max is not None and summary.budget_max != summary.budget_min:
        budget += f"–{_money(summary.budget_max, summary.currency)}"
    return OfferCard(
        id=summary.id,
        title=summary.title,
        brand=summary.brand,
        description=summary.description,
        category=summary.category.title(),
        platforms=[p.title() for p in summary.platforms],
        city=summary.city,
        budget=budget,
        compensation=summary.compensation_type.title(),
        deadline=summary.application_deadline.strftime("%b %d") if summary.application_deadline else "",
        requires_visit=summary.requires_visit,
    )


class OfferListState(rx.State):
    offers: list[OfferCard] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    loading: bool = True

    @rx.event
    def load(self):
        """Load the page named in the URL (?page=N); a bad number falls back to page 1."""
        raw = self.router.url.query_parameters.get("page", "1")
        requested = int(raw) if raw.isdigit() else 1
        self.loading = True
        try:
            with session_scope() as db:
                result = offer_service.list_public_offers(db, page=requested, page_size=PAGE_SIZE)
        except InvalidPage:
            with session_scope() as db:
                result = offer_service.list_public_offers(db, page=1, page_size=PAGE_SIZE)
        self.offers = [_card(s) for s in result.items]
        self.total, self.page, self.pages = result.total, result.page, result.pages
        self.loading = False
