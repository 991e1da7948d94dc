"""Who is acting: resolved on the server from the session cookie, for every event and request."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from influfinder.domain.enums import UserType
from influfinder.i18n import N_
from influfinder.integrations.mail import can_receive
from influfinder.models import Profile, User
from influfinder.services import sessions
from influfinder.services.errors import NotAllowed


@dataclass(frozen=True)
class Actor:
    id: uuid.UUID
    session_id: str
    username: str
    email: str
    display_name: str
    user_type: UserType
    is_admin: bool
    is_verified: bool

    @property
    def is_creator(self) -> bool:
        return self.user_type is UserType.CREATOR

    @property
    def is_business(self) -> bool:
        """Businesses and agencies publish offers alike."""
        return self.user_type in (UserType.BUSINESS, UserType.AGENCY)


def actor_for_token(db: Session, token: str | None, *, slide: bool = True) -> Actor | None:
    """The actor of a session cookie's value; `slide=False` leaves the session's idle window as it is."""
    return actor_for_session(db, sessions.resolve(token, db) if slide else sessions.peek(token, db))


def acting(_db: Session, actor: Actor | None) -> Actor | None:
    """The actor the door resolved, as a service: for pages and routes that show who is signed in."""
    return actor


def actor_for_session(db: Session, record: sessions.SessionRecord | None) -> Actor | None:
    """The actor of a live session record (a push reads it without sliding the idle window)."""
    if record is None:
        return None
    return actor_for_user(db, uuid.UUID(record.user_id), record.id)


def actor_for_user(db: Session, user_id: uuid.UUID, session_id: str) -> Actor | None:
    """The actor of an active account, signed in through the session (or API token family) `session_id`."""
    row = db.exec(
        select(User, Profile.display_name)
        .join(Profile, Profile.user_id == User.id, isouter=True)
        .where(User.id == user_id)
    ).first()
    if row is None:
        return None
    user, display_name = row
    if not user.is_active or user.deleted_at is not None:
        return None
    return Actor(
        id=user.id, session_id=session_id, username=user.username, email=user.email,
        display_name=display_name or user.username, user_type=user.user_type,
        is_admin=user.is_admin, is_verified=user.is_verified,
    )


UNVERIFIED = N_("Confirm your email first: we sent you a link. You can ask for a new one at the top of the page.")
NO_EMAIL = N_("Add your email address in Settings first: publishing, applying and messaging need a confirmed address.")


def require_verified(actor: Actor) -> None:
    """Publishing, applying and messaging need a confirmed email address."""
    if not actor.is_verified:
        # Accounts made with Instagram or TikTok have no address yet: there is no link to confirm.
        raise NotAllowed(UNVERIFIED if can_receive(actor.email) else NO_EMAIL)
