"""One-time tokens for email verification and password reset.

At least 128 bits of randomness, stored only as a SHA-256 hash, single use, expiring, and a new
token for the same purpose voids the older ones.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import TokenPurpose
from influfinder.domain.moments import as_utc
from influfinder.i18n import N_
from influfinder.models import OneTimeToken
from influfinder.services.errors import ServiceError
from influfinder.services.sessions import hash_secret, new_secret

LIFETIMES = {
    TokenPurpose.VERIFY_EMAIL: timedelta(hours=24),
    TokenPurpose.RESET_PASSWORD: timedelta(minutes=30),
}

INVALID = N_("This link is not valid. Ask for a new one.")
USED = N_("This link was already used. Ask for a new one if you still need it.")
EXPIRED = N_("This link has expired. Ask for a new one.")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def issue(db: Session, user_id: uuid.UUID, purpose: TokenPurpose, *, now: datetime | None = None) -> str:
    now = now or _now()
    db.exec(sa.update(OneTimeToken)
            .where(OneTimeToken.user_id == user_id, OneTimeToken.purpose == purpose, OneTimeToken.used_at.is_(None))
            .values(used_at=now))
    token = new_secret()
    db.add(OneTimeToken(user_id=user_id, purpose=purpose, token_hash=hash_secret(token),
                        created_at=now, expires_at=now + LIFETIMES[purpose]))
    db.flush()
    return token


def consume(db: Session, token: object, purpose: TokenPurpose, *, now: datetime | None = None) -> uuid.UUID:
    """Use a token once and return its user's id, or raise ServiceError saying why not."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        raise ServiceError(INVALID)
    now = now or _now()
    row = db.exec(select(OneTimeToken).where(OneTimeToken.token_hash == hash_secret(token))).first()
    if row is None or row.purpose != purpose:
        raise ServiceError(INVALID)
    if row.used_at is not None:
        raise ServiceError(USED)
    if as_utc(row.expires_at) <= now:
        raise ServiceError(EXPIRED)
    won = db.exec(sa.update(OneTimeToken)
                  .where(OneTimeToken.id == row.id, OneTimeToken.used_at.is_(None))
                  .values(used_at=now)).rowcount
    if won != 1:  # a concurrent request used it first
        raise ServiceError(USED)
    return row.user_id
