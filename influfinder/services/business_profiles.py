"""Public business profiles at /businesses/<slug> (the slug is the account's username).

Public on purpose, for anyone: name, city, category, website, the open offers anyone can see, how
many collaborations it completed, and the ratings and reviews creators gave it. Nothing else about
the account; deactivated or deleted accounts and creators have no business profile.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import CollaborationStatus, OfferStatus, UserType
from influfinder.models import Collaboration, Offer, Profile, User
from influfinder.services.actors import Actor
from influfinder.services.early_access import released_condition
from influfinder.services.errors import NotAllowed
from influfinder.services.offers import OfferSummary, _summary
from influfinder.services.standing import received_ratings

NOT_FOUND = "We could not find that business."
MAX_OFFERS = 12
MAX_REVIEWS = 10


@dataclass(frozen=True)
class BusinessReview:
    creator: str
    creator_username: str
    stars: int
    text: str
    on: datetime | None


@dataclass(frozen=True)
class BusinessProfile:
    username: str
    name: str
    city: str
    category: str
    website: str
    bio: str
    rating: float | None
    rating_count: int
    completed: int
    member_since: datetime
    offers: list[OfferSummary]
    reviews: list[BusinessReview]


def public_business_profile(db: Session, actor: Actor | None, slug: object) -> BusinessProfile:
    if not isinstance(slug, str) or not 0 < len(slug) <= 30:
        raise NotAllowed(NOT_FOUND)
    row = db.exec(select(User, Profile).join(Profile, Profile.user_id == User.id, isouter=True).where(
        User.username == slug.lower(), User.user_type.in_([UserType.BUSINESS, UserType.AGENCY]),
        User.is_active.is_(True), User.deleted_at.is_(None))).first()
    if row is None:
        raise NotAllowed(NOT_FOUND)
    user, profile = row
    stars = received_ratings(user.id)
    average, count = db.exec(select(sa.func.avg(stars.c.stars), sa.func.count(stars.c.stars))).one()
    completed = db.exec(select(sa.func.count()).select_from(Collaboration).where(
        Collaboration.business_id == user.id, Collaboration.status == CollaborationStatus.COMPLETED)).one()
    name = (profile.company_name or profile.display_name) if profile else ""
    return BusinessProfile(
        username=user.username, name=name or user.username, city=profile.city if profile else "",
        category=(profile.business_category or "") if profile else "", website=(profile.website or "") if profile else "",
        bio=profile.bio if profile else "", rating=None if average is None else round(float(average), 2),
        rating_count=count, completed=completed, member_since=user.created_at,
        offers=_open_offers(db, actor, user.id, name or user.username), reviews=_reviews(db, user.id),
    )


def _open_offers(db: Session, actor: Actor | None, business_id: uuid.UUID, name: str) -> list[OfferSummary]:
    now = datetime.now(timezone.utc)
    rows = db.exec(select(Offer).where(
        Offer.business_id == business_id, Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True),
        released_condition(db, actor, now)).order_by(Offer.created_at.desc()).limit(MAX_OFFERS)).all()
    return [_summary(o, name) for o in rows]


def _reviews(db: Session, business_id: uuid.UUID) -> list[BusinessReview]:
    rows = db.exec(
        select(Collaboration, Profile.display_name, User.username)
        .join(User, User.id == Collaboration.creator_id)
        .join(Profile, Profile.user_id == Collaboration.creator_id, isouter=True)
        .where(Collaboration.business_id == business_id, Collaboration.business_rating.is_not(None),
               Collaboration.status == CollaborationStatus.COMPLETED)
        .order_by(Collaboration.completed_date.desc(), Collaboration.id).limit(MAX_REVIEWS)
    ).all()
    return [BusinessReview(display or username, username, c.business_rating, c.business_feedback or "",
                           c.completed_date) for c, display, username in rows]
