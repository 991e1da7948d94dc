"""The language a user chose (the switcher), kept on the account so it follows them to any browser."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from influfinder.i18n import LANGUAGES, _
from influfinder.models.user import User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError


def save_language(db: Session, actor: Actor | None, lang: object) -> str:
    actor = guards.signed_in(actor)
    if lang not in LANGUAGES:
        raise ServiceError(_("Choose Spanish or English."), "language")
    user = db.get(User, actor.id)
    user.language = lang
    db.add(user)
    return lang


def saved_language(db: Session, actor: Actor | None) -> str | None:
    """The signed-in user's choice, or None when they never chose (or nobody is signed in)."""
    if actor is None:
        return None
    return db.get(User, actor.id).language


def language_of_user(db: Session, user_id: uuid.UUID) -> str | None:
    """Whoever will read a mail or a notification: their choice, None when they never chose."""
    user = db.get(User, user_id)
    return user.language if user else None
