"""Public creator profiles: the card Find creators lists and the media kit at /creators/<username>.

Public on purpose, readable without signing in: name, city, bio, categories, platforms with their
figures, tier, rating, completed collaborations and the reviews businesses wrote. Never the email,
never anything of an account that is deactivated, deleted or not a creator. A creator who hides
the profile from search is still reachable by its link (hiding is about being found, not about
the link the creator shares); Find creators leaves it out.

Audience figures are the verified ones where the creator connected the account ("Verified via
Instagram, updated 2 days ago"), else as typed ("Self-reported"); each figure carries its `source`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.i18n import N_
from influfinder.domain.enums import CollaborationStatus, UserType
from influfinder.models import Collaboration, Offer, Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.creator_fit import creator_numbers, source_line
from influfinder.services.reputation import reputation_of
from influfinder.services.errors import NotAllowed

NOT_FOUND = N_("We could not find that creator.")
SELF_REPORTED = N_("Self-reported")  # translated where it is shown
MAX_REVIEWS = 10


@dataclass(frozen=True)
class AudienceFigure:
    platform: str  # Platform value
    handle: str
    followers: int
    engagement: float  # percent
    source: str = SELF_REPORTED


@dataclass(frozen=True)
class CreatorCard:
    user_id: str
    username: str
    name: str
    city: str
    bio: str
    categories: list[str]
    figures: list[AudienceFigure]
    total_followers: int
    tier_level: int
    rating: float | None
    rating_count: int
    completed: int
    available: bool


@dataclass(frozen=True)
class Review:
    business: str
    stars: int
    text: str
    offer_title: str
    on: datetime | None


@dataclass(frozen=True)
class CreatorProfile:
    card: CreatorCard
    reviews: list[Review]
    member_since: datetime
    hidden_from_search: bool
    is_own: bool  # the viewer is this creator: the page shows the profile's switches
    badges: tuple[str, ...] = ()  # reputation (domain/reputation.py)


def creator_card(user: User, profile: Profile) -> CreatorCard:
    figures = audience_figures(profile)
    return CreatorCard(
        user_id=str(user.id), username=user.username, name=profile.display_name or user.username,
        city=profile.city, bio=profile.bio, categories=[str(c) for c in profile.preferred_categories or []],
        figures=figures, total_followers=sum(f.followers for f in figures), tier_level=profile.tier_level,
        rating=profile.rating, rating_count=profile.rating_count, completed=profile.completed_collaborations,
        available=profile.available,
    )


def audience_figures(profile: Profile) -> list[AudienceFigure]:
    """One figure per platform the creator has an account on, most followers first; verified figures
    (from a connected account) beat typed ones and say so (services/creator_fit.py)."""
    figures = []
    for account in creator_numbers(profile).accounts:
        handle = getattr(profile, f"{account.platform.value.lower()}_handle") or ""
        if handle or account.followers:
            figures.append(AudienceFigure(account.platform.value, handle, account.followers, account.engagement,
                                          source_line(profile, account)))
    return sorted(figures, key=lambda f: f.followers, reverse=True)


def listed_creator():
    """SQL: the accounts that are creators anyone may look up (active, not deleted). The type is a
    literal, not a parameter, so the planner can use the partial index ix_users_creators_active."""
    return sa.and_(User.user_type == sa.literal_column(f"'{UserType.CREATOR.value}'"), User.is_active.is_(True),
                   User.deleted_at.is_(None))


def public_creator_profile(db: Session, actor: Actor | None, username: object) -> CreatorProfile:
    """The media kit of one creator, for anyone (signed in or not)."""
    if not isinstance(username, str) or not 0 < len(username) <= 30:
        raise NotAllowed(NOT_FOUND)
    row = db.exec(
        select(User, Profile).join(Profile, Profile.user_id == User.id)
        .where(User.username == username.lower(), listed_creator())
    ).first()
    if row is None:
        raise NotAllowed(NOT_FOUND)
    user, profile = row
    return CreatorProfile(
        card=creator_card(user, profile), reviews=_reviews(db, user.id), member_since=user.created_at,
        hidden_from_search=profile.hidden_from_search, is_own=actor is not None and actor.id == user.id,
        badges=tuple(reputation_of(db, user.id).badges),
    )


def _reviews(db: Session, creator_id: uuid.UUID) -> list[Review]:
    """The ratings businesses gave this creator on completed collaborations, newest first."""
    rows = db.exec(
        select(Collaboration, Offer.title, Offer.brand_name, Profile.company_name, User.username)
        .join(Offer, Offer.id == Collaboration.offer_id)
        .join(User, User.id == Collaboration.business_id)
        .join(Profile, Profile.user_id == Collaboration.business_id, isouter=True)
        .where(Collaboration.creator_id == creator_id, Collaboration.creator_rating.is_not(None),
               Collaboration.status == CollaborationStatus.COMPLETED)
        .order_by(Collaboration.completed_date.desc(), Collaboration.id).limit(MAX_REVIEWS)
    ).all()
    return [Review(brand or company or username, c.creator_rating, c.creator_feedback or "", title, c.completed_date)
            for c, title, brand, company, username in rows]


def set_visibility(db: Session, actor: Actor | None, hidden_from_search: object, available: object) -> None:
    """The creator's own switches: out of Find creators, and open to new collaborations."""
    actor = guards.creator(actor)
    hidden = guards.flag(hidden_from_search, "hidden_from_search")
    open_now = guards.flag(available, "available")
    db.exec(sa.update(Profile).where(Profile.user_id == actor.id)
            .values(hidden_from_search=hidden, available=open_now, updated_at=guards.now())
            .execution_options(synchronize_session=False))

