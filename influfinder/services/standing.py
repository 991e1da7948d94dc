"""Profile numbers that follow from collaborations: a creator's karma and tier, anyone's rating.

Both are recomputed in SQL from the collaborations, in the caller's transaction, after locking
the profile rows (FOR UPDATE on PostgreSQL; SQLite's write lock is already held by the UPDATE
that moved the collaboration). The lock makes two completions of one creator's collaborations
in parallel count each other: the second waits, then counts the first's committed row.
Profiles are always locked in user-id order, so two transactions never wait on each other in a cycle.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import CollaborationStatus, NotificationType, Tier
from influfinder.domain.reputation import REVIEW_WINDOW
from influfinder.domain.tiers import Standing, standing
from influfinder.models import Collaboration, Profile
from influfinder.services import guards
from influfinder.services.notifications import notify
from influfinder.services.notification_text import params_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TierChange:
    before: Tier
    after: Standing

    @property
    def upgraded(self) -> bool:
        return self.after.tier > self.before


def lock_profiles(db: Session, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Profile]:
    keys = sorted(set(user_ids))
    rows = db.exec(
        select(Profile).where(Profile.user_id.in_(keys)).order_by(Profile.user_id)
        .with_for_update().execution_options(populate_existing=True)
    ).all()
    return {p.user_id: p for p in rows}


def completed_count(db: Session, creator_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count()).select_from(Collaboration)
        .where(Collaboration.creator_id == creator_id, Collaboration.status == CollaborationStatus.COMPLETED)
    ).one()


def refresh_creator(db: Session, creator_id: uuid.UUID) -> TierChange | None:
    """Completed count, karma, tier and progress from the creator's COMPLETED collaborations."""
    profile = lock_profiles(db, [creator_id]).get(creator_id)
    if profile is None:
        log.warning("creator %s has no profile: karma not recomputed", creator_id)
        return None
    before = Tier(profile.tier_level)
    completed = completed_count(db, creator_id)
    now = standing(completed)
    db.exec(
        sa.update(Profile).where(Profile.user_id == creator_id)
        .values(completed_collaborations=completed, karma_score=now.karma,
                tier_level=int(now.tier), tier_progress=now.progress, updated_at=guards.now())
        .execution_options(synchronize_session=False)
    )
    change = TierChange(before, now)
    if change.upgraded:
        notify(db, creator_id, NotificationType.TIER_UPGRADED,
               params=params_for("tier_upgraded", tier=int(now.tier), completed=completed, karma=now.karma))
    return change


def visible_ratings(now: datetime | None = None):
    """Double-blind (domain/reputation.review_visible) in SQL: both rated, or the rating window closed."""
    return sa.or_(
        sa.and_(Collaboration.creator_rating.is_not(None), Collaboration.business_rating.is_not(None)),
        Collaboration.status != CollaborationStatus.IN_REVIEW,
        Collaboration.approved_at <= (now or guards.now()) - REVIEW_WINDOW,
    )


def received_ratings(user_id: uuid.UUID):
    """The stars a user received and may see: as a creator (creator_rating) and as a business
    (business_rating); a rating the other side cannot yet see (double-blind) does not count yet."""
    as_creator = select(Collaboration.creator_rating.label("stars")).where(
        Collaboration.creator_id == user_id, Collaboration.creator_rating.is_not(None), visible_ratings())
    as_business = select(Collaboration.business_rating.label("stars")).where(
        Collaboration.business_id == user_id, Collaboration.business_rating.is_not(None), visible_ratings())
    return sa.union_all(as_creator, as_business).subquery()


def refresh_rating(db: Session, user_id: uuid.UUID) -> None:
    """rating = the average of the ratings received, rating_count = how many; both in SQL."""
    stars = received_ratings(user_id)
    average, count = db.exec(select(sa.func.avg(stars.c.stars), sa.func.count(stars.c.stars))).one()
    db.exec(
        sa.update(Profile).where(Profile.user_id == user_id)
        .values(rating=None if average is None else round(float(average), 2), rating_count=count,
                updated_at=guards.now())
        .execution_options(synchronize_session=False)
    )
