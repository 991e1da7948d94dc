"""What two people work on together: the latest application or collaboration between them.

A chat says what it is about with it (its header links the application or the collaboration, the
conversations list names the offer). Collaborations start from an accepted application, so the
newest of the two is the collaboration once there is one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.moments import as_utc
from influfinder.models import Application, Collaboration, Offer

APPLICATION = "application"
COLLABORATION = "collaboration"
ROUTES = {APPLICATION: "/applications/{id}", COLLABORATION: "/collaborations/{id}"}


@dataclass(frozen=True)
class SharedWork:
    kind: str  # APPLICATION or COLLABORATION
    id: str
    offer_title: str
    link: str  # the page of the application or the collaboration (both parties may open it)


def shared_with(db: Session, me: uuid.UUID, others: Iterable[uuid.UUID]) -> dict[uuid.UUID, SharedWork]:
    """For each of `others`, the latest application or collaboration they share with `me`, if any."""
    others = set(others)
    if not others:
        return {}
    latest: dict[uuid.UUID, tuple[datetime, SharedWork]] = {}
    for kind, when, row_id, title, creator, business in _candidates(db, me, others):
        other = business if creator == me else creator
        work = SharedWork(kind, str(row_id), title, ROUTES[kind].format(id=row_id))
        when = as_utc(when)
        newer = other not in latest or when > latest[other][0]
        if newer or (when == latest[other][0] and kind == COLLABORATION):  # a tie: the collaboration
            latest[other] = (when, work)
    return {other: work for other, (_when, work) in latest.items()}


def _candidates(db: Session, me: uuid.UUID, others: set[uuid.UUID]):
    applications = db.exec(
        select(Application.created_at, Application.id, Offer.title, Application.creator_id, Offer.business_id)
        .join(Offer, Offer.id == Application.offer_id)
        .where(sa.or_(sa.and_(Application.creator_id == me, Offer.business_id.in_(others)),
                      sa.and_(Offer.business_id == me, Application.creator_id.in_(others))))
    ).all()
    collaborations = db.exec(
        select(Collaboration.created_at, Collaboration.id, Offer.title, Collaboration.creator_id,
               Collaboration.business_id)
        .join(Offer, Offer.id == Collaboration.offer_id)
        .where(sa.or_(sa.and_(Collaboration.creator_id == me, Collaboration.business_id.in_(others)),
                      sa.and_(Collaboration.business_id == me, Collaboration.creator_id.in_(others))))
    ).all()
    return [(APPLICATION, *row) for row in applications] + [(COLLABORATION, *row) for row in collaborations]
