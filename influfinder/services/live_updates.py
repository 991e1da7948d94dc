"""What the open pages are told, published on the bus after a commit.

A user's news goes to the channel of the one user it is for (`user:<id>`) and says what changed:

    {"kind": "notification", "user_id", "counts", "at", "notification": {id, type, title, link}}
    {"kind": "message", "user_id", "with", "message": {...}, "counts"?, "at"?}   (to both parties)
    {"kind": "read", "user_id", "with", "read_at"}                             (to the sender)
    {"kind": "counts", "user_id", "counts", "at"}

`counts` are the user's unread notifications and messages, counted after the commit; `at` orders
them, so a page never goes back to an older count that arrives late.

A change to a collaboration (a move, a rating, a submission, an analysis result) goes to the
collaboration's own channel (`collaboration:<id>`) as `{"kind": "changed", "collaboration_id"}`:
every page showing it (either party's, an admin's) reloads it from the database, as its viewer.
The event carries nothing else, so nothing private travels on the bus.

Each function here is a subscriber of a domain event (services/domain_events.py), registered by
`install()` at start-up; it runs after the commit, in the effects' worker thread, in its own session.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from influfinder.database import session_scope
from influfinder.domain.moments import as_utc
from influfinder.integrations import bus
from influfinder.models import ContentSubmission, Message
from influfinder.services import messages
from influfinder.services.domain_events import (
    AnalysisFinished, CollaborationChanged, CountsChanged, MessageSent, MessagesRead, NotificationCreated,
)
from influfinder.services.events import subscribe, unsubscribe


def user_channel(user_id: uuid.UUID | str) -> str:
    return f"user:{user_id}"


def _publish(user_id: uuid.UUID, kind: str, **fields: Any) -> None:
    bus.publish(user_channel(user_id), {"kind": kind, "user_id": str(user_id), **fields})


def _stamp(db: Session, user_id: uuid.UUID) -> dict[str, Any]:
    return {"counts": messages.unread_counts(db, user_id), "at": time.time_ns()}


def notification_created(event: NotificationCreated) -> None:
    """The bell of every open page of the user goes up."""
    with session_scope() as db:
        stamp = _stamp(db, event.user_id)
    note = {"id": str(event.id), "type": event.type.value, "title": event.title, "link": event.link}
    _publish(event.user_id, "notification", notification=note, **stamp)


def message_sent(event: MessageSent) -> None:
    """The recipient's pages get the message and their counts; the sender's other tabs get it too."""
    with session_scope() as db:
        row = db.get(Message, event.message_id)
        if row is None:  # deleted meanwhile (its sender's account went)
            return
        stamp = _stamp(db, row.recipient_id)
        received, sent = messages.message_view(row, row.recipient_id), messages.message_view(row, row.sender_id)
    _publish(row.recipient_id, "message", **{"with": str(row.sender_id)}, message=payload(received), **stamp)
    _publish(row.sender_id, "message", **{"with": str(row.recipient_id)}, message=payload(sent))


def messages_read(event: MessagesRead) -> None:
    """Read receipts for the sender's open chat; new counts for the reader's other tabs."""
    _publish(event.sender_id, "read", **{"with": str(event.reader_id)}, read_at=event.read_at.isoformat())
    _counts(event.reader_id)


def counts_changed(event: CountsChanged) -> None:
    """After anything that changes a user's unread counts (marking read, deleting)."""
    _counts(event.user_id)


def _counts(user_id: uuid.UUID) -> None:
    with session_scope() as db:
        stamp = _stamp(db, user_id)
    _publish(user_id, "counts", **stamp)


def collaboration_channel(collab_id: uuid.UUID | str) -> str:
    return f"collaboration:{collab_id}"


def collaboration_changed(event: CollaborationChanged) -> None:
    """Every open page showing the collaboration reloads it."""
    _reload_collaboration(event.collaboration_id)


def _reload_collaboration(collab_id: uuid.UUID) -> None:
    bus.publish(collaboration_channel(collab_id), {"kind": "changed", "collaboration_id": str(collab_id)})


def analysis_finished(event: AnalysisFinished) -> None:
    """The result (or the failure) shows on the collaboration's pages."""
    with session_scope() as db:
        collab_id = db.exec(select(ContentSubmission.collaboration_id)
                            .where(ContentSubmission.id == event.submission_id)).first()
    if collab_id is not None:
        _reload_collaboration(collab_id)


def payload(view) -> dict[str, Any]:
    """A view dataclass as JSON-ready data (datetimes as ISO 8601)."""
    return {k: _plain(v) for k, v in asdict(view).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


SUBSCRIPTIONS = (
    (NotificationCreated, notification_created), (MessageSent, message_sent), (MessagesRead, messages_read),
    (CountsChanged, counts_changed), (CollaborationChanged, collaboration_changed),
    (AnalysisFinished, analysis_finished),
)


def install() -> None:
    """Subscribe the live push to the events it tells open pages about (idempotent)."""
    for event_type, handler in SUBSCRIPTIONS:
        subscribe(event_type, handler)


def uninstall() -> None:
    for event_type, handler in SUBSCRIPTIONS:
        unsubscribe(event_type, handler)
