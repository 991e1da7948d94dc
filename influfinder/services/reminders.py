"""The hourly reminders: a visit tomorrow, a visit today, content late (domain/reminders.py).

Each reminder goes to both parties as a notification (and, through the notification's mail hook,
by email unless they turned it off), once per collaboration and kind. "Once" holds across processes
running the job at the same moment: the reminder's row (collaboration, kind) is inserted or nothing
in the transaction that writes the notifications, and only the transaction whose insert took writes
them. On PostgreSQL the second insert waits for the first transaction and then does nothing; the
mails leave only after the commit (services/effects.py), so a rolled-back round sends nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.database import session_scope
from influfinder.domain import reminders as rule
from influfinder.domain.enums import CollaborationStatus, NotificationType
from influfinder.domain.moments import as_utc, as_utc_or_none
from influfinder.domain.venues import zone_or_default
from influfinder.models import Collaboration, CollaborationReminder, Offer
from influfinder.services.collaboration_views import display_names
from influfinder.services.notification_text import params_for
from influfinder.services.notifications import notify

VISIT_LOOKAHEAD = timedelta(days=2)  # the day before starts at most ~39 hours before a visit, in any zone
# The words for each kind, as (creator's text, business's text) in services/notification_text.py.
TEXTS = {
    rule.DAY_BEFORE: ("reminder_tomorrow_creator", "reminder_tomorrow_business"),
    rule.VISIT_DAY: ("reminder_today_creator", "reminder_today_business"),
    rule.CONTENT_LATE: ("reminder_late_creator", "reminder_late_business"),
}


def send_due(now: datetime | None = None) -> int:
    """The hourly job: every reminder due, each in its own short transaction (a second process
    waits on one row at a time, never on a whole round). How many this call sent."""
    now = now or datetime.now(timezone.utc)
    with session_scope() as db:
        found = due(db, now)
    sent = 0
    for collab_id, kind in found:
        with session_scope() as db:
            sent += send(db, collab_id, kind, now)
    return sent


def due(db: Session, now: datetime) -> list[tuple[uuid.UUID, str]]:
    """(collaboration id, kind) of every reminder due now and not sent yet."""
    soon = sa.and_(Collaboration.status == CollaborationStatus.SCHEDULED,
                   Collaboration.schedule_confirmed_at.is_not(None),
                   Collaboration.scheduled_date > now, Collaboration.scheduled_date <= now + VISIT_LOOKAHEAD)
    already_late = sa.exists().where(CollaborationReminder.collaboration_id == Collaboration.id,
                                     CollaborationReminder.kind == rule.CONTENT_LATE)
    # Late content stays late for good: those already reminded are not read again every hour.
    late = sa.and_(Collaboration.status == CollaborationStatus.VISITED, Offer.content_deadline < now, ~already_late)
    rows = db.exec(select(Collaboration, Offer.city, Offer.content_deadline)
                   .join(Offer, Offer.id == Collaboration.offer_id).where(sa.or_(soon, late))
                   .order_by(Collaboration.id)).all()
    sent = _sent(db, [collab.id for collab, _city, _deadline in rows])
    found = []
    for collab, city, deadline in rows:
        kind = _kind_due(collab, city, deadline, now)
        if kind is not None and (collab.id, kind) not in sent:
            found.append((collab.id, kind))
    return found


def _sent(db: Session, ids: list[uuid.UUID]) -> set[tuple[uuid.UUID, str]]:
    if not ids:
        return set()
    rows = db.exec(select(CollaborationReminder.collaboration_id, CollaborationReminder.kind)
                   .where(CollaborationReminder.collaboration_id.in_(ids))).all()
    return {(collab_id, kind) for collab_id, kind in rows}


def send(db: Session, collab_id: uuid.UUID, kind: str, now: datetime) -> bool:
    """Record the reminder and notify both parties, or do nothing if it was already recorded (by
    this process earlier, or by another one now) or is no longer due (the visit was marked since the
    round read it). True when this call sent it."""
    collab = db.get(Collaboration, collab_id)
    offer = db.get(Offer, collab.offer_id) if collab else None
    if offer is None or _kind_due(collab, offer.city, offer.content_deadline, now) != kind or not _claim(db, collab_id, kind, now):
        return False
    names = display_names(db, [collab.creator_id, collab.business_id])
    moments = {"deadline_at": as_utc(offer.content_deadline)} if kind == rule.CONTENT_LATE else \
        {"visit_at": as_utc(collab.scheduled_date)}
    creator_text, business_text = TEXTS[kind]
    for user_id, text, other in ((collab.creator_id, creator_text, collab.business_id),
                                 (collab.business_id, business_text, collab.creator_id)):
        notify(db, user_id, NotificationType.COLLABORATION_REMINDER, collaboration_id=collab.id, offer_id=offer.id,
               related_user_id=other, params=params_for(text, title=offer.title, name=names.get(other, ""),
                                                        zone=zone_or_default(offer.city), **moments))
    return True


def _kind_due(collab: Collaboration, offer_city: str, deadline: datetime | None, now: datetime) -> str | None:
    return rule.reminder_due(rule.ReminderFacts(
        collab.status, collab.schedule_confirmed_at is not None, as_utc_or_none(collab.scheduled_date),
        as_utc_or_none(deadline)), now, zone_or_default(offer_city))


def _claim(db: Session, collab_id: uuid.UUID, kind: str, now: datetime) -> bool:
    """Insert the reminder's row or nothing: one statement, so two processes cannot both insert."""
    dialect = postgresql if db.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(CollaborationReminder).values(collaboration_id=collab_id, kind=kind, sent_at=now)
    # RETURNING says whether the row went in: a driver's rowcount for ON CONFLICT DO NOTHING is not reliable.
    claimed = statement.on_conflict_do_nothing(index_elements=["collaboration_id", "kind"]).returning(
        CollaborationReminder.kind)
    return db.execute(claimed).first() is not None
