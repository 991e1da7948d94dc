"""What a creator may know of the business behind a public offer before applying: its track record.

Public on purpose: the business's name, city, average rating received, completed collaborations
and when it joined. Nothing else about the account (email, website drafts, other offers' data).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import CollaborationStatus, OfferStatus
from influfinder.models import Collaboration, Offer, Profile, User
from influfinder.services.reputation import reputation_of
from influfinder.services.standing import received_ratings


@dataclass(frozen=True)
class BusinessRecord:
    name: str
    city: str
    rating: float | None  # average of the ratings creators gave it, 1-5; None until the first
    rating_count: int
    completed_collaborations: int
    member_since: datetime
    badges: list[str]  # reputation badges (domain/reputation.py)


def business_record(db: Session, offer_id: object) -> BusinessRecord | None:
    """The record of the business that published an active public offer; None for any other id."""
    try:
        key = uuid.UUID(str(offer_id))
    except ValueError:
        return None
    row = db.exec(
        select(User.id, User.username, User.created_at, Profile.company_name, Profile.display_name, Profile.city)
        .select_from(Offer)
        .join(User, User.id == Offer.business_id)
        .join(Profile, Profile.user_id == Offer.business_id, isouter=True)
        .where(Offer.id == key, Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True))
    ).first()
    if row is None:
        return None
    business_id, username, joined, company, display, city = row
    # Counted from the collaborations themselves, like services.metrics: the profile's cached
    # figures are refreshed for creators on completion, not always for businesses.
    stars = received_ratings(business_id)
    completed = select(sa.func.count()).select_from(Collaboration).where(
        Collaboration.business_id == business_id, Collaboration.status == CollaborationStatus.COMPLETED)
    average, count, done = db.exec(select(
        select(sa.func.avg(stars.c.stars)).scalar_subquery(),
        select(sa.func.count(stars.c.stars)).scalar_subquery(),
        completed.scalar_subquery(),
    )).one()
    return BusinessRecord(
        name=company or display or username, city=city or "",
        rating=None if average is None else round(float(average), 2), rating_count=count,
        completed_collaborations=done, member_since=joined, badges=_badges(db, business_id),
    )


def _badges(db: Session, business_id: uuid.UUID) -> list[str]:
    rep = reputation_of(db, business_id)
    return rep.badges if rep else []
