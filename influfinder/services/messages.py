"""Direct messages between two people who work together, so no inbox can be spammed.

Two users may write to each other when they share an application (one applied to the other's
offer) or a collaboration, in either direction; admins may write to anyone, and whoever got a
message may answer it. Senders must have confirmed their email, may send 30 messages a minute,
and write 1 to 4,000 characters (a message with files may have no text).

Reads are for the two parties only: a chat is opened with the other person, so there is no
conversation id to guess; a cursor from another conversation, an unknown person and a stranger
all get the same "not found". After a message commits, a MessageSent event tells the recipient's
open pages, and a MESSAGE_RECEIVED notification waits in their bell (one unread at a time per
sender, so a burst of messages does not bury the other notifications).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import NotificationType
from influfinder.i18n import N_, ngettext
from influfinder.integrations.rate_limit import limiter
from influfinder.models import Application, Collaboration, Message, Notification, Offer, Profile, User
from influfinder.models import conversation_key
from influfinder.services import guards, message_files, notifications
from influfinder.services.actors import Actor, require_verified
from influfinder.services.domain_events import MessageSent, MessagesRead
from influfinder.services.errors import NotAllowed, RateLimited, ServiceError
from influfinder.services.events import emit
from influfinder.services.notifications import notify
from influfinder.services.pagination import Page
from influfinder.services.notification_text import params_for
from influfinder.services.shared_work import SharedWork, shared_with

MAX_CHARS = 4000
PAGE = 30  # messages per chat page
PREVIEW_CHARS = 140
RATE_RULE = "messages"
NOT_FOUND = N_("We could not find that conversation.")
STRANGER = N_("You can message people you share an application or a collaboration with.")
EMPTY = N_("Write a message.")
TOO_LONG = f"A message can be at most {MAX_CHARS:,} characters."
SELF = N_("You cannot message yourself.")
ATTACHMENT_ROUTE = "/media/attachments/{message_id}/{name}"
AVATAR_ROUTE = "/media/avatars/{name}"
CHAT_ROUTE = "/messages/{id}"


@dataclass(frozen=True)
class AttachmentView:
    name: str
    url: str
    content_type: str
    is_image: bool
    size: int


@dataclass(frozen=True)
class MessageView:
    id: str
    sender_id: str
    mine: bool
    text: str
    created_at: datetime
    is_read: bool
    read_at: datetime | None
    attachments: list[AttachmentView] = field(default_factory=list)


@dataclass(frozen=True)
class PersonView:
    id: str
    username: str
    display_name: str
    avatar_url: str


@dataclass(frozen=True)
class ConversationView:
    other: PersonView
    last_text: str
    last_from_me: bool
    last_at: datetime
    unread: int
    link: str
    about: SharedWork | None = None  # the offer the two work on, latest first


@dataclass(frozen=True)
class ChatView:
    other: PersonView
    messages: list[MessageView]  # oldest first
    has_older: bool
    can_send: bool
    about: SharedWork | None = None  # the application or collaboration the chat is about


# ---- sending --------------------------------------------------------------------------------------


def send(db: Session, actor: Actor | None, recipient_id: object, text: object, attachments: object = ()) -> MessageView:
    """Store one message from the actor; the recipient's pages hear of it after the commit."""
    actor = guards.signed_in(actor)
    require_verified(actor)
    other = _person(db, recipient_id, STRANGER)
    if other.id == actor.id:
        raise ServiceError(SELF)
    if not may_message(db, actor, other.id):
        raise NotAllowed(STRANGER)
    body = _text(text, has_files=message_files.given(attachments))
    _throttle(actor)
    stored = message_files.store(message_files.check(attachments))
    try:
        row = _record(db, actor, other.id, body, stored)
    except BaseException:
        message_files.discard(stored)
        raise
    message_files.discard_on_rollback(db, stored)
    return message_view(row, actor.id)


def may_message(db: Session, sender: Actor, recipient_id: uuid.UUID) -> bool:
    """An admin, a shared application or collaboration (either way round), or an answer."""
    if sender.is_admin:
        return True
    a, b = sender.id, recipient_id
    applied = (
        select(Application.id).join(Offer, Offer.id == Application.offer_id)
        .where(sa.or_(sa.and_(Application.creator_id == a, Offer.business_id == b),
                      sa.and_(Application.creator_id == b, Offer.business_id == a)))
    )
    collaborate = select(Collaboration.id).where(
        sa.or_(sa.and_(Collaboration.creator_id == a, Collaboration.business_id == b),
               sa.and_(Collaboration.creator_id == b, Collaboration.business_id == a))
    )
    answer = select(Message.id).where(Message.sender_id == b, Message.recipient_id == a)
    return bool(db.exec(select(sa.or_(applied.exists(), collaborate.exists(), answer.exists()))).one())


def _text(value: object, *, has_files: bool) -> str:
    if not isinstance(value, str):
        raise ServiceError(EMPTY, "text")
    # PostgreSQL refuses NUL in text; it carries nothing a person wrote.
    text = value.replace("\x00", "").strip()
    if not text and not has_files:
        raise ServiceError(EMPTY, "text")
    if len(text) > MAX_CHARS:
        raise ServiceError(TOO_LONG, "text")
    return text


