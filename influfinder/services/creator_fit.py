"""How a creator fits an offer, read from the database for the pure rules of domain.eligibility."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, select

from influfinder.domain.eligibility import (
    Account, CreatorNumbers, Eligibility, OfferConditions, audience_accounts, evaluate,
)
from influfinder.domain.enums import Platform
from influfinder.domain.offer_terms import Requirements
from influfinder.domain.verified_audience import CONNECTABLE
from influfinder.i18n.audience import source_words, verified_words
from influfinder.models import Offer, Profile
from influfinder.services import guards
from influfinder.services.offer_management import taken_slots



def eligibility(db: Session, offer: Offer, creator_id: uuid.UUID) -> Eligibility:
    profile = db.exec(select(Profile).where(Profile.user_id == creator_id)).first()
    return evaluate(offer_conditions(db, offer), creator_numbers(profile), guards.now())


def offer_conditions(db: Session, offer: Offer) -> OfferConditions:
    return OfferConditions(
        requirements=_requirements(offer), platforms=tuple(_platforms(offer)), min_tier=offer.min_tier,
        application_deadline=offer.application_deadline, slots=offer.slots,
        slots_left=offer.slots - taken_slots(db, offer.id),
    )


def creator_numbers(profile: Profile | None) -> CreatorNumbers:
    """The creator's figures per platform: verified (from a connected account) where there are, else typed."""
    if profile is None:
        return CreatorNumbers(tier=0, accounts=())
    return CreatorNumbers(tier=profile.tier_level,
                          accounts=audience_accounts(profile.typed_figures(), profile.verified_audience))


def has_verified_figures(platforms: list[str] | tuple[str, ...] = CONNECTABLE):
    """SQL: the profile holds a reading from a connected account on one of these platforms ("instagram"),
    what the pages call verified figures ("Verified via Instagram, updated 2 days ago")."""
    return sa.or_(*(Profile.verified_audience[(name, "followers")].as_integer().is_not(None) for name in platforms))


def source_line(profile: Profile | None, account: Account) -> str:
    """Where an account's followers come from, and for verified ones how fresh they are:
    "Verified via Instagram, updated 2 days ago" or "Self-reported"."""
    name = account.platform.value.lower()
    reading = (profile.verified_audience or {}).get(name) if profile is not None and account.verified else None
    if not reading or not reading.get("taken_at"):
        return source_words(name if account.verified else None)
    return verified_words(name, datetime.fromisoformat(reading["taken_at"]), datetime.now(timezone.utc))


def _requirements(offer: Offer) -> Requirements:
    try:
        return Requirements.model_validate(offer.requirements or {})
    except ValidationError:  # written before validation existed: ask nothing rather than fail the page
        return Requirements()


def _platforms(offer: Offer) -> list[Platform]:
    return [Platform(p) for p in offer.platforms if p in Platform.values()]
