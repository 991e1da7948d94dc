"""What waits for a business in the navigation: applicants to decide on and content to review.

These counts sit beside the unread ones (services/messages.unread_counts) in every live update
and page snapshot (services/live_updates), so the navbar's badges move with the bell. A creator
has nothing of this kind to wait for: their counts are zero without a query.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.application_lifecycle import UNDECIDED
from influfinder.domain.enums import CollaborationStatus, UserType
from influfinder.models import Application, Collaboration, Offer, User
from influfinder.services import guards
from influfinder.services.actors import Actor

NOTHING = {"applicants": 0, "reviews": 0}


@dataclass(frozen=True)
class WaitingWork:
    applicants: int  # applications to the user's offers not yet accepted or rejected
    reviews: int  # collaborations whose submitted content the user has not approved yet


def my_waiting_work(db: Session, actor: Actor | None) -> WaitingWork:
    """The signed-in user's own to-dos (the door's entry point)."""
    return WaitingWork(**waiting_counts(db, guards.signed_in(actor).id))


def waiting_counts(db: Session, user_id: uuid.UUID) -> dict[str, int]:
    """{"applicants": n, "reviews": n} for a business or an agency; zeros for anyone else."""
    user_type = db.exec(select(User.user_type).where(User.id == user_id)).first()
    if user_type not in (UserType.BUSINESS, UserType.AGENCY):
        return dict(NOTHING)
    return {"applicants": _undecided_applications(db, user_id), "reviews": _content_to_review(db, user_id)}


def _undecided_applications(db: Session, business_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count()).select_from(Application).join(Offer, Offer.id == Application.offer_id)
        .where(Offer.business_id == business_id, Application.status.in_(UNDECIDED))
    ).one()


def _content_to_review(db: Session, business_id: uuid.UUID) -> int:
    """Submitted and not yet opened, or opened and neither approved nor sent back."""
    submitted = Collaboration.status == CollaborationStatus.CONTENT_SUBMITTED
    in_review = (Collaboration.status == CollaborationStatus.IN_REVIEW) & Collaboration.approved_at.is_(None)
    return db.exec(
        select(sa.func.count()).select_from(Collaboration)
        .where(Collaboration.business_id == business_id, submitted | in_review)
    ).one()
