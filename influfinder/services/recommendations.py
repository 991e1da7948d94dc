"""Recommendations: "Recommended for you" (offers for a creator) and "Suggested creators" (for an offer).

Candidates come from SQL (open offers the creator has not applied to; listed, available creators in
the offer's category or city who have not applied or been invited); domain/recommendations.py scores
each with its reasons. Only public data leaves: offer cards and creator cards.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, select

from influfinder.domain import recommendations as rules
from influfinder.domain.eligibility import OfferConditions, evaluate
from influfinder.domain.enums import CollaborationStatus, OfferStatus, Platform
from influfinder.i18n.reasons import why
from influfinder.domain.offer_terms import Requirements
from influfinder.models import Application, Collaboration, Invitation, Offer, Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.creator_fit import creator_numbers, offer_conditions
from influfinder.services.creator_profiles import CreatorCard, creator_card, listed_creator
from influfinder.services.early_access import released_condition
from influfinder.services.errors import NotAllowed
from influfinder.services.offer_management import OFFER_NOT_FOUND
from influfinder.services.offers import OfferSummary, _summary

CANDIDATES = 300
SHOWN = 6


@dataclass(frozen=True)
class RecommendedOffer:
    offer: OfferSummary
    score: int
    why: str


@dataclass(frozen=True)
class SuggestedCreator:
    creator: CreatorCard
    score: int
    why: str


def recommended_offers(db: Session, actor: Actor | None, count: int = SHOWN) -> list[RecommendedOffer]:
    actor = guards.creator(actor)
    profile = db.exec(select(Profile).where(Profile.user_id == actor.id)).first()
    if profile is None:
        return []
    now = datetime.now(timezone.utc)
    mine = select(Application.offer_id).where(Application.creator_id == actor.id)
    rows = db.exec(
        select(Offer, Profile.company_name, User.username)
        .join(User, User.id == Offer.business_id).join(Profile, Profile.user_id == Offer.business_id, isouter=True)
        .where(Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True), released_condition(db, actor, now),
               sa.or_(Offer.application_deadline.is_(None), Offer.application_deadline > now), Offer.id.not_in(mine))
        .order_by(Offer.created_at.desc()).limit(CANDIDATES)
    ).all()
    taste = _taste(db, actor.id, profile)
    similar = _similar_applicants(db, actor.id, profile, [o.id for o, _c, _u in rows])
    numbers = creator_numbers(profile)
    scored, by_id = [], {}
    for offer, company, username in rows:
        eligible = evaluate(_conditions(offer), numbers, now).can_apply
        facts = rules.OfferFacts(str(offer.id), str(offer.business_id), offer.brand_name or company or username,
                                 offer.category.value, offer.city, eligible, similar.get(offer.id, 0))
        scored.append(rules.score_offer(taste, facts))
        by_id[str(offer.id)] = (offer, company or username)
    return [RecommendedOffer(_summary(*by_id[s.key]), s.score, why(s)) for s in rules.top(scored, count) if s.score > 0]


def _taste(db: Session, creator_id: uuid.UUID, profile: Profile) -> rules.CreatorTaste:
    done = db.exec(select(Offer.category, Collaboration.business_id).join(Offer, Offer.id == Collaboration.offer_id)
                   .where(Collaboration.creator_id == creator_id,
                          Collaboration.status == CollaborationStatus.COMPLETED)).all()
    return rules.CreatorTaste(
        city=profile.city, categories=frozenset(str(c) for c in profile.preferred_categories or []),
        completed_by_category=dict(Counter(c.value for c, _b in done)),
        businesses_worked_with=frozenset(str(b) for _c, b in done),
    )


def _similar_applicants(db: Session, creator_id: uuid.UUID, profile: Profile, offer_ids: list) -> dict:
    """Per offer, how many creators in the same city sharing a category applied."""
    categories = [str(c) for c in profile.preferred_categories or []]
    if not offer_ids or not profile.city or not categories:
        return {}
    shares = sa.or_(*[sa.cast(Profile.preferred_categories, sa.Text).contains(f'"{c}"', autoescape=True)
                      for c in categories])
    rows = db.exec(
        select(Application.offer_id, sa.func.count()).join(Profile, Profile.user_id == Application.creator_id)
        .where(Application.offer_id.in_(offer_ids), Application.creator_id != creator_id,
               sa.func.lower(Profile.city) == profile.city.lower(), shares)
        .group_by(Application.offer_id)
    ).all()
    return dict(rows)


def _conditions(offer: Offer) -> OfferConditions:
    """The offer's fit conditions without counting its places (one query fewer per candidate)."""
    try:
        requirements = Requirements.model_validate(offer.requirements or {})
    except ValidationError:
        requirements = Requirements()
    platforms = tuple(Platform(p) for p in offer.platforms if p in Platform.values())
    return OfferConditions(requirements, platforms, offer.min_tier, offer.application_deadline, offer.slots, offer.slots)


def suggested_creators(db: Session, actor: Actor | None, offer_id: object, count: int = SHOWN) -> list[SuggestedCreator]:
    actor = guards.signed_in(actor)
    offer = db.get(Offer, guards.object_id(offer_id, OFFER_NOT_FOUND))
    if offer is None or not (offer.business_id == actor.id or actor.is_admin):
        raise NotAllowed(OFFER_NOT_FOUND)
    followers = Profile.audience_followers  # the total the profile shows (verified beats typed)
    applied = select(Application.creator_id).where(Application.offer_id == offer.id)
    invited = select(Invitation.creator_id).where(Invitation.offer_id == offer.id)
    fits = sa.cast(Profile.preferred_categories, sa.Text).contains(f'"{offer.category.value}"', autoescape=True)
    local = sa.func.lower(Profile.city) == offer.city.lower() if offer.city else sa.false()
    rows = db.exec(
        select(User, Profile).join(Profile, Profile.user_id == User.id)
        .where(listed_creator(), Profile.hidden_from_search.is_(False), Profile.available.is_(True),
               sa.or_(fits, local), User.id.not_in(applied), User.id.not_in(invited))
        .order_by(followers.desc(), Profile.id).limit(CANDIDATES)
    ).all()
    conditions = offer_conditions(db, offer)
    now = datetime.now(timezone.utc)
    scored, cards = [], {}
    for user, profile in rows:
        facts = rules.CreatorFacts(
            str(user.id), profile.city, frozenset(str(c) for c in profile.preferred_categories or []),
            profile.tier_level, profile.rating, profile.completed_collaborations, profile.available,
            evaluate(conditions, creator_numbers(profile), now).can_apply)
        scored.append(rules.score_creator(offer.category.value, offer.city, facts))
        cards[str(user.id)] = creator_card(user, profile)
    return [SuggestedCreator(cards[s.key], s.score, why(s)) for s in rules.top(scored, count)]