def _throttle(actor: Actor) -> None:
    decision = limiter().hit(RATE_RULE, str(actor.id))
    if not decision.allowed:
        seconds = decision.retry_after_s
        raise RateLimited(ngettext("You can send 30 messages a minute. Wait {seconds} second and try again.",
                                   "You can send 30 messages a minute. Wait {seconds} seconds and try again.",
                                   seconds).format(seconds=seconds), "text", retry_after=seconds)


def _record(db: Session, actor: Actor, recipient_id: uuid.UUID, body: str, stored: list[dict]) -> Message:
    row = Message(conversation_key=conversation_key(actor.id, recipient_id), sender_id=actor.id,
                  recipient_id=recipient_id, content=body, attachments=stored)
    db.add(row)
    db.flush()
    _notify_once(db, actor, recipient_id, body, stored)
    emit(db, MessageSent(row.id))
    return row


def _notify_once(db: Session, actor: Actor, recipient_id: uuid.UUID, body: str, stored: list[dict]) -> None:
    waiting = db.exec(
        select(Notification.id).where(
            Notification.user_id == recipient_id, Notification.type == NotificationType.MESSAGE_RECEIVED,
            Notification.related_user_id == actor.id, Notification.is_read.is_(False),
        ).limit(1)
    ).first()
    if waiting is None:
        notify(db, recipient_id, NotificationType.MESSAGE_RECEIVED,
               params=params_for("message_received", name=actor.display_name, preview=preview(body, stored)),
               related_user_id=actor.id)


def preview(body: str, stored: list[dict]) -> str:
    if body:
        return body if len(body) <= PREVIEW_CHARS else body[: PREVIEW_CHARS - 1].rstrip() + "…"
    photos = sum(1 for item in stored if item["type"].startswith("image/"))
    return "Sent a photo." if photos else "Sent a document."


# ---- reading ---------------------------------------------------------------------------------------


def conversations(db: Session, actor: Actor | None, page: object = 1, page_size: object = 20) -> Page[ConversationView]:
    """One row per person the actor has messages with: last message, its time, unread count; newest first."""
    actor = guards.signed_in(actor)
    page, page_size = guards.paging(page, page_size, max_size=50)
    mine = sa.or_(Message.sender_id == actor.id, Message.recipient_id == actor.id)
    total = db.exec(select(sa.func.count(sa.distinct(Message.conversation_key))).where(mine)).one()
    latest = _latest_per_conversation(actor.id, mine)
    rows = db.exec(
        select(latest, User.username, Profile.display_name, Profile.avatar_path)
        .join(User, User.id == latest.c.other_id)
        .join(Profile, Profile.user_id == User.id, isouter=True)
        .where(latest.c.position == 1)
        .order_by(latest.c.created_at.desc(), latest.c.id.desc())
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    about = shared_with(db, actor.id, [r.other_id for r in rows])
    return Page([_conversation(r, actor.id, about.get(r.other_id)) for r in rows], total, page, page_size)


def _latest_per_conversation(me: uuid.UUID, mine):
    """Each of the actor's messages, numbered newest first within its conversation, with the unread count."""
    other = sa.case((Message.sender_id == me, Message.recipient_id), else_=Message.sender_id)
    unread = sa.case((sa.and_(Message.recipient_id == me, Message.is_read.is_(False)), 1), else_=0)
    by_conversation = {"partition_by": Message.conversation_key}
    return (
        select(
            Message.id, Message.sender_id, Message.content, Message.attachments, Message.created_at,
            other.label("other_id"),
            sa.func.row_number().over(**by_conversation, order_by=(Message.created_at.desc(), Message.id.desc()))
            .label("position"),
            sa.func.sum(unread).over(**by_conversation).label("unread"),
        )
        .where(mine)
        .subquery()
    )


def _conversation(row, me: uuid.UUID, about: SharedWork | None) -> ConversationView:
    other = PersonView(str(row.other_id), row.username, row.display_name or row.username, avatar_url(row.avatar_path))
    return ConversationView(
        other=other, last_text=preview(row.content, row.attachments or []), last_from_me=row.sender_id == me,
        last_at=row.created_at, unread=int(row.unread or 0), link=CHAT_ROUTE.format(id=other.id), about=about,
    )


def chat(db: Session, actor: Actor | None, other_user_id: object, before_id: object = None,
         limit: object = PAGE) -> ChatView:
    """The newest `limit` messages with one person (older ones: pass the oldest shown as before_id)."""
    actor = guards.signed_in(actor)
    other = _person(db, other_user_id, NOT_FOUND)
    key = conversation_key(actor.id, other.id)
    can_send = actor.is_verified and other.id != actor.id and may_message(db, actor, other.id)
    if not can_send and not _any_message(db, key):
        raise NotAllowed(NOT_FOUND)
    _, limit = guards.paging(1, limit)
    query = select(Message).where(Message.conversation_key == key)
    if before_id is not None:
        cursor = _cursor(db, before_id, key)
        query = query.where(sa.tuple_(Message.created_at, Message.id) < sa.tuple_(cursor.created_at, cursor.id))
    rows = db.exec(query.order_by(Message.created_at.desc(), Message.id.desc()).limit(limit + 1)).all()
    shown = list(reversed(rows[:limit]))
    about = shared_with(db, actor.id, [other.id]).get(other.id)
    return ChatView(_person_view(db, other), [message_view(r, actor.id) for r in shown], len(rows) > limit, can_send,
                    about)


def _cursor(db: Session, before_id: object, key: str) -> Message:
    row = db.get(Message, guards.object_id(before_id, NOT_FOUND))
    if row is None or row.conversation_key != key:
        raise NotAllowed(NOT_FOUND)
    return row


def _any_message(db: Session, key: str) -> bool:
    return db.exec(select(Message.id).where(Message.conversation_key == key).limit(1)).first() is not None


def mark_read(db: Session, actor: Actor | None, other_user_id: object) -> int:
    """Mark what the other person sent the actor as read (their read receipts); returns how many."""
    actor = guards.signed_in(actor)
    other_id = guards.object_id(other_user_id, NOT_FOUND)
    now = guards.now()
    result = db.exec(
        sa.update(Message)
        .where(Message.recipient_id == actor.id, Message.sender_id == other_id, Message.is_read.is_(False))
        .values(is_read=True, read_at=now)
    )
    # The bell's "new message" from this person is answered by reading the chat.
    db.exec(
        sa.update(Notification)
        .where(Notification.user_id == actor.id, Notification.type == NotificationType.MESSAGE_RECEIVED,
               Notification.related_user_id == other_id, Notification.is_read.is_(False))
        .values(is_read=True, read_at=now)
    )
    if result.rowcount:
        emit(db, MessagesRead(actor.id, other_id, now))
    return result.rowcount


def unread_count(db: Session, actor: Actor | None) -> int:
    return unread_for(db, guards.signed_in(actor).id)


def unread_for(db: Session, user_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count()).select_from(Message)
        .where(Message.recipient_id == user_id, Message.is_read.is_(False))
    ).one()


