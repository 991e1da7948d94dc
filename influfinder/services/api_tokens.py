"""Tokens of the HTTP API: a JWT access token (30 minutes) and a rotating refresh token (7 days).

Access token: HS256 JWT signed with a key from settings (`kid` in the header: JWT_KEYS lists the
keys, the first signs and all verify, so keys rotate without logging anyone out). Claims: sub (user
id), type "access", iat, exp, jti, aud, iss and sid (the token family, which is also the actor's
session id). A revoked access token's jti, or its whole family, is kept on a denylist (Redis, or
this process without Redis) until the token would have expired anyway.

Refresh token: an opaque random secret, stored hashed (models.ApiRefreshToken). A login starts a
family; each refresh uses its token up and hands out the next one of the family. A used refresh
token presented again was copied by someone: the whole family is revoked, the thief's and the
owner's tokens alike, and both must log in again. Logout revokes the family; a password change,
reset or account deletion revokes every family of the account.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import sqlalchemy as sa
from joserfc import errors as jose_errors
from joserfc import jwt
from joserfc.jwk import KeySet, OctKey
from sqlmodel import Session, select

from influfinder.i18n import N_
from influfinder.integrations import expiring_keys
from influfinder.models import ApiRefreshToken, User
from influfinder.services.actors import Actor, actor_for_user
from influfinder.settings import get_settings

log = logging.getLogger(__name__)
_DENY = "influfinder_api_denylist"
ACCESS_LIFETIME = timedelta(minutes=30)
REFRESH_LIFETIME = timedelta(days=7)
AUDIENCE = "influfinder-api"
ALGORITHM = "HS256"
ACCESS = "access"

INVALID = N_("The access token is missing, expired, revoked or not valid here. Log in again or refresh it.")
REFRESH_INVALID = "The refresh token is not valid, expired or revoked. Log in again."
REFRESH_REUSED = "This refresh token was already used: every token of this login is now revoked. Log in again."


class InvalidToken(Exception):
    """A token we will not honour; the message is safe to show."""


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int  # seconds until the access token expires
    token_type: str = "Bearer"


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    family_id: str
    jti: str
    expires_at: int  # epoch seconds


# ---- keys -------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _keys(jwt_keys: str, secret_key: str) -> tuple[str, KeySet]:
    """(the signing kid, every verifying key). Secrets are stretched to 32 bytes by HMAC."""
    pairs = [pair.split("=", 1) for pair in jwt_keys.split(",") if "=" in pair]
    if not pairs:
        pairs = [("main", secret_key)]
    keys = [OctKey.import_key(hmac.new(secret.strip().encode(), b"influfinder-api-jwt", hashlib.sha256).digest(),
                              {"kid": kid.strip()}) for kid, secret in pairs]
    return pairs[0][0].strip(), KeySet(keys)


def signing_keys() -> tuple[str, KeySet]:
    settings = get_settings()
    return _keys(settings.jwt_keys, settings.secret_key)


def issuer() -> str:
    return get_settings().public_url.rstrip("/")


# ---- access tokens ----------------------------------------------------------------------------


def issue_access(user_id: uuid.UUID, family_id: str, *, now: datetime | None = None) -> str:
    issued = int((now or datetime.now(timezone.utc)).timestamp())
    kid, keys = signing_keys()
    claims = {"sub": str(user_id), "type": ACCESS, "iat": issued, "exp": issued + int(ACCESS_LIFETIME.total_seconds()),
              "jti": secrets.token_urlsafe(16), "aud": AUDIENCE, "iss": issuer(), "sid": family_id}
    return jwt.encode({"alg": ALGORITHM, "kid": kid}, claims, keys.get_by_kid(kid), algorithms=[ALGORITHM])


def check_access(token: str) -> AccessClaims:
    """The claims of a valid, unrevoked access token; InvalidToken otherwise. No database read."""
    if not isinstance(token, str) or not token or len(token) > 4096:
        raise InvalidToken(INVALID)
    _kid, keys = signing_keys()
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": issuer()}, aud={"essential": True, "value": AUDIENCE},
        exp={"essential": True}, iat={"essential": True}, sub={"essential": True}, jti={"essential": True},
        sid={"essential": True}, type={"essential": True, "value": ACCESS},
    )
    try:
        claims = jwt.decode(token, keys, algorithms=[ALGORITHM]).claims
        registry.validate(claims)
        user_id = uuid.UUID(str(claims["sub"]))
    except (jose_errors.JoseError, ValueError, TypeError, KeyError):
        raise InvalidToken(INVALID) from None
    found = AccessClaims(user_id, str(claims["sid"]), str(claims["jti"]), int(claims["exp"]))
    if expiring_keys.any_of(f"revoked:jti:{found.jti}", f"revoked:family:{found.family_id}"):
        raise InvalidToken(INVALID)
    return found


def actor_for_access_token(db: Session, token: str) -> Actor | None:
    """The door's bearer branch: the account behind a valid access token, if it is still active."""
    try:
        claims = check_access(token)
    except InvalidToken:
        return None
    return actor_for_user(db, claims.user_id, claims.family_id)


