"""Offers as the pages show them: dataclass rows of public fields, and the words for their values.

Plain Python shared by the Browse state and the offer page state; no state lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from influfinder.domain.enums import CompensationType, ContentFormat, OfferCategory, Platform, Tier
from influfinder.domain.moments import as_utc
from influfinder.domain.tier_benefits import EARLY_ACCESS
from influfinder.domain.venues import zone_or_default
from influfinder.i18n import _, formats
from influfinder.i18n.labels import label
from influfinder.services import offers as offer_service
from influfinder.services.offer_covers import cover_path
from influfinder.state.auth import backend_url

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
    compensation_type: str = ""  # PAID, PRODUCT or EXPERIENCE: what badges match on
    compensation: str = ""  # its label
    deadline: str = ""
    requires_visit: bool = False
    min_tier: int = 0
    min_tier_label: str = ""
    early_access: bool = False  # published less than a day ago: seen by Pro creators and up only


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


def money(amount, currency: str) -> str:
    """A whole amount in the page's language: 1.200 € / €1,200."""
    return formats.money(amount, currency, whole=True)


def platform_label(value: str) -> str:
    return label(value, Platform)


def _budget(summary: offer_service.OfferSummary) -> str:
    budget = money(summary.budget_min, summary.currency)
    if summary.budget_max is not None and summary.budget_max != summary.budget_min:
        budget = f"{budget} – {money(summary.budget_max, summary.currency)}" if budget else \
            _("Up to {amount}").format(amount=money(summary.budget_max, summary.currency))
    return budget


def day(moment: datetime | None, *, year: bool = False) -> str:
    return formats.short_day(moment, year=year)


def venue_moment(moment: datetime | None, city: str) -> str:
    """A deadline on the venue's clock, its zone named (Madrid's for a city we do not know), the
    same for every viewer: "Thu 10 Dec 2026, 23:59 (Spain (Madrid) Time)"."""
    if moment is None:
        return ""
    zone = zone_or_default(city)
    return _("{when} ({zone})").format(when=formats.when(moment, zone=zone), zone=formats.zone_label(zone))


def cover_url(category: str, cover_image: str | None = None) -> str:
    """The offer's uploaded cover, else its category's illustration (a static asset of the frontend)."""
    key = category.lower()
    return uploaded_cover_url(cover_image) or f"/covers/{key if key in _KNOWN_CATEGORIES else 'other'}.svg"


def uploaded_cover_url(cover_image: str | None) -> str:
    """Where the backend's public media route serves the uploaded cover; "" when there is none."""
    path = cover_path(cover_image)
    return backend_url(path) if path else ""


def _in_early_access(published_at: datetime | None) -> bool:
    return published_at is not None and as_utc(published_at) > datetime.now(timezone.utc) - EARLY_ACCESS


def _card_fields(summary: offer_service.OfferSummary) -> dict:
    return dict(
        id=summary.id,
        title=summary.title,
        brand=summary.brand,
        description=summary.description,
        category=label(summary.category, OfferCategory),
        cover=cover_url(summary.category, summary.cover_image),
        platforms=[platform_label(p) for p in summary.platforms],
        city=summary.city,
        budget=_budget(summary),
        currency=summary.currency,
        compensation_type=summary.compensation_type,
        compensation=label(summary.compensation_type, CompensationType),
        deadline=day(summary.application_deadline),
        requires_visit=summary.requires_visit,
        min_tier=summary.min_tier,
        min_tier_label=label(Tier(summary.min_tier)),
        early_access=_in_early_access(summary.published_at),
    )


def offer_card(summary: offer_service.OfferSummary) -> OfferCard:
    return OfferCard(**_card_fields(summary))


def offer_detail(detail: offer_service.OfferDetail) -> OfferDetailView:
    s, req, specs = detail.summary, detail.requirements, detail.content_specs
    return OfferDetailView(
        **_card_fields(s),
        compensation_details=detail.compensation_details,
        compensation_value=money(s.compensation_value, s.currency),
        application_deadline=venue_moment(s.application_deadline, s.city),
        content_deadline=venue_moment(detail.content_deadline, s.city),
        address=detail.address,
        slots=s.slots,
        influencer_followers=formats.number(req.influencer.min_followers),
        influencer_engagement=f"{req.influencer.min_engagement:g}%",
        influencer_verified=req.influencer.verified,
        regular_followers=formats.number(req.regular.min_followers),
        regular_engagement=f"{req.regular.min_engagement:g}%",
        formats=[label(f, ContentFormat) for f in specs.formats],
        hashtags=list(specs.required_hashtags),
        mentions=list(specs.required_mentions),
    )
