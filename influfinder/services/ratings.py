"""Two-way ratings, and the completion they lead to.

After the business approves the content (approved_at set, still IN_REVIEW), each party rates the
other once: 1 to 5 stars and an optional written review of up to 2,000 characters. Double-blind:
neither sees what it received before rating too, or before the 14-day window closes
(domain/reputation.py; services/collaboration_views.py hides it, the notification keeps the stars). The rated party's profile
rating (the average of the ratings received, with the count) is recomputed in SQL at once. When
both have rated, the collaboration becomes COMPLETED in the same transaction, and the creator's
completed count, karma, tier and progress follow (services/standing.py).

If one side has not rated 7 days after approval, `complete_overdue` completes it anyway: the
periodic job `run_periodic_jobs` runs it. It is safe to run from several processes at once:
each completion is a conditional UPDATE, so a collaboration another process completed first is
skipped.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.database import session_scope
from influfinder.domain import collaboration_lifecycle as lifecycle
from influfinder.domain.enums import CollaborationStatus, NotificationType
from influfinder.domain.moments import as_utc
from influfinder.domain.transitions import CREATOR
from influfinder.i18n import N_, _
from influfinder.models import Collaboration, Offer
from influfinder.services import guards, standing
from influfinder.services.actors import Actor
from influfinder.services.domain_events import CollaborationChanged
from influfinder.services.collaborations import BUSINESS, SYSTEM_ACTOR, apply_transition, load
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.events import emit
from influfinder.services.notifications import notify
from influfinder.services.notification_text import params_for

log = logging.getLogger(__name__)

MAX_FEEDBACK = 2000
STARS = N_("Choose from 1 to 5 stars.")
NOT_YET = N_("You can rate once the content is approved.")
ALREADY = N_("You already rated this collaboration.")
BOTH_RATED = N_("Both parties have rated.")
OVERDUE = N_("Completed automatically: 7 days passed since approval without both ratings.")


def rate(db: Session, actor: Actor | None, collab_id: object, stars: object, feedback: object = "") -> None:
    """The actor rates the other party of an approved collaboration, once."""
    collab, role = load(db, actor, collab_id)
    if role not in (CREATOR, BUSINESS):
        raise NotAllowed("Only the two parties rate a collaboration.")
    stars, text = _stars(stars), _feedback(feedback)
    # The creator rates the business (business_rating: what the business received), and vice versa.
    rated = "business" if role == CREATOR else "creator"
    rated_id = collab.business_id if role == CREATOR else collab.creator_id
    result = db.exec(
        sa.update(Collaboration)
        .where(Collaboration.id == collab.id, Collaboration.status == CollaborationStatus.IN_REVIEW,
               Collaboration.approved_at.is_not(None), getattr(Collaboration, f"{rated}_rating").is_(None))
        .values(**{f"{rated}_rating": stars, f"{rated}_feedback": text or None},
                version=Collaboration.version + 1, updated_at=guards.now())
        .execution_options(synchronize_session=False)
    )
    db.refresh(collab)
    if result.rowcount != 1:
        raise ServiceError(ALREADY if getattr(collab, f"{rated}_rating") is not None else NOT_YET)
    standing.lock_profiles(db, [collab.creator_id, collab.business_id])
    standing.refresh_rating(db, rated_id)
    _tell_rated(db, collab, actor, rated_id, stars)
    emit(db, CollaborationChanged(collab.id))  # the rating shows on the other party's page
    if collab.creator_rating is not None and collab.business_rating is not None:
        apply_transition(db, collab.id, lifecycle.COMPLETE, SYSTEM_ACTOR, BOTH_RATED)


def _stars(value: object) -> int:
    # type() and not isinstance(): True is an int to Python, and must not count as one star.
    if type(value) is not int or not 1 <= value <= 5:
        raise ServiceError(STARS, "stars")
    return value


def _feedback(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError("Feedback must be text.", "feedback")
    text = value.strip()
    if len(text) > MAX_FEEDBACK:
        raise ServiceError(_("Keep the feedback under {MAX_FEEDBACK:,} characters.").format(MAX_FEEDBACK=MAX_FEEDBACK), "feedback")
    return text


def _tell_rated(db: Session, collab: Collaboration, actor: Actor, rated_id: uuid.UUID, stars: int) -> None:
    title = db.exec(select(Offer.title).where(Offer.id == collab.offer_id)).one()
    # Double-blind (domain/reputation.py): the stars are told only once both sides have rated.
    both = collab.creator_rating is not None and collab.business_rating is not None
    params = (params_for("rating_received", title=title, name=actor.display_name, stars=stars) if both
              else params_for("rating_received_blind", title=title, name=actor.display_name))
    notify(db, rated_id, NotificationType.RATING_RECEIVED, params=params, offer_id=collab.offer_id,
           collaboration_id=collab.id, related_user_id=actor.id)


# ---- the periodic job ----------------------------------------------------------------------------


def overdue_ids(db: Session, now: datetime) -> list[uuid.UUID]:
    """Approved at least 7 days ago, still waiting for a rating."""
    cutoff = _utc(now) - lifecycle.RATING_WINDOW
    return list(db.exec(
        select(Collaboration.id)
        .where(Collaboration.status == CollaborationStatus.IN_REVIEW, Collaboration.approved_at.is_not(None),
               Collaboration.approved_at <= cutoff,
               sa.or_(Collaboration.creator_rating.is_(None), Collaboration.business_rating.is_(None)))
        .order_by(Collaboration.approved_at, Collaboration.id)
    ).all())


def complete_overdue(db: Session, now: datetime) -> int:
    """Complete every overdue collaboration; returns how many this call completed."""
    done = 0
    for collab_id in overdue_ids(db, now):
        try:
            apply_transition(db, collab_id, lifecycle.COMPLETE, SYSTEM_ACTOR, OVERDUE)
        except ServiceError as refused:  # completed or disputed meanwhile, by a rating or another process
            log.info("collaboration %s not completed by the periodic job: %s", collab_id, refused.message)
            continue
        done += 1
    return done


def run_periodic_jobs() -> int:
    """What the app schedules (hourly is plenty): idempotent, and safe with several processes."""
    with session_scope() as db:
        return complete_overdue(db, datetime.now(timezone.utc))


def _utc(moment: datetime) -> datetime:
    if not isinstance(moment, datetime):
        raise TypeError("now must be a datetime")
    return as_utc(moment)
