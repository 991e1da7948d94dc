"""Tier benefit: PRO creators and up see a newly published offer 24 hours before everyone else.

During those 24 hours the offer is missing from Browse and its page answers "not found" for
anonymous visitors, NEWBIE and EXPLORER creators and other businesses; it cannot be applied to
by them either. Its own business and admins always see it. The rule itself is
domain.tier_benefits.visible_from; this module turns it into the SQL and checks the offer reads share.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import tier_benefits
from influfinder.domain.enums import Tier
from influfinder.domain.moments import as_utc
from influfinder.models import Offer, Profile
from influfinder.services.actors import Actor


def viewer_tier(db: Session, actor: Actor | None) -> Tier | None:
    """The tier that decides what `actor` sees early: None for anyone who is not a creator."""
    if actor is None or not actor.is_creator:
        return None
    level = db.exec(select(Profile.tier_level).where(Profile.user_id == actor.id)).first()
    return Tier(level or 0)


def sees_new_offers_at_once(db: Session, actor: Actor | None) -> bool:
    if actor is not None and actor.is_admin:
        return True
    tier = viewer_tier(db, actor)
    return tier is not None and tier_benefits.has_early_access(tier)


def released_condition(db: Session, actor: Actor | None, now: datetime):
    """SQL: the offers `actor` may see at `now` as far as early access goes."""
    if sees_new_offers_at_once(db, actor):
        return sa.true()
    # An offer published before the column existed has no published_at: its creation stands in.
    released = sa.func.coalesce(Offer.published_at, Offer.created_at) <= now - tier_benefits.EARLY_ACCESS
    if actor is not None and actor.is_business:
        return sa.or_(released, Offer.business_id == actor.id)
    return released


def can_see(db: Session, actor: Actor | None, offer: Offer, now: datetime) -> bool:
    """The same rule for one loaded offer."""
    if actor is not None and (actor.is_admin or offer.business_id == actor.id):
        return True
    tier = viewer_tier(db, actor)
    waits_as = Tier.NEWBIE if tier is None else tier  # anyone but a creator waits like the lowest tier
    published = as_utc(offer.published_at or offer.created_at)
    return tier_benefits.visible_from(published, waits_as) <= as_utc(now)
