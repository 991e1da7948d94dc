"""The one notification service: every in-app notification is a row written by `notify`.

Once the transaction commits, subscribers hear of each new row as a `NotificationCreated` event
(the live push and the email, registered at start-up). A subscriber that fails never undoes the row.
Reading, marking and deleting are for the notification's owner only; others get "not found".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import NotificationType
from influfinder.i18n import DEFAULT_LANGUAGE, N_, use_language
from influfinder.models import Notification
from influfinder.services import guards, notification_text
from influfinder.services.actors import Actor
from influfinder.services.domain_events import CountsChanged, NotificationCreated
from influfinder.services.errors import NotAllowed
from influfinder.services.events import emit
from influfinder.services.language_choice import language_of_user
from influfinder.services.pagination import Page

NOT_FOUND = N_("We could not find that notification.")

APPLICATION_ROUTE = "/applications/{id}"
COLLABORATION_ROUTE = "/collaborations/{id}"
OFFER_ROUTE = "/offers/{id}"
# Application news opens the application (one page serves its creator and the business).
_ABOUT_APPLICATIONS = {NotificationType.APPLICATION_RECEIVED, NotificationType.APPLICATION_ACCEPTED,
                       NotificationType.APPLICATION_REJECTED}
# Invitations are answered in My applications; saved-search alerts list their searches.
_DISCOVERY_LINKS = {NotificationType.INVITATION_RECEIVED: "/my-applications",
                    NotificationType.SAVED_SEARCH_MATCH: "/saved-searches"}


@dataclass(frozen=True)
class NotificationView:
    id: str
    type: str
    title: str
    content: str
    link: str
    is_read: bool
    created_at: datetime


def notify(
    db: Session, user_id: uuid.UUID, type: NotificationType, title: str = "", content: str = "", *,
    params: dict | None = None,
    offer_id: uuid.UUID | None = None, application_id: uuid.UUID | None = None,
    collaboration_id: uuid.UUID | None = None, related_user_id: uuid.UUID | None = None,
) -> Notification:
    """Write one notification in the caller's transaction; subscribers hear of it once it commits.

    `params` (notification_text.params_for) makes it read in each reader's language; the English
    copy goes into title and content."""
    if params:
        title, content = notification_text.english(params)
    row = Notification(
        user_id=user_id, type=NotificationType(type), title=title[:200], content=content[:2000], params=params or {},
        related_offer_id=offer_id, related_application_id=application_id,
        related_collaboration_id=collaboration_id, related_user_id=related_user_id,
    )
    db.flush()  # the rows it links to first: without ORM relationships flush order is not by foreign key
    db.add(row)
    db.flush()
    with use_language(language_of_user(db, user_id) or DEFAULT_LANGUAGE):  # the push reads in the recipient's
        pushed_title, _content = notification_text.words(row.params, row.title, row.content)
    emit(db, NotificationCreated(row.id, user_id, row.type, pushed_title, link_for(row)))
    return row


def link_for(row: Notification) -> str:
    """Where clicking the notification leads: the object it is about."""
    if row.type is NotificationType.MESSAGE_RECEIVED and row.related_user_id:
        return f"/messages/{row.related_user_id}"
    if row.type in _DISCOVERY_LINKS:
        return _DISCOVERY_LINKS[row.type]
    if row.type in _ABOUT_APPLICATIONS and row.related_application_id:
        return APPLICATION_ROUTE.format(id=row.related_application_id)
    if row.related_collaboration_id:
        return COLLABORATION_ROUTE.format(id=row.related_collaboration_id)
    if row.related_application_id:
        return APPLICATION_ROUTE.format(id=row.related_application_id)
    if row.related_offer_id:
        return OFFER_ROUTE.format(id=row.related_offer_id)
    return "/notifications"


def list_for_user(
    db: Session, actor: Actor | None, unread_only: object = False, page: object = 1, page_size: object = 20
) -> Page[NotificationView]:
    """The actor's notifications, newest first, one page at a time."""
    actor = guards.signed_in(actor)
    unread = guards.flag(unread_only, "unread_only")
    page, page_size = guards.paging(page, page_size)
    where = [Notification.user_id == actor.id] + ([Notification.is_read.is_(False)] if unread else [])
    total = db.exec(select(sa.func.count()).select_from(Notification).where(*where)).one()
    rows = db.exec(
        select(Notification).where(*where)
        .order_by(Notification.created_at.desc(), Notification.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    return Page([_view(r) for r in rows], total, page, page_size)


@dataclass(frozen=True)
class NotificationCentre:
    """The notifications page: one page of them and how many are unread in all."""

    page: Page[NotificationView]
    unread: int


def centre(db: Session, actor: Actor | None, unread_only: object = False, page: object = 1,
           page_size: object = 20) -> NotificationCentre:
    return NotificationCentre(list_for_user(db, actor, unread_only, page, page_size), unread_count(db, actor))


def unread_count(db: Session, actor: Actor | None) -> int:
    return unread_for(db, guards.signed_in(actor).id)


def mark_read(db: Session, actor: Actor | None, notification_id: object) -> None:
    actor = guards.signed_in(actor)
    key = guards.object_id(notification_id, NOT_FOUND)
    result = db.exec(
        sa.update(Notification)
        .where(Notification.id == key, Notification.user_id == actor.id)
        .values(is_read=True, read_at=sa.func.coalesce(Notification.read_at, guards.now()))
    )
    if result.rowcount != 1:
        raise NotAllowed(NOT_FOUND)
    emit(db, CountsChanged(actor.id))  # the bell drops in the user's other open tabs too


def mark_all_read(db: Session, actor: Actor | None) -> int:
    """Returns how many were unread."""
    actor = guards.signed_in(actor)
    result = db.exec(
        sa.update(Notification)
        .where(Notification.user_id == actor.id, Notification.is_read.is_(False))
        .values(is_read=True, read_at=guards.now())
    )
    emit(db, CountsChanged(actor.id))  # the bell drops in the user's other open tabs too
    return result.rowcount


def delete(db: Session, actor: Actor | None, notification_id: object) -> None:
    actor = guards.signed_in(actor)
    key = guards.object_id(notification_id, NOT_FOUND)
    result = db.exec(sa.delete(Notification).where(Notification.id == key, Notification.user_id == actor.id))
    if result.rowcount != 1:
        raise NotAllowed(NOT_FOUND)
    emit(db, CountsChanged(actor.id))  # the bell drops in the user's other open tabs too


def unread_for(db: Session, user_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count()).select_from(Notification)
        .where(Notification.user_id == user_id, Notification.is_read.is_(False))
    ).one()


def _view(row: Notification) -> NotificationView:
    title, content = notification_text.words(row.params, row.title, row.content)  # the reader's language
    return NotificationView(
        id=str(row.id), type=row.type.value, title=title, content=content, link=link_for(row),
        is_read=row.is_read, created_at=row.created_at,
    )
