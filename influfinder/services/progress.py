"""A creator's "My progress": tier, karma, progress bar, what the next tier unlocks, karma history.

The history is computed from the creator's COMPLETED collaborations in completion order: the
n-th completion gained standing(n).karma - standing(n - 1).karma. It is paged in the database,
newest first; the n of each row comes from its place in that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import tier_benefits
from influfinder.domain.moments import as_utc
from influfinder.domain.enums import CollaborationStatus, Tier
from influfinder.domain.tiers import standing
from influfinder.domain.time_series import Point, karma_points
from influfinder.models import Collaboration, Offer, Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError
from influfinder.services.metrics import UserMetrics, user_metrics
from influfinder.services.pagination import Page


@dataclass(frozen=True)
class KarmaRow:
    collaboration_id: str
    offer_title: str
    completed_date: datetime | None
    number: int  # 1 for the first completed collaboration
    karma_gained: int
    karma_total: int
    tier: str  # the tier this completion left the creator at


@dataclass(frozen=True)
class Progress:
    tier: str
    tier_level: int
    karma: int
    progress: float  # percent toward the next tier
    completed: int
    next_tier: str | None  # None at LEGEND
    completions_to_next: int | None
    next_unlocks: list[str]
    benefits: list[str]  # what the current tier gave
    history: Page[KarmaRow]


def my_progress(db: Session, actor: Actor | None, page: object = 1, page_size: object = 20) -> Progress:
    actor = guards.creator(actor)
    page, page_size = guards.paging(page, page_size)
    profile = db.exec(select(Profile).where(Profile.user_id == actor.id)).first()
    completed = profile.completed_collaborations if profile else 0
    now = standing(completed)
    following = tier_benefits.next_tier(now.tier)
    return Progress(
        tier=now.tier.label, tier_level=int(now.tier), karma=now.karma, progress=now.progress, completed=completed,
        next_tier=following.label if following else None,
        completions_to_next=tier_benefits.completions_to_next(now.tier, completed),
        next_unlocks=tier_benefits.next_unlocks(now.tier), benefits=tier_benefits.benefits(now.tier),
        history=karma_history(db, actor, page, page_size),
    )


def karma_history(db: Session, actor: Actor, page: int, page_size: int) -> Page[KarmaRow]:
    where = (Collaboration.creator_id == actor.id, Collaboration.status == CollaborationStatus.COMPLETED)
    total = db.exec(select(sa.func.count()).select_from(Collaboration).where(*where)).one()
    offset = (page - 1) * page_size
    rows = db.exec(
        select(Collaboration.id, Collaboration.completed_date, Offer.title)
        .join(Offer, Offer.id == Collaboration.offer_id).where(*where)
        .order_by(Collaboration.completed_date.desc(), Collaboration.id.desc())
        .offset(offset).limit(page_size)
    ).all()
    items = [_karma_row(total - offset - i, *row) for i, row in enumerate(rows)]
    return Page(items, total, page, page_size)


def _karma_row(number: int, collab_id, completed_date: datetime | None, title: str) -> KarmaRow:
    after, before = standing(number), standing(number - 1)
    return KarmaRow(
        collaboration_id=str(collab_id), offer_title=title,
        completed_date=as_utc(completed_date) if completed_date else None, number=number,
        karma_gained=after.karma - before.karma, karma_total=after.karma, tier=Tier(after.tier).label,
    )


def karma_over_time(db: Session, actor: Actor) -> list[Point]:
    """The creator's karma from the day they joined (0) and after each completed collaboration, oldest first."""
    days = db.exec(select(Collaboration.completed_date).where(
        Collaboration.creator_id == actor.id, Collaboration.status == CollaborationStatus.COMPLETED,
        Collaboration.completed_date.is_not(None))).all()
    joined = db.exec(select(User.created_at).where(User.id == actor.id)).first()
    return karma_points((as_utc(d).date() for d in days), as_utc(joined).date() if joined else None)


@dataclass(frozen=True)
class ProgressPage:
    """The creator's progress page as one read: tier, karma history, its chart and their numbers."""

    progress: Progress
    numbers: UserMetrics
    karma: list[Point]


def progress_page(db: Session, actor: Actor | None, page: object, page_size: object) -> ProgressPage | None:
    """None for anyone but a creator (the page's access rule sends them away); a page number past
    the end shows the first page."""
    actor = guards.signed_in(actor)
    if not actor.is_creator:
        return None
    try:
        mine = my_progress(db, actor, page, page_size)
    except ServiceError:
        mine = my_progress(db, actor, 1, page_size)
    return ProgressPage(mine, user_metrics(db, actor), karma_over_time(db, actor))
