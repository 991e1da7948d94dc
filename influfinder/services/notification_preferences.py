"""Per-type notification preferences: in-app only, or also by email.

Every notification is shown in the app; a user chooses per type whether it also comes by email.
The important ones (an application accepted, content approved) come by email unless turned off;
the others stay in the app unless turned on. Only the choices a user made are stored.

Preferences belong to their owner: both actions act on the signed-in user, and no argument can
name anyone else. `email_hook` is the NotificationCreated subscriber that sends the mail after the
notification's transaction commits (`install()` registers it once).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.database import session_scope
from influfinder.domain.enums import NotificationType
from influfinder.i18n import DEFAULT_LANGUAGE, use_language
from influfinder.integrations import mail
from influfinder.models import Notification, NotificationPreference, User
from influfinder.services import guards, notification_text
from influfinder.services.actors import Actor
from influfinder.services.domain_events import NotificationCreated
from influfinder.services.errors import ServiceError
from influfinder.services.events import subscribe, unsubscribe

# Reminders come by email too: a visit tomorrow is news to read away from the app (issue 11).
EMAIL_BY_DEFAULT = frozenset({NotificationType.APPLICATION_ACCEPTED, NotificationType.CONTENT_APPROVED,
                              NotificationType.INVITATION_RECEIVED, NotificationType.COLLABORATION_REMINDER})
LABELS = {
    NotificationType.APPLICATION_RECEIVED: "Application received",
    NotificationType.APPLICATION_ACCEPTED: "Application accepted",
    NotificationType.APPLICATION_REJECTED: "Application rejected",
    NotificationType.COLLABORATION_SCHEDULED: "Visit scheduled",
    NotificationType.CONTENT_SUBMITTED: "Content submitted",
    NotificationType.CONTENT_APPROVED: "Content approved",
    NotificationType.CONTENT_CHANGES_REQUESTED: "Changes requested",
    NotificationType.RATING_RECEIVED: "Rating received",
    NotificationType.TIER_UPGRADED: "Tier upgraded",
    NotificationType.MESSAGE_RECEIVED: "New message",
    NotificationType.DISPUTE_OPENED: "Dispute opened",
    NotificationType.INVITATION_RECEIVED: "Invitation to an offer",
    NotificationType.SAVED_SEARCH_MATCH: "New matches for a saved search",
    NotificationType.COLLABORATION_REMINDER: "Reminders: visits and late content",
}


@dataclass(frozen=True)
class PreferenceView:
    type: str
    label: str
    email: bool
    email_by_default: bool


def preferences(db: Session, actor: Actor | None) -> list[PreferenceView]:
    """The signed-in user's choice for each type, in the brief's order, then discovery's."""
    actor = guards.signed_in(actor)
    chosen = _chosen(db, actor.id)
    return [
        PreferenceView(kind.value, LABELS[kind], chosen.get(kind, kind in EMAIL_BY_DEFAULT), kind in EMAIL_BY_DEFAULT)
        for kind in NotificationType
    ]


def set_email(db: Session, actor: Actor | None, notification_type: object, email: object) -> None:
    """Whether the signed-in user also wants this type by email."""
    actor = guards.signed_in(actor)
    kind = guards.choice(notification_type, NotificationType, "type", "notification type")
    if kind is None:
        raise ServiceError("Choose a notification type.", "type")
    wanted = guards.flag(email, "email")
    values = {"user_id": actor.id, "type": kind, "email": wanted, "updated_at": guards.now()}
    db.exec(_upsert(db, values))


def choose_email(db: Session, actor: Actor | None, notification_type: object, email: object) -> list[PreferenceView]:
    """`set_email`, then every preference as stored (the switches show what will happen)."""
    set_email(db, actor, notification_type, email)
    return preferences(db, actor)


def wants_email(db: Session, user_id: uuid.UUID, kind: NotificationType) -> bool:
    stored = db.exec(
        select(NotificationPreference.email)
        .where(NotificationPreference.user_id == user_id, NotificationPreference.type == kind)
    ).first()
    return (kind in EMAIL_BY_DEFAULT) if stored is None else stored


def _chosen(db: Session, user_id: uuid.UUID) -> dict[NotificationType, bool]:
    rows = db.exec(
        select(NotificationPreference.type, NotificationPreference.email)
        .where(NotificationPreference.user_id == user_id)
    ).all()
    return dict(rows)


def _upsert(db: Session, values: dict):
    """One statement, so two tabs saving at once cannot both insert."""
    dialect = postgresql if db.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(NotificationPreference).values(**values)
    return statement.on_conflict_do_update(
        index_elements=["user_id", "type"],
        set_={"email": statement.excluded.email, "updated_at": statement.excluded.updated_at},
    )


# ---- the email hook -------------------------------------------------------------------------------


def email_hook(event: NotificationCreated) -> None:
    """Runs after the notification committed (in the effects' worker thread): mail it if wanted."""
    message = _mail_for(event)
    if message is not None:
        mail.deliver_sync(message)


def _mail_for(event: NotificationCreated) -> mail.MailMessage | None:
    with session_scope() as db:
        if not wants_email(db, event.user_id, event.type):
            return None
        row = db.get(Notification, event.id)
        user = db.get(User, event.user_id)
        # A confirmed address only: mail never goes to an address its owner has not proved.
        if row is None or user is None or not _reachable(user):
            return None
        # In the recipient's language (their saved choice, else Spanish), whoever caused it.
        with use_language(user.language or DEFAULT_LANGUAGE):
            title, content = notification_text.words(row.params, row.title, row.content)
            return mail.notification_mail(user.email, title, content or title, mail.action_url(event.link))


def _reachable(user: User) -> bool:
    return user.is_active and user.deleted_at is None and user.is_verified


def install() -> None:
    """Mail each new notification its owner wants by email (idempotent)."""
    subscribe(NotificationCreated, email_hook)


def uninstall() -> None:
    unsubscribe(NotificationCreated, email_hook)
