"""What the open pages are told, published on the bus after a commit.

A user's news goes to the channel of the one user it is for (`user:<id>`) and says what changed:

    {"kind": "notification", "user_id", "seq", "counts", "notification": {id, type, title, link}}
    {"kind": "message", "user_id", "seq", "with", "message": {...}, "counts"?}   (to both parties)
    {"kind": "read", "user_id", "seq", "with", "read_at"}                       (to the sender)
    {"kind": "counts", "user_id", "seq", "counts"}

`seq` numbers the user's live updates 1, 2, 3... (`live_sequences` in the database, so a Redis
restart cannot reset it). A page applies update n+1 after n; a page that sees a bigger jump missed
one and reloads what it shows from the database (`snapshot`); a number it has seen is a duplicate.
`counts` are the user's unread notifications and messages, counted in the transaction that took
the number: a later number never carries older counts.

A change to a collaboration (a move, a rating, a submission, an analysis result) goes to the
collaboration's own channel (`collaboration:<id>`) as `{"kind": "changed", "collaboration_id"}`:
every page showing it (either party's, an admin's) reloads it from the database, as its viewer.
The event carries nothing else, so nothing private travels on the bus.

Each function here runs in the effects' worker thread (services/effects.after_commit) and opens
its own session.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.database import session_scope
from influfinder.domain.moments import as_utc
from influfinder.integrations import bus
from influfinder.models import ContentSubmission, LiveSequence, Message, Notification
from influfinder.services import notifications
from influfinder.services.effects import after_commit_once


def user_channel(user_id: uuid.UUID | str) -> str:
    return f"user:{user_id}"


def unread_messages(db: Session, user_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count()).select_from(Message)
        .where(Message.recipient_id == user_id, Message.is_read.is_(False))
    ).one()


def unread_notifications(db: Session, user_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count()).select_from(Notification)
        .where(Notification.user_id == user_id, Notification.is_read.is_(False))
    ).one()


def counts(db: Session, user_id: uuid.UUID) -> dict[str, int]:
    return {"notifications": unread_notifications(db, user_id), "messages": unread_messages(db, user_id)}


def next_sequence(db: Session, user_id: uuid.UUID) -> int:
    """The user's next live-update number. Its row stays locked until `db` commits, so the
    transactions numbering one user's updates run one after the other."""
    statement = _dialect(db).insert(LiveSequence).values(user_id=user_id, last=1)
    statement = statement.on_conflict_do_update(
        index_elements=[LiveSequence.user_id], set_={"last": LiveSequence.last + 1}
    ).returning(LiveSequence.last)
    return db.exec(statement).scalar_one()


def _dialect(db: Session):
    return postgresql if db.get_bind().dialect.name == "postgresql" else sqlite


def current_sequence(db: Session, user_id: uuid.UUID) -> int:
    return db.exec(select(LiveSequence.last).where(LiveSequence.user_id == user_id)).first() or 0


def sequences(db: Session, user_ids: list[uuid.UUID]) -> dict[str, int]:
    """The last number of each of these users (those never sent an update are left out)."""
    rows = db.exec(select(LiveSequence.user_id, LiveSequence.last).where(LiveSequence.user_id.in_(user_ids)))
    return {str(user_id): last for user_id, last in rows}


def snapshot(db: Session, user_id: uuid.UUID) -> dict[str, Any]:
    """What a page catches up from: the last number, then the counts.

    The number is read under its row's lock, so an update being numbered right now is waited for
    (its counts may be older than the ones read here: it must not look newer). Every later number
    then carries counts read after these.
    """
    db.exec(_dialect(db).insert(LiveSequence).values(user_id=user_id, last=0).on_conflict_do_nothing())
    seq = db.exec(select(LiveSequence.last).where(LiveSequence.user_id == user_id).with_for_update()).one()
    return {"seq": seq, "counts": counts(db, user_id)}


def _publish(user_id: uuid.UUID, kind: str, *, with_counts: bool = False, **fields: Any) -> None:
    """Number the update, count if asked (in the same transaction), commit, then publish."""
    with session_scope() as db:
        seq = next_sequence(db, user_id)
        if with_counts:
            fields["counts"] = counts(db, user_id)
    bus.publish(user_channel(user_id), {"kind": kind, "user_id": str(user_id), "seq": seq, **fields})


def notification_hook(event: notifications.Delivered) -> None:
    """The notifications service's hook: the bell of every open page of the user goes up."""
    note = {"id": str(event.id), "type": event.type.value, "title": event.title, "link": event.link}
    _publish(event.user_id, "notification", with_counts=True, notification=note)


def message_sent(message_id: uuid.UUID) -> None:
    """The recipient's pages get the message and their counts; the sender's other tabs get it too."""
    from influfinder.services.messages import message_view

    with session_scope() as db:
        row = db.get(Message, message_id)
        if row is None:  # deleted meanwhile (its sender's account went)
            return
        received, sent = message_view(row, row.recipient_id), message_view(row, row.sender_id)
    _publish(row.recipient_id, "message", with_counts=True, **{"with": str(row.sender_id)}, message=payload(received))
    _publish(row.sender_id, "message", **{"with": str(row.recipient_id)}, message=payload(sent))


def messages_read(reader_id: uuid.UUID, sender_id: uuid.UUID, read_at: datetime) -> None:
    """Read receipts for the sender's open chat; new counts for the reader's other tabs."""
    _publish(sender_id, "read", **{"with": str(reader_id)}, read_at=read_at.isoformat())
    counts_changed(reader_id)


def counts_changed(user_id: uuid.UUID) -> None:
    """After anything that changes a user's unread counts (marking read, deleting)."""
    _publish(user_id, "counts", with_counts=True)


def collaboration_channel(collab_id: uuid.UUID | str) -> str:
    return f"collaboration:{collab_id}"


def collaboration_changed(collab_id: uuid.UUID) -> None:
    """Every open page showing the collaboration reloads it."""
    bus.publish(collaboration_channel(collab_id), {"kind": "changed", "collaboration_id": str(collab_id)})


def after_collaboration_change(db: Session, collab_id: uuid.UUID) -> None:
    """In the transaction that changes a collaboration: its pages reload once it commits (once per commit)."""
    after_commit_once(db, collaboration_changed, collab_id)


def analysis_finished(submission_id: uuid.UUID) -> None:
    """The analysis service's hook: the result (or the failure) shows on the collaboration's pages."""
    with session_scope() as db:
        collab_id = db.exec(select(ContentSubmission.collaboration_id)
                            .where(ContentSubmission.id == submission_id)).first()
    if collab_id is not None:
        collaboration_changed(collab_id)


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


def _hooks() -> tuple:
    from influfinder.services import analysis  # it imports this module (through collaborations)

    return (notifications.on_notification, notification_hook), (analysis.on_analysis_finished, analysis_finished)


def install() -> None:
    """Register the live push with the notifications and analysis services (idempotent)."""
    for hooks, hook in _hooks():
        if hook not in hooks:
            hooks.append(hook)


def uninstall() -> None:
    for hooks, hook in _hooks():
        while hook in hooks:
            hooks.remove(hook)
