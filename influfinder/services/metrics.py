"""The brief's metrics, counted in SQL: per user, per offer and per collaboration.

Who sees what: a user their own numbers (admins anyone's); an offer's numbers its business and
admins; a collaboration's numbers its two parties and admins. Anyone else is told "not found".

Definitions the brief leaves open:
- completion rate = completed / (completed + cancelled + disputed): of the collaborations that
  stopped moving, the share that ended well; None until one has.
- success rate of an offer = completed collaborations / applications received (the brief's).
- average cost per collaboration = the average agreed fee of the offer's completed collaborations.
- a collaboration's duration = days from acceptance (its creation) to completion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.moments import as_utc
from influfinder.domain.enums import CollaborationStatus, SubmissionStatus, Tier
from influfinder.i18n import N_
from influfinder.models import Application, Collaboration, ContentSubmission, Offer, Profile
from influfinder.services import collaborations, guards
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed
from influfinder.services.offer_management import OFFER_NOT_FOUND
from influfinder.services.standing import received_ratings

USER_NOT_FOUND = N_("We could not find that user.")
ENDED = (CollaborationStatus.COMPLETED, CollaborationStatus.CANCELLED, CollaborationStatus.DISPUTED)


@dataclass(frozen=True)
class UserMetrics:
    offers_created: int
    applications_received: int
    applications_sent: int
    collaborations: int
    completed: int
    completion_rate: float | None  # percent
    average_rating: float | None
    rating_count: int
    karma: int
    tier: str
    tier_level: int


@dataclass(frozen=True)
class OfferMetrics:
    offer_id: object  # uuid.UUID
    views: int
    applications: int
    collaborations: int  # not cancelled
    completed: int
    success_rate: float | None  # percent: completed / applications
    average_cost: Decimal | None  # average agreed fee of the completed ones
    currency: str


@dataclass(frozen=True)
class CollaborationMetrics:
    status: str
    duration_days: float | None  # acceptance to completion; None until completed
    ai_quality: float | None  # 1-10, from the approved submission's analysis
    creator_rating: int | None  # received by the creator
    business_rating: int | None  # received by the business


def user_metrics(db: Session, actor: Actor | None, user_id: object = None) -> UserMetrics:
    actor = guards.signed_in(actor)
    key = actor.id if user_id is None else guards.object_id(user_id, USER_NOT_FOUND)
    if key != actor.id and not actor.is_admin:
        raise NotAllowed(USER_NOT_FOUND)
    profile = db.exec(select(Profile).where(Profile.user_id == key)).first()
    if profile is None:
        raise NotAllowed(USER_NOT_FOUND)
    mine = sa.or_(Collaboration.creator_id == key, Collaboration.business_id == key)
    stars = received_ratings(key)
    row = db.exec(select(
        _count(select(Offer.id).where(Offer.business_id == key)),
        _count(select(Application.id).join(Offer, Offer.id == Application.offer_id).where(Offer.business_id == key)),
        _count(select(Application.id).where(Application.creator_id == key)),
        _count(select(Collaboration.id).where(mine)),
        _count(select(Collaboration.id).where(mine, Collaboration.status == CollaborationStatus.COMPLETED)),
        _count(select(Collaboration.id).where(mine, Collaboration.status.in_(ENDED))),
        select(sa.func.avg(stars.c.stars)).scalar_subquery(),
        select(sa.func.count(stars.c.stars)).scalar_subquery(),
    )).one()
    offers, received, sent, collabs, completed, ended, average, count = row
    return UserMetrics(
        offers_created=offers, applications_received=received, applications_sent=sent, collaborations=collabs,
        completed=completed, completion_rate=percent(completed, ended),
        average_rating=None if average is None else round(float(average), 2), rating_count=count,
        karma=profile.karma_score, tier=Tier(profile.tier_level).label, tier_level=profile.tier_level,
    )


def offer_metrics(db: Session, actor: Actor | None, offer_id: object) -> OfferMetrics:
    actor = guards.signed_in(actor)
    offer = db.get(Offer, guards.object_id(offer_id, OFFER_NOT_FOUND))
    if offer is None or (offer.business_id != actor.id and not actor.is_admin):
        raise NotAllowed(OFFER_NOT_FOUND)
    of_offer = Collaboration.offer_id == offer.id
    done = sa.and_(of_offer, Collaboration.status == CollaborationStatus.COMPLETED)
    applications, collabs, completed, cost = db.exec(select(
        _count(select(Application.id).where(Application.offer_id == offer.id)),
        _count(select(Collaboration.id).where(of_offer, Collaboration.status != CollaborationStatus.CANCELLED)),
        _count(select(Collaboration.id).where(done)),
        select(sa.func.avg(Collaboration.agreed_fee)).where(done).scalar_subquery(),
    )).one()
    return OfferMetrics(
        offer_id=offer.id, views=offer.views_count, applications=applications, collaborations=collabs, completed=completed,
        success_rate=percent(completed, applications),
        average_cost=None if cost is None else Decimal(cost).quantize(Decimal("0.01")),
        currency=offer.currency.value,
    )


def collaboration_metrics(db: Session, actor: Actor | None, collab_id: object) -> CollaborationMetrics:
    collab, _role = collaborations.load(db, actor, collab_id)
    quality = db.exec(
        select(ContentSubmission.ai_analysis["quality_rating"].as_float())
        .where(ContentSubmission.collaboration_id == collab.id, ContentSubmission.status == SubmissionStatus.APPROVED)
        .order_by(ContentSubmission.version.desc()).limit(1)
    ).first()
    duration = None
    if collab.completed_date is not None:
        seconds = (as_utc(collab.completed_date) - as_utc(collab.created_at)).total_seconds()
        duration = round(seconds / 86400, 1)
    return CollaborationMetrics(
        status=collab.status.value, duration_days=duration, ai_quality=quality,
        creator_rating=collab.creator_rating, business_rating=collab.business_rating,
    )


def _count(query) -> sa.ScalarSelect:
    return select(sa.func.count()).select_from(query.subquery()).scalar_subquery()


def percent(part: int, whole: int) -> float | None:
    return None if not whole else round(100.0 * part / whole, 1)

