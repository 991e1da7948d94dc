"""Sessions: opaque random tokens, stored hashed, revocable at once (DESIGN rule 4).

Logging in happens in two steps because a WebSocket cannot set an HttpOnly cookie: the login
handler creates a one-minute grant; the browser then loads /auth/complete?grant=..., an HTTP
route that exchanges the grant once for the session token and sets the cookie.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from http.cookies import SimpleCookie

from sqlmodel import Session

from influfinder.integrations.session_store import (
    DatabaseSessionStore,
    RedisSessionStore,
    SessionRecord,
    SessionStore,
)
from influfinder.settings import get_settings

COOKIE_NAME = "influfinder_session"
IDLE = timedelta(minutes=30)  # the brief's access-token lifetime
IDLE_REMEMBERED = timedelta(days=7)  # the brief's refresh-token lifetime, with "Keep me signed in"
GRANT_TTL = timedelta(seconds=60)
TOUCH_EVERY = timedelta(seconds=60)  # slide the idle window at most once a minute per session


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


@lru_cache(maxsize=1)
def store() -> SessionStore:
    from influfinder.integrations.cache import redis_client

    client = redis_client()
    return RedisSessionStore(client) if client is not None else DatabaseSessionStore()


def _idle(remember: bool) -> timedelta:
    return IDLE_REMEMBERED if remember else IDLE


def start_grant(user_id: uuid.UUID | str, *, remember: bool, user_agent: str, ip_address: str,
                db: Session | None = None) -> str:
    """`db`: the caller's unit of work, when it has one (the grant is written in its transaction)."""
    now = datetime.now(timezone.utc)
    grant = new_secret()
    store().create_grant(hash_secret(grant), SessionRecord(
        id=str(uuid.uuid4()), user_id=str(user_id), remember=bool(remember),
        user_agent=(user_agent or "")[:300], ip_address=(ip_address or "")[:64],
        created_at=now, last_seen_at=now, expires_at=now + GRANT_TTL,
    ), db=db)
    return grant


def activate_grant(grant: str) -> tuple[str, SessionRecord] | None:
    """Exchange a grant for a session token, once. None if unknown, used or expired."""
    if not isinstance(grant, str) or not 20 <= len(grant) <= 100:
        return None
    token = new_secret()
    record = store().activate(hash_secret(grant), hash_secret(token), IDLE, IDLE_REMEMBERED)
    return (token, record) if record else None


def resolve(token: str | None, db: Session | None = None) -> SessionRecord | None:
    """The live session for a cookie value, sliding its idle window; None if absent or ended.

    `db`: the door's session, when there is one: the database store reads and touches through it.
    """
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    token_hash = hash_secret(token)
    record = store().get(token_hash, db=db)
    if record is None:
        return None
    if datetime.now(timezone.utc) - record.last_seen_at >= TOUCH_EVERY:
        store().touch(token_hash, _idle(record.remember), db=db)
    return record


def peek(token: str | None, db: Session | None = None) -> SessionRecord | None:
    """The live session for a cookie value, without sliding its idle window (a push is not activity)."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    return store().get(hash_secret(token), db=db)


def end(token: str | None, db: Session | None = None) -> None:
    if token:
        store().revoke(hash_secret(token), db=db)


def end_others(user_id: uuid.UUID | str, keep_token: str | None) -> int:
    return store().revoke_user(str(user_id), hash_secret(keep_token) if keep_token else None)


def end_all(user_id: uuid.UUID | str, db: Session | None = None) -> int:
    return store().revoke_user(str(user_id), db=db)


def end_device(user_id: uuid.UUID | str, session_id: str, db: Session | None = None) -> bool:
    try:
        uuid.UUID(str(session_id))
    except ValueError:
        return False
    return store().revoke_id(str(user_id), str(session_id), db=db)


def devices(user_id: uuid.UUID | str, db: Session | None = None) -> list[SessionRecord]:
    return store().list_user(str(user_id), db=db)


def token_from_cookie_header(header: str | None) -> str | None:
    if not header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # noqa: BLE001 - a malformed header means no session
        return None
    morsel = jar.get(COOKIE_NAME)
    return morsel.value if morsel else None


def cookie_is_secure() -> bool:
    return get_settings().public_url.startswith("https://")