# ---- refresh tokens ---------------------------------------------------------------------------


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # SQLite drops the zone


def issue_pair(db: Session, user_id: uuid.UUID, family_id: uuid.UUID | None = None) -> TokenPair:
    """A new access and refresh token; a new family (a login) unless `family_id` is given (a refresh)."""
    family = family_id or uuid.uuid4()
    secret = secrets.token_urlsafe(32)
    now = _now()
    db.add(ApiRefreshToken(family_id=family, user_id=user_id, token_hash=_hash(secret), created_at=now,
                           expires_at=now + REFRESH_LIFETIME))
    return TokenPair(issue_access(user_id, str(family), now=now), secret, int(ACCESS_LIFETIME.total_seconds()))


@dataclass(frozen=True)
class Rotation:
    """A refresh's outcome: the next pair, or why not. A reuse is committed (the family revoked), then refused."""

    pair: TokenPair | None = None
    refusal: str = ""


def rotate(db: Session, _actor: Actor | None, refresh_token: object) -> Rotation:
    if not isinstance(refresh_token, str) or not refresh_token or len(refresh_token) > 256:
        return Rotation(refusal=REFRESH_INVALID)
    row = db.exec(select(ApiRefreshToken).where(ApiRefreshToken.token_hash == _hash(refresh_token))).first()
    if row is None or row.revoked_at is not None or _as_utc(row.expires_at) <= _now():
        return Rotation(refusal=REFRESH_INVALID)
    # Use the token up atomically: of two refreshes racing with one token, one wins, the other is a reuse.
    used = db.exec(sa.update(ApiRefreshToken)
                   .where(ApiRefreshToken.id == row.id, ApiRefreshToken.used_at.is_(None))
                   .values(used_at=_now())).rowcount
    if used != 1:
        revoke_family(db, row.family_id)
        return Rotation(refusal=REFRESH_REUSED)
    user = db.get(User, row.user_id)
    if user is None or not user.is_active or user.deleted_at is not None:
        return Rotation(refusal=REFRESH_INVALID)
    return Rotation(pair=issue_pair(db, row.user_id, row.family_id))


def revoke_family(db: Session, family_id: uuid.UUID | str) -> None:
    family = uuid.UUID(str(family_id))
    db.exec(sa.update(ApiRefreshToken).where(ApiRefreshToken.family_id == family, ApiRefreshToken.revoked_at.is_(None))
            .values(revoked_at=_now()))
    _deny_after_commit(db, f"revoked:family:{family}")


def revoke_user(db: Session, user_id: uuid.UUID) -> None:
    """Every API login of the account ends: its refresh tokens now, its access tokens after commit."""
    families = db.exec(select(ApiRefreshToken.family_id).where(ApiRefreshToken.user_id == user_id,
                                                               ApiRefreshToken.revoked_at.is_(None))
                       .distinct()).all()
    for family in families:
        revoke_family(db, family)


def log_out(db: Session, actor: Actor | None, access_token: str) -> None:
    """End the login the access token belongs to: its family of refresh tokens and the token itself."""
    claims = check_access(access_token)
    revoke_family(db, claims.family_id)
    _deny_after_commit(db, f"revoked:jti:{claims.jti}")


def _deny_after_commit(db: Session, key: str) -> None:
    db.info.setdefault(_DENY, []).append(key)


@sa.event.listens_for(Session, "after_commit")
def _deny_committed(db: Session) -> None:
    """In the committing thread, before the caller answers: a logged-out token must fail at once."""
    for key in db.info.pop(_DENY, []):
        try:
            # Kept as long as an access token lives: after that its expiry refuses it anyway.
            expiring_keys.put(key, "1", int(ACCESS_LIFETIME.total_seconds()) + 60)
        except Exception:  # noqa: BLE001 - the refresh tokens are revoked in the database regardless
            log.exception("could not add %s to the access-token denylist", key.split(":")[1])


@sa.event.listens_for(Session, "after_rollback")
def _forget_denials(db: Session) -> None:
    db.info.pop(_DENY, None)
