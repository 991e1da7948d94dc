"""Accounts as admins see them: the list with emails, searchable, and deactivating or reactivating one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.i18n import N_, _
from influfinder.models import Profile, User
from influfinder.services import api_tokens, guards, sessions
from influfinder.services.actors import Actor
from influfinder.services.admin_access import admin_only, aware, contains, count_rows, search_text
from influfinder.services.effects import after_commit
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.pagination import Page

USER_NOT_FOUND = N_("We could not find that account.")


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    email: str
    display_name: str
    user_type: str
    is_verified: bool
    is_admin: bool
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None
    is_me: bool = False  # the admin's own account


def list_users(db: Session, actor: Actor | None, search: object = "", page: object = 1,
               page_size: object = 20) -> Page[UserRow]:
    """Accounts (deleted ones left out), newest first; `search` matches the username or the email."""
    actor = admin_only(actor)
    text = search_text(search)
    page, page_size = guards.paging(page, page_size)
    where = [User.deleted_at.is_(None)]
    if text:
        where.append(sa.or_(contains(User.username, text), contains(User.email, text)))
    total = count_rows(db, User, *where)
    rows = db.exec(
        select(User, Profile.display_name, Profile.company_name)
        .join(Profile, Profile.user_id == User.id, isouter=True).where(*where)
        .order_by(User.created_at.desc(), User.id).offset((page - 1) * page_size).limit(page_size)
    ).all()
    return Page([_user_row(u, company or display or u.username, u.id == actor.id) for u, display, company in rows],
                total, page, page_size)


def _user_row(user: User, name: str, is_me: bool = False) -> UserRow:
    return UserRow(
        id=str(user.id), username=user.username, email=user.email, display_name=name,
        user_type=user.user_type.value, is_verified=user.is_verified, is_admin=user.is_admin,
        is_active=user.is_active, created_at=aware(user.created_at), last_login_at=aware(user.last_login_at),
        is_me=is_me,
    )


def deactivate_user(db: Session, actor: Actor | None, user_id: object) -> None:
    """The account can no longer log in, and every session it has ends (after the commit)."""
    key = _someone_else(actor, user_id, "You cannot deactivate your own account: ask another admin.")
    _set_active(db, key, False)
    # Ended after the commit: the session store may be this same database, and a deactivated
    # account is refused at once anyway (actors.actor_for_token checks is_active on every event).
    after_commit(db, sessions.end_all, key)
    api_tokens.revoke_user(db, key)  # the HTTP API's logins too


def reactivate_user(db: Session, actor: Actor | None, user_id: object) -> None:
    _set_active(db, _someone_else(actor, user_id, "Your own account is active."), True)


def _someone_else(actor: Actor | None, user_id: object, yourself: str) -> uuid.UUID:
    """The account an admin acts on; the admin's own is refused with `yourself`."""
    actor = admin_only(actor)
    key = guards.object_id(user_id, USER_NOT_FOUND)
    if key == actor.id:
        raise ServiceError(yourself)
    return key


def _set_active(db: Session, user_id: uuid.UUID, active: bool) -> None:
    user = db.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotAllowed(USER_NOT_FOUND)
    result = db.exec(
        sa.update(User).where(User.id == user_id, User.is_active.is_(not active), User.deleted_at.is_(None))
        .values(is_active=active, updated_at=guards.now()).execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError(_("This account is already active.") if active else _("This account is already deactivated."))
    db.refresh(user)