def unread_counts(db: Session, user_id: uuid.UUID) -> dict[str, int]:
    """The navbar's badges: unread notifications and messages."""
    return {"notifications": notifications.unread_for(db, user_id), "messages": unread_for(db, user_id)}


@dataclass(frozen=True)
class OpenChat:
    chat: ChatView
    counts: dict[str, int]  # after the chat was read


def open_chat(db: Session, actor: Actor | None, other_user_id: object) -> OpenChat:
    """The newest messages with one person, marked read, and the badges as they are then."""
    view = chat(db, actor, other_user_id)
    mark_read(db, actor, view.other.id)
    return OpenChat(view, unread_counts(db, guards.signed_in(actor).id))


# ---- attachments (served by api/message_routes.py) ------------------------------------------------


def attachment_for(db: Session, actor: Actor | None, message_id: object, name: object) -> dict | None:
    """The stored file's record when the actor sent or received the message; None otherwise."""
    if actor is None or not isinstance(name, str):
        return None
    try:
        key_id = guards.object_id(message_id, NOT_FOUND)
    except NotAllowed:
        return None
    row = db.get(Message, key_id)
    if row is None or actor.id not in (row.sender_id, row.recipient_id):
        return None
    wanted = f"{message_files.FOLDER}/{name}"
    return next((item for item in row.attachments if item.get("key") == wanted), None)


# ---- views -----------------------------------------------------------------------------------------


def message_view(row: Message, viewer_id: uuid.UUID) -> MessageView:
    return MessageView(
        id=str(row.id), sender_id=str(row.sender_id), mine=row.sender_id == viewer_id, text=row.content,
        created_at=row.created_at, is_read=row.is_read, read_at=row.read_at,
        attachments=[_attachment_view(row.id, item) for item in row.attachments or []],
    )


def _attachment_view(message_id: uuid.UUID, item: dict) -> AttachmentView:
    name = item["key"].split("/", 1)[1]
    return AttachmentView(
        name=item["name"], url=ATTACHMENT_ROUTE.format(message_id=message_id, name=name),
        content_type=item["type"], is_image=item["type"].startswith("image/"), size=item["size"],
    )


def _person(db: Session, user_id: object, not_found: str) -> User:
    user = db.get(User, guards.object_id(user_id, not_found))
    if user is None or not user.is_active or user.deleted_at is not None:
        raise NotAllowed(not_found)
    return user


def _person_view(db: Session, user: User) -> PersonView:
    profile = db.exec(select(Profile).where(Profile.user_id == user.id)).first()
    name = (profile.display_name if profile else "") or user.username
    return PersonView(str(user.id), user.username, name, avatar_url(profile.avatar_path if profile else None))


def avatar_url(key: str | None) -> str:
    return AVATAR_ROUTE.format(name=key.split("/", 1)[1]) if key else ""
