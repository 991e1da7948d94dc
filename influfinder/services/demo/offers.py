"""The forty offers the demo businesses have now, planned, then written through the offer services.

`planned_offers(now)` is pure: the same `now` gives the same plans (titles, terms, states, dates).
`publish_offers` runs the business's own actions at the planned moments: create the draft, publish
it, and pause or archive it later.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from influfinder import clock
from influfinder.domain.enums import CompensationType, ContentFormat, Currency, OfferCategory, OfferStatus, Platform
from influfinder.services import offer_management
from influfinder.services.actors import Actor
from influfinder.services.demo.accounts import BUSINESSES, DemoAccount
from influfinder.services.demo.offer_texts import CITIES, COMPENSATION, COMPENSATION_ES, SPANISH_CITIES, TITLES, \
    TITLES_ES, description

SEED = 2026
OFFER_COUNT = 40
_STATUSES = [OfferStatus.ACTIVE] * 28 + [OfferStatus.DRAFT] * 5 + [OfferStatus.PAUSED] * 4 + [OfferStatus.ARCHIVED] * 3
# The newest two active offers were published hours ago, inside the day Pro creators see them first.
_EARLY_ACCESS_OFFERS = {26: 9, 27: 3}
_VISIT_CATEGORIES = (OfferCategory.FOOD, OfferCategory.TRAVEL, OfferCategory.FITNESS, OfferCategory.LIFESTYLE,
                     OfferCategory.ENTERTAINMENT, OfferCategory.BEAUTY)


@dataclass(frozen=True)
class PlannedOffer:
    """One offer as its business fills in the form (`form`), and where it stands now."""

    index: int
    business: DemoAccount
    form: dict[str, Any]
    status: OfferStatus
    created_at: datetime
    published_at: datetime | None
    changed_at: datetime | None  # when it was paused or archived

    @property
    def title(self) -> str:
        return self.form["title"]

    @property
    def is_public(self) -> bool:
        return self.form["is_public"]

    @property
    def requires_visit(self) -> bool:
        return self.form["requires_visit"]

    @property
    def category(self) -> OfferCategory:
        return OfferCategory(self.form["category"])


def planned_offers(now: datetime) -> list[PlannedOffer]:
    rng = random.Random(SEED)
    return [_plan(rng, i, now) for i in range(OFFER_COUNT)]


def _plan(rng: random.Random, i: int, now: datetime) -> PlannedOffer:
    business = BUSINESSES[i % len(BUSINESSES)]
    category = list(TITLES)[i % len(TITLES)]
    city = list(CITIES)[rng.randrange(len(CITIES))]
    spanish = city in SPANISH_CITIES
    title = (TITLES_ES if spanish else TITLES)[category][(i // len(TITLES)) % 4]
    currency = CITIES[city]
    budget_min = Decimal(rng.choice([50, 80, 100, 150, 200, 300]) * (20 if currency is Currency.MXN else 1))
    compensation = [CompensationType.PAID, CompensationType.PAID, CompensationType.PRODUCT,
                    CompensationType.EXPERIENCE][i % 4]
    platforms = [p.value for p in Platform if rng.random() < 0.6] or [Platform.INSTAGRAM.value]
    created = now - timedelta(days=40 - i, hours=rng.randrange(24))
    if i in _EARLY_ACCESS_OFFERS:  # published hours ago: only Pro creators and up see them yet
        created = now - timedelta(hours=_EARLY_ACCESS_OFFERS[i])
    status = _STATUSES[i]
    apply_by = now + timedelta(days=3 + rng.randrange(40))
    changed = None
    if status is OfferStatus.ARCHIVED:  # a campaign of two months ago, archived once its deadline passed
        created = now - timedelta(days=60 - (i - 37), hours=rng.randrange(24))
        apply_by = created + timedelta(days=10)
        changed = apply_by + timedelta(days=1)
    elif status is OfferStatus.PAUSED:
        changed = created + timedelta(days=1)
    requires_visit = category in _VISIT_CATEGORIES
    brand = business.name if business.user_type.value == "BUSINESS" else ["Mezcal Luna", "Pixel Labs", "Verde Skin"][i % 3]
    hashtag = "#" + "".join(w.capitalize() for w in brand.split())[:30].replace("é", "e")
    form = {
        "title": title, "brand_name": brand, "description": description(brand, city, title, requires_visit, spanish),
        "category": category.value, "platforms": platforms, "budget_min": budget_min, "budget_max": budget_min * 2,
        "currency": currency.value, "compensation_type": compensation.value,
        "compensation_value": None if compensation is CompensationType.PAID else budget_min,
        "compensation_details": (COMPENSATION_ES if spanish else COMPENSATION)[compensation],
        "is_public": i % 13 != 7,
        "requirements": {"influencer": {"min_followers": 10_000, "min_engagement": 2.0, "verified": i % 5 == 0},
                         "regular": {"min_followers": [500, 1_000, 2_000][i % 3], "min_engagement": 1.5}},
        "content_specs": {"formats": [ContentFormat.REEL.value, ContentFormat.POST.value][: 1 + i % 2],
                          "required_hashtags": [hashtag, "#ad"], "required_mentions": ["@" + business.username]},
        "application_deadline": apply_by, "content_deadline": apply_by + timedelta(days=14),
        "requires_visit": requires_visit, "city": city,
        "address": f"Calle Demo {10 + i}" if requires_visit else "",  # pages add the city
        "slots": 1 + i % 4, "min_tier": [0, 0, 0, 1, 2][i % 5],
    }
    published = created if status is not OfferStatus.DRAFT else None
    return PlannedOffer(i, business, form, status, created, published, changed)


def publish_offers(db: Session, actors: dict[str, Actor], plans: list[PlannedOffer]) -> list[uuid.UUID]:
    """Each plan as its business makes it; the new offers' ids, in the plans' order."""
    return [publish_offer(db, actors[plan.business.username], plan) for plan in plans]


def publish_offer(db: Session, business: Actor, plan: PlannedOffer) -> uuid.UUID:
    with clock.at(plan.created_at):
        offer_id = offer_management.create_draft(db, business, plan.form)
        if plan.published_at is not None:
            offer_management.publish(db, business, offer_id)
    if plan.status in (OfferStatus.PAUSED, OfferStatus.ARCHIVED):
        with clock.at(plan.changed_at):
            change = offer_management.pause if plan.status is OfferStatus.PAUSED else offer_management.archive
            change(db, business, offer_id)
    return offer_id
