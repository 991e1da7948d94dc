"""Sessions: opaque random tokens, stored hashed, revocable at once (DESIGN rule 4).

Logging in happens in two steps because a WebSocket cannot set an HttpOnly cookie: the login
handler creates a one-minute grant; the browser then loads /auth/complete?grant=..., an HTTP
route that exchanges the grant once for the session token and sets the cookie.

The grant is bound to the browser that logged in (login CSRF): every page sets a random
pre-login nonce cookie (HttpOnly, SameSite=Strict); the grant stores its hash, and
/auth/complete exchanges it only for the browser that presents the same nonce. A grant
presented by another browser is burnt.

A session ends after its idle time, and in any case at its absolute end: SESSION_LIFETIME_HOURS
after login, or SESSION_LIFETIME_REMEMBERED_DAYS with "Keep me signed in".
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
NONCE_COOKIE_NAME = "influfinder_login"
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


def lifetime(remember: bool) -> timedelta:
    """The absolute lifetime of a session, however active it is."""
    settings = get_settings()
    if remember:
        return timedelta(days=settings.session_lifetime_remembered_days)
    return timedelta(hours=settings.session_lifetime_hours)


def ends_at(record: SessionRecord) -> datetime:
    return record.created_at + lifetime(record.remember)


def start_grant(user_id: uuid.UUID | str, *, remember: bool, user_agent: str, ip_address: str,
                browser_nonce: str, db: Session | None = None) -> str:
    """A one-minute grant that only the browser holding `browser_nonce` can exchange.

    `db`: the caller's unit of work, when it has one (the grant is written in its transaction)."""
    if not valid_nonce(browser_nonce):
        raise ValueError("a grant is bound to a browser's pre-login nonce")
    now = datetime.now(timezone.utc)
    grant = new_secret()
    store().create_grant(hash_secret(grant), SessionRecord(
        id=str(uuid.uuid4()), user_id=str(user_id), remember=bool(remember),
        user_agent=(user_agent or "")[:300], ip_address=(ip_address or "")[:64],
        created_at=now, last_seen_at=now, expires_at=now + GRANT_TTL, browser_hash=hash_secret(browser_nonce),
    ), db=db)
    return grant


def activate_grant(grant: str, browser_nonce: str | None) -> tuple[str, SessionRecord] | None:
    """Exchange a grant for a session token, once, by the browser it was made for.

    None if unknown, used, expired, or presented by another browser (which burns it)."""
    if not isinstance(grant, str) or not 20 <= len(grant) <= 100:
        return None
    token = new_secret()
    browser_hash = hash_secret(browser_nonce) if valid_nonce(browser_nonce) else ""
    record = store().activate(hash_secret(grant), hash_secret(token), IDLE, IDLE_REMEMBERED, browser_hash)
    return (token, record) if record else None


def open_session(user_id: uuid.UUID | str, *, remember: bool, user_agent: str, ip_address: str
                 ) -> tuple[str, SessionRecord]:
    """A session made and handed over at once (tests; no grant leaves the server)."""
    nonce = new_browser_nonce()
    grant = start_grant(user_id, remember=remember, user_agent=user_agent, ip_address=ip_address, browser_nonce=nonce)
    activated = activate_grant(grant, nonce)
    if activated is None:
        raise RuntimeError("a grant made a moment ago could not be exchanged")
    return activated


def resolve(token: str | None, db: Session | None = None) -> SessionRecord | None:
    """The live session for a cookie value, sliding its idle window; None if absent or ended.

    A session past its absolute end is ended here, whatever its idle window says.
    `db`: the door's session, when there is one: the database store reads and touches through it.
    """
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    token_hash = hash_secret(token)
    record = store().get(token_hash, db=db)
    if record is None:
        return None
    now = datetime.now(timezone.utc)
    if now >= ends_at(record):
        store().revoke(token_hash, db=db)
        return None
    if now - record.last_seen_at >= TOUCH_EVERY:
        store().touch(token_hash, min(_idle(record.remember), ends_at(record) - now), db=db)
    return record


def peek(token: str | None, db: Session | None = None) -> SessionRecord | None:
    """The live session for a cookie value, without sliding its idle window (a push is not activity)."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    record = store().get(hash_secret(token), db=db)
    return record if record is not None and datetime.now(timezone.utc) < ends_at(record) else None


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


def new_browser_nonce() -> str:
    return new_secret()


def valid_nonce(value: object) -> bool:
    return isinstance(value, str) and 40 <= len(value) <= 100


def _from_cookie_header(header: str | None, name: str) -> str | None:
    if not header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # noqa: BLE001 - a malformed header means no cookie
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def token_from_cookie_header(header: str | None) -> str | None:
    return _from_cookie_header(header, cookie_name())


def nonce_from_cookie_header(header: str | None) -> str | None:
    return _from_cookie_header(header, nonce_cookie_name())


def cookie_is_secure() -> bool:
    return get_settings().uses_https


def _prefixed(name: str) -> str:
    # __Host-: the browser keeps it only if Secure, Path=/ and without Domain, so no subdomain or
    # plain-http page can plant or overwrite it.
    return f"__Host-{name}" if cookie_is_secure() else name


def cookie_name() -> str:
    """The session cookie's name: __Host-influfinder_session when PUBLIC_URL is https."""
    return _prefixed(COOKIE_NAME)


def nonce_cookie_name() -> str:
    return _prefixed(NONCE_COOKIE_NAME)
