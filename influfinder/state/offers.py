"""Public offer browsing: one page of offer cards at a time, and one offer's public detail."""

from dataclasses import dataclass, field
from datetime import datetime

import reflex as rx

from influfinder.database import session_scope
from influfinder.domain.enums import Tier
from influfinder.services import offers as offer_service
from influfinder.services.pagination import InvalidPage

PAGE_SIZE = 20
_SYMBOLS = {"EUR": "€", "USD": "$", "MXN": "MX$"}
_KNOWN_CATEGORIES = {"food", "fashion", "beauty", "travel", "tech", "fitness", "lifestyle", "home", "entertainment"}


@dataclass
class OfferCard:
    id: str = ""
    title: str = ""
    brand: str = ""
    description: str = ""
    category: str = ""
    cover: str = ""
    platforms: list[str] = field(default_factory=list)
    city: str = ""
    budget: str = ""
    currency: str = ""
    compensation: str = ""
    deadline: str = ""
    requires_visit: bool = False
    min_tier: int = 0
    min_tier_label: str = ""


@dataclass
class OfferDetailView(OfferCard):
    compensation_details: str = ""
    compensation_value: str = ""
    application_deadline: str = ""
    content_deadline: str = ""
    address: str = ""
    slots: int = 1
    influencer_followers: str = ""
    influencer_engagement: str = ""
    influencer_verified: bool = False
    regular_followers: str = ""
    regular_engagement: str = ""
    formats: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)


def _money(amount, currency: str) -> str:
    if amount is None:
        return ""
    return f"{_SYMBOLS.get(currency, currency + ' ')}{amount:,.0f}"


def _budget(summary: offer_service.OfferSummary) -> str:
    budget = _money(summary.budget_min, summary.currency)
    if summary.budget_max is not None and summary.budget_max != summary.budget_min:
        budget = f"{budget} – {_money(summary.budget_max, summary.currency)}" if budget else \
            f"Up to {_money(summary.budget_max, summary.currency)}"
    return budget


def _day(moment: datetime | None, *, year: bool = False) -> str:
    if moment is None:
        return ""
    return f"{moment:%b} {moment.day}, {moment.year}" if year else f"{moment:%b} {moment.day}"


def _cover(category: str) -> str:
    key = category.lower()
    return f"/covers/{key if key in _KNOWN_CATEGORIES else 'other'}.svg"


def _card_fields(summary: offer_service.OfferSummary) -> dict:
    return dict(
        id=summary.id,
        title=summary.title,
        brand=summary.brand,
        description=summary.description,
        category=summary.category.title(),
        cover=_cover(summary.category),
        platforms=[p.title().replace("Tiktok", "TikTok") for p in summary.platforms],
        city=summary.city,
        budget=_budget(summary),
        currency=summary.currency,
        compensation=summary.compensation_type.title(),
        deadline=_day(summary.application_deadline),
        requires_visit=summary.requires_visit,
        min_tier=summary.min_tier,
        min_tier_label=Tier(summary.min_tier).label,
    )


def _card(summary: offer_service.OfferSummary) -> OfferCard:
    return OfferCard(**_card_fields(summary))


def _detail(detail: offer_service.OfferDetail) -> OfferDetailView:
    s, req, specs = detail.summary, detail.requirements, detail.content_specs
    return OfferDetailView(
        **_card_fields(s),
        compensation_details=detail.compensation_details,
        compensation_value=_money(s.compensation_value, s.currency),
        application_deadline=_day(s.application_deadline, year=True),
        content_deadline=_day(detail.content_deadline, year=True),
        address=detail.address,
        slots=s.slots,
        influencer_followers=f"{req.influencer.min_followers:,}",
        influencer_engagement=f"{req.influencer.min_engagement:g}%",
        influencer_verified=req.influencer.verified,
        regular_followers=f"{req.regular.min_followers:,}",
        regular_engagement=f"{req.regular.min_engagement:g}%",
        formats=[f.value.title() for f in specs.formats],
        hashtags=list(specs.required_hashtags),
        mentions=list(specs.required_mentions),
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
        try:
            with session_scope() as db:
                result = offer_service.list_public_offers(db, page=requested, page_size=PAGE_SIZE)
        except InvalidPage:
            with session_scope() as db:
                result = offer_service.list_public_offers(db, page=1, page_size=PAGE_SIZE)
        self.offers = [_card(s) for s in result.items]
        self.total, self.page, self.pages = result.total, result.page, result.pages
        self.loading = False

    @rx.var
    def first_shown(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @rx.var
    def last_shown(self) -> int:
        return min(self.page * PAGE_SIZE, self.total)


class OfferDetailState(rx.State):
    offer: OfferDetailView = OfferDetailView()
    found: bool = False
    loading: bool = True

    @rx.event
    def load(self):
        """Read the offer named in the URL; anything but an active public offer shows "not found"."""
        self.loading = True
        yield  # never show the previous offer while this one is read
        offer_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        with session_scope() as db:
            detail = offer_service.get_public_offer_detail(db, offer_id)
        self.found = detail is not None
        self.offer = _detail(detail) if detail else OfferDetailView()
        self.loading = False
