"""What the open pages are told, published on the bus after a commit.

A user's news goes to the channel of the one user it is for (`user:<id>`) and says what changed:

    {"kind": "notification", "user_id", "seq", "counts", "notification": {id, type, title, link}}
    {"kind": "message", "user_id", "seq", "with", "message": {...}, "counts"?}   (to both parties)
    {"kind": "read", "user_id", "seq", "with", "read_at"}                       (to the sender)
    {"kind": "counts", "user_id", "seq", "counts"}

`seq` numbers the user's live updates 1, 2, 3... (`live_sequences` in the database, so a Redis
restart cannot reset it). A page applies update n+1 after n; a page that sees a bigger jump missed
one and reloads what it shows from the database (`snapshot`); a number it has seen is a duplicate.
`counts` are the user's unread notifications and messages and, for a business, the applicants
and content waiting for them (services/waiting_work), counted in the transaction that took the
number: a later number never carries older counts.

A change to a collaboration (a move, a rating, a submission, an analysis result) goes to the
collaboration's own channel (`collaboration:<id>`) as `{"kind": "changed", "collaboration_id"}`:
every page showing it (either party's, an admin's) reloads it from the database, as its viewer.
The event carries nothing else, so nothing private travels on the bus.

Each function here is a subscriber of a domain event (services/domain_events.py), registered by
`install()` at start-up; it runs after the commit, in the effects' worker thread, in its own session.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.database import session_scope
from influfinder.domain.moments import as_utc
from influfinder.integrations import bus
from influfinder.models import Collaboration, ContentSubmission, LiveSequence, Message
from influfinder.services import messages, waiting_work
from influfinder.services.actors import Actor
from influfinder.services.domain_events import (
    AnalysisFinished, CollaborationChanged, CountsChanged, MessageSent, MessagesRead, NotificationCreated,
)
from influfinder.services.errors import ServiceError
from influfinder.services.events import subscribe, unsubscribe


def user_channel(user_id: uuid.UUID | str) -> str:
    return f"user:{user_id}"


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
    return {"seq": seq, "counts": live_counts(db, user_id)}


def live_counts(db: Session, user_id: uuid.UUID) -> dict[str, int]:
    """Every number the navbar shows: unread notifications and messages, applicants, content to review."""
    return {**messages.unread_counts(db, user_id), **waiting_work.waiting_counts(db, user_id)}


@dataclass(frozen=True)
class PageSnapshot:
    """Whose page it is ("" for nobody signed in), the number of their last live update, their counts."""

    user_id: str
    seq: int
    counts: dict[str, int]


NOBODY = PageSnapshot("", 0, {"notifications": 0, "messages": 0, **waiting_work.NOTHING})


def page_snapshot(db: Session, actor: Actor | None) -> PageSnapshot:
    """What a page loads (and catches up to): the counts, as new as the number that comes with them."""
    if actor is None:
        return NOBODY
    taken = snapshot(db, actor.id)
    return PageSnapshot(str(actor.id), taken["seq"], taken["counts"])


def catch_up(db: Session, actor: Actor | None, chat_with: str, shown: list[str],
             limit: int = 300) -> tuple[PageSnapshot, list[messages.MessageView]]:
    """For a page that missed updates: the snapshot, then the open chat's messages back to one the
    page shows (read after the snapshot: never older than its number), at most `limit`."""
    taken = page_snapshot(db, actor)
    if actor is None or not chat_with:
        return taken, []
    known, lines = set(shown), []
    try:
        view = messages.chat(db, actor, chat_with)
        lines = view.messages
        while view.has_older and known and not known & {m.id for m in lines} and len(lines) < limit:
            view = messages.chat(db, actor, chat_with, before_id=lines[0].id)
            lines = [*view.messages, *lines]
    except ServiceError:  # they can no longer talk: the chat keeps what it shows
        lines = []
    return taken, lines


def _publish(user_id: uuid.UUID, kind: str, *, with_counts: bool = False, **fields: Any) -> None:
    """Number the update, count if asked (in the same transaction), commit, then publish."""
    with session_scope() as db:
        seq = next_sequence(db, user_id)
        if with_counts:
            fields["counts"] = live_counts(db, user_id)
    bus.publish(user_channel(user_id), {"kind": kind, "user_id": str(user_id), "seq": seq, **fields})


def notification_created(event: NotificationCreated) -> None:
    """The bell of every open page of the user goes up."""
    note = {"id": str(event.id), "type": event.type.value, "title": event.title, "link": event.link}
    _publish(event.user_id, "notification", with_counts=True, notification=note)


def message_sent(event: MessageSent) -> None:
    """The recipient's pages get the message and their counts; the sender's other tabs get it too."""
    with session_scope() as db:
        row = db.get(Message, event.message_id)
        if row is None:  # deleted meanwhile (its sender's account went)
            return
        received, sent = messages.message_view(row, row.recipient_id), messages.message_view(row, row.sender_id)
    _publish(row.recipient_id, "message", with_counts=True, **{"with": str(row.sender_id)}, message=payload(received))
    _publish(row.sender_id, "message", **{"with": str(row.recipient_id)}, message=payload(sent))


def messages_read(event: MessagesRead) -> None:
    """Read receipts for the sender's open chat; new counts for the reader's other tabs."""
    _publish(event.sender_id, "read", **{"with": str(event.reader_id)}, read_at=event.read_at.isoformat())
    _counts(event.reader_id)


def counts_changed(event: CountsChanged) -> None:
    """After anything that changes a user's counts (marking read, deleting, deciding an application)."""
    _counts(event.user_id)


def _counts(user_id: uuid.UUID) -> None:
    _publish(user_id, "counts", with_counts=True)


def collaboration_channel(collab_id: uuid.UUID | str) -> str:
    return f"collaboration:{collab_id}"


def collaboration_changed(event: CollaborationChanged) -> None:
    """Every open page showing the collaboration reloads it; the business's "to review" count follows."""
    _reload_collaboration(event.collaboration_id)
    with session_scope() as db:
        business_id = db.exec(select(Collaboration.business_id)
                              .where(Collaboration.id == event.collaboration_id)).first()
    if business_id is not None:
        _counts(business_id)


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
