"""Disputes as admins settle them: the open ones with both parties and the reason, and the decision."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from influfinder.domain.enums import CollaborationStatus
from influfinder.models import Collaboration, CollaborationEvent, Offer, Profile, User
from influfinder.services import collaborations, guards
from influfinder.services.actors import Actor
from influfinder.services.admin_access import admin_only, aware, count_rows
from influfinder.services.pagination import Page


@dataclass(frozen=True)
class DisputeRow:
    id: str  # the collaboration
    offer_id: str
    offer_title: str
    creator: str  # display names
    creator_username: str
    business: str
    business_username: str
    reason: str
    opened_by: str | None  # who opened it, None if the log does not say
    opened_at: datetime


def list_disputes(db: Session, actor: Actor | None, page: object = 1, page_size: object = 20) -> Page[DisputeRow]:
    """Open disputes, the longest waiting first, with both parties and the reason."""
    admin_only(actor)
    page, page_size = guards.paging(page, page_size)
    disputed = Collaboration.status == CollaborationStatus.DISPUTED
    total = count_rows(db, Collaboration, disputed)
    rows = db.exec(
        select(Collaboration, Offer.title).join(Offer, Offer.id == Collaboration.offer_id).where(disputed)
        .order_by(Collaboration.updated_at, Collaboration.id).offset((page - 1) * page_size).limit(page_size)
    ).all()
    people = _people(db, {uid for c, _ in rows for uid in (c.creator_id, c.business_id)})
    openers = _dispute_openers(db, [c.id for c, _ in rows])
    return Page([_dispute_row(c, title, people, openers.get(c.id)) for c, title in rows], total, page, page_size)


def _people(db: Session, user_ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    """user id -> (the name people see, username)."""
    if not user_ids:
        return {}
    rows = db.exec(select(User.id, User.username, Profile.display_name, Profile.company_name)
                   .join(Profile, Profile.user_id == User.id, isouter=True).where(User.id.in_(user_ids))).all()
    return {uid: (company or display or username, username) for uid, username, display, company in rows}


def _dispute_openers(db: Session, collab_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID | None]:
    """Who opened each dispute: the last open_dispute event of each collaboration."""
    if not collab_ids:
        return {}
    events = db.exec(
        select(CollaborationEvent.collaboration_id, CollaborationEvent.actor_id)
        .where(CollaborationEvent.collaboration_id.in_(collab_ids), CollaborationEvent.action == "open_dispute")
        .order_by(CollaborationEvent.created_at)
    ).all()
    return dict(events)


def _dispute_row(collab: Collaboration, title: str, people: dict, opener: uuid.UUID | None) -> DisputeRow:
    creator, creator_username = people[collab.creator_id]
    business, business_username = people[collab.business_id]
    opened_by = {collab.creator_id: creator, collab.business_id: business}.get(opener)
    return DisputeRow(
        id=str(collab.id), offer_id=str(collab.offer_id), offer_title=title, creator=creator,
        creator_username=creator_username, business=business, business_username=business_username,
        reason=collab.dispute_reason or "", opened_by=opened_by, opened_at=aware(collab.updated_at),
    )


def resolve_dispute(db: Session, actor: Actor | None, collab_id: object, outcome: object, note: object) -> None:
    """Settle a dispute as COMPLETED or CANCELLED with a note; the move and its event are logged together."""
    actor = admin_only(actor)
    collaborations.resolve_dispute(db, actor, collab_id, outcome, note)
