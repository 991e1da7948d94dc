"""Reputation for creators and businesses, read in SQL from what happened, cached for the day.

The records: collaborations and their transition log (collaboration_events), content submissions,
applications, messages and ratings. domain/reputation.py turns them into rates, medians and
badges. Each user's figures are kept in `reputation_days` for the day they were computed: pages
read them many times a day, the records change slowly, and tomorrow starts fresh.

Ratings count once they are visible (double-blind: both rated, or the 14-day window closed).
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import collaboration_lifecycle as lifecycle
from influfinder.domain.enums import ApplicationStatus, CollaborationStatus, UserType
from influfinder.domain.reputation import Records, Reputation, reputation
from influfinder.models import (
    Application, Collaboration, CollaborationEvent, ContentSubmission, Message, Offer, ReputationDay, User,
)
from influfinder.services import guards
from influfinder.services.standing import visible_ratings

REPLIES_OVER = timedelta(days=90)  # response time is read over the last 90 days of messages
FINISHED = (CollaborationStatus.COMPLETED, CollaborationStatus.CANCELLED)


def reputations(db: Session, user_ids: list[uuid.UUID], now: datetime | None = None) -> dict[uuid.UUID, Reputation]:
    """Each user's reputation today: from the day's cache, computed (and cached) for the others."""
    now = now or guards.now()
    wanted = sorted(set(user_ids))
    if not wanted:
        return {}
    cached = db.exec(select(ReputationDay).where(ReputationDay.user_id.in_(wanted),
                                                 ReputationDay.day == now.date())).all()
    found = {row.user_id: Reputation(**row.figures) for row in cached}
    roles = dict(db.exec(select(User.id, User.user_type).where(User.id.in_([u for u in wanted if u not in found]))).all())
    for user_id, kind in roles.items():
        found[user_id] = reputation(records(db, user_id, "creator" if kind is UserType.CREATOR else "business", now),
                                    now)
        _cache(db, user_id, found[user_id], now)
    return found


def reputation_of(db: Session, user_id: uuid.UUID, now: datetime | None = None) -> Reputation | None:
    return reputations(db, [user_id], now).get(user_id)


def _cache(db: Session, user_id: uuid.UUID, rep: Reputation, now: datetime) -> None:
    # A nested transaction: two requests computing the same day at once keep one row, and neither fails.
    try:
        with db.begin_nested():
            db.add(ReputationDay(user_id=user_id, day=now.date(), figures=dataclasses.asdict(rep)))
    except sa.exc.IntegrityError:
        pass


def forget_old_days(db: Session, now: datetime) -> int:
    """The job runner's tidy-up: earlier days' figures are never read again."""
    return db.exec(sa.delete(ReputationDay).where(ReputationDay.day < now.date())).rowcount


# --- the records -----------------------------------------------------------------------------------


def records(db: Session, user_id: uuid.UUID, role: str, now: datetime) -> Records:
    mine = Collaboration.creator_id == user_id if role == "creator" else Collaboration.business_id == user_id
    finished, completed = db.exec(select(
        sa.func.count().filter(Collaboration.status.in_(FINISHED)),
        sa.func.count().filter(Collaboration.status == CollaborationStatus.COMPLETED),
    ).where(mine)).one()
    common = dict(role=role, finished=finished, completed=completed, ratings=_ratings(db, mine, role, now),
                  replies=_replies(db, user_id, now))
    if role == "creator":
        return Records(**common, visits=_visits(db, mine), content=_first_submissions(db, mine))
    proposed, confirmed = db.exec(select(
        sa.func.count().filter(sa.or_(Collaboration.proposed_date.is_not(None), Collaboration.scheduled_date.is_not(None))),
        sa.func.count().filter(Collaboration.schedule_confirmed_at.is_not(None)),
    ).where(mine)).one()
    return Records(**common, decisions=_decisions(db, user_id), reviews=_reviews(db, mine),
                   visits_proposed=proposed, visits_confirmed=confirmed, disputes_lost=_disputes_lost(db, mine))


def _ratings(db: Session, mine, role: str, now: datetime) -> list[int]:
    """The stars this user received that both parties may already see."""
    received = Collaboration.creator_rating if role == "creator" else Collaboration.business_rating
    return list(db.exec(select(received).where(mine, received.is_not(None), visible_ratings(now))).all())


def _replies(db: Session, user_id: uuid.UUID, now: datetime) -> list[tuple[datetime, datetime]]:
    """(when the other wrote, when this user answered) for each first answer in their conversations."""
    window = dict(partition_by=Message.conversation_key, order_by=(Message.created_at, Message.id))
    thread = select(
        Message.sender_id, Message.created_at,
        sa.func.lag(Message.sender_id, type_=Message.sender_id.type).over(**window).label("before_by"),
        sa.func.lag(Message.created_at, type_=Message.created_at.type).over(**window).label("before_at"),
    ).where(sa.or_(Message.sender_id == user_id, Message.recipient_id == user_id),
            Message.created_at >= now - REPLIES_OVER).subquery()
    rows = db.exec(select(thread.c.before_at, thread.c.created_at).where(
        thread.c.sender_id == user_id, thread.c.before_by.is_not(None), thread.c.before_by != user_id)).all()
    return [(before, at) for before, at in rows]


def _visits(db: Session, mine) -> list[tuple[datetime, datetime | None]]:
    return [tuple(row) for row in db.exec(select(Collaboration.scheduled_date, Collaboration.visited_at).where(
        mine, Collaboration.scheduled_date.is_not(None), Collaboration.status != CollaborationStatus.CANCELLED)).all()]


def _first_submissions(db: Session, mine) -> list[tuple[datetime | None, datetime]]:
    first = (select(ContentSubmission.collaboration_id, sa.func.min(ContentSubmission.submitted_at).label("at"))
             .group_by(ContentSubmission.collaboration_id).subquery())
    return [tuple(row) for row in db.exec(
        select(Offer.content_deadline, first.c.at).select_from(first)
        .join(Collaboration, Collaboration.id == first.c.collaboration_id)
        .join(Offer, Offer.id == Collaboration.offer_id).where(mine)).all()]


def _decisions(db: Session, business_id: uuid.UUID) -> list[tuple[datetime, datetime]]:
    """(applied, answered) for the business's decided applications; answered = the status's last change."""
    return [tuple(row) for row in db.exec(
        select(Application.created_at, Application.updated_at).join(Offer, Offer.id == Application.offer_id)
        .where(Offer.business_id == business_id,
               Application.status.in_((ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)))).all()]


def _reviews(db: Session, mine) -> list[tuple[datetime, datetime]]:
    return [tuple(row) for row in db.exec(
        select(ContentSubmission.submitted_at, ContentSubmission.reviewed_at)
        .join(Collaboration, Collaboration.id == ContentSubmission.collaboration_id)
        .where(mine, ContentSubmission.reviewed_at.is_not(None))).all()]


def _disputes_lost(db: Session, mine) -> int:
    """Disputes on the business's collaborations an admin resolved as completed: the creator's work stood."""
    return db.exec(select(sa.func.count()).select_from(CollaborationEvent)
                   .join(Collaboration, Collaboration.id == CollaborationEvent.collaboration_id)
                   .where(mine, CollaborationEvent.action == lifecycle.RESOLVE_COMPLETED)).one()


def my_reputation(db: Session, actor) -> Reputation:
    """The signed-in user's own record, as counterparties see it (My progress, the dashboard)."""
    actor = guards.signed_in(actor)
    return reputation_of(db, actor.id)
