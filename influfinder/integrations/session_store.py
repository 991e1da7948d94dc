"""Where sessions live: Redis when REDIS_URL is set, else the database (DESIGN rule 4).

Both stores keep only SHA-256 hashes of the secrets. A session expires after `idle` seconds
without use; `touch` slides that window. A grant is a pending session that lives one minute and
is exchanged exactly once for a real session token, by the browser that asked for it (the hash
of its pre-login nonce, `browser_hash`); any other attempt burns the grant.

Every call but `activate` takes the caller's database session when there is one (`db=`, the
door's unit of work), so resolving who is acting opens no second session and the database store
writes in the caller's transaction (never in a second one that would wait for it). The Redis
store ignores it.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Protocol

import redis
import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder import database
from influfinder.domain.moments import as_utc
from influfinder.models import UserSession


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class SessionRecord:
    id: str
    user_id: str
    remember: bool
    user_agent: str
    ip_address: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    browser_hash: str = ""  # grants only: the nonce hash of the browser that may redeem it


class SessionStore(Protocol):
    def create_grant(self, grant_hash: str, record: SessionRecord, *, db: Session | None = None) -> None: ...
    def activate(self, grant_hash: str, token_hash: str, idle: timedelta, idle_remembered: timedelta,
                 browser_hash: str) -> SessionRecord | None: ...
    def get(self, token_hash: str, *, db: Session | None = None) -> SessionRecord | None: ...
    def touch(self, token_hash: str, idle: timedelta, *, db: Session | None = None) -> None: ...
    def revoke(self, token_hash: str, *, db: Session | None = None) -> None: ...
    def revoke_id(self, user_id: str, session_id: str, *, db: Session | None = None) -> bool: ...
    def revoke_user(self, user_id: str, except_hash: str | None = None, *, db: Session | None = None) -> int: ...
    def list_user(self, user_id: str, *, db: Session | None = None) -> list[SessionRecord]: ...


@contextlib.contextmanager
def _within(db: Session | None) -> Iterator[Session]:
    """The caller's session (its unit of work commits), or a short one of our own."""
    if db is not None:
        yield db
        return
    with database.session_scope() as own:
        yield own


class DatabaseSessionStore:
    def create_grant(self, grant_hash: str, record: SessionRecord, *, db: Session | None = None) -> None:
        with _within(db) as db:
            db.add(UserSession(
                id=uuid.UUID(record.id), user_id=uuid.UUID(record.user_id), token_hash=grant_hash, pending=True,
                remember=record.remember, user_agent=record.user_agent, ip_address=record.ip_address,
                browser_hash=record.browser_hash, created_at=record.created_at, last_seen_at=record.last_seen_at,
                expires_at=record.expires_at,
            ))

    def activate(self, grant_hash: str, token_hash: str, idle: timedelta, idle_remembered: timedelta,
                 browser_hash: str) -> SessionRecord | None:
        now = _now()
        expires = sa.case((UserSession.remember.is_(True), now + idle_remembered), else_=now + idle)
        pending = (UserSession.token_hash == grant_hash, UserSession.pending.is_(True),
                   UserSession.revoked_at.is_(None))
        with database.session_scope() as db:
            # Conditional UPDATE: of two requests with the same grant, exactly one wins.
            result = db.exec(
                sa.update(UserSession)
                .where(*pending, UserSession.expires_at > now, UserSession.browser_hash == browser_hash)
                .values(token_hash=token_hash, pending=False, last_seen_at=now, expires_at=expires)
            )
            if result.rowcount != 1:
                # Another browser (or a late one): the grant is burnt, its rightful browser cannot use it either.
                db.exec(sa.update(UserSession).where(*pending).values(revoked_at=now))
                return None
        return self.get(token_hash)

    def get(self, token_hash: str, *, db: Session | None = None) -> SessionRecord | None:
        with _within(db) as db:
            row = db.exec(select(UserSession).where(
                UserSession.token_hash == token_hash, UserSession.pending.is_(False),
                UserSession.revoked_at.is_(None))).first()
            if row is None or as_utc(row.expires_at) <= _now():
                return None
            return _record(row)

    def touch(self, token_hash: str, idle: timedelta, *, db: Session | None = None) -> None:
        now = _now()
        with _within(db) as db:
            db.exec(sa.update(UserSession).where(UserSession.token_hash == token_hash, UserSession.revoked_at.is_(None))
                    .values(last_seen_at=now, expires_at=now + idle))

    def revoke(self, token_hash: str, *, db: Session | None = None) -> None:
        with _within(db) as db:
            db.exec(sa.update(UserSession).where(UserSession.token_hash == token_hash, UserSession.revoked_at.is_(None))
                    .values(revoked_at=_now()))

    def revoke_id(self, user_id: str, session_id: str, *, db: Session | None = None) -> bool:
        with _within(db) as db:
            result = db.exec(sa.update(UserSession).where(
                UserSession.id == uuid.UUID(session_id), UserSession.user_id == uuid.UUID(user_id),
                UserSession.revoked_at.is_(None)).values(revoked_at=_now()))
            return result.rowcount == 1

    def revoke_user(self, user_id: str, except_hash: str | None = None, *, db: Session | None = None) -> int:
        with _within(db) as db:
            query = sa.update(UserSession).where(UserSession.user_id == uuid.UUID(user_id),
                                                 UserSession.revoked_at.is_(None))
            if except_hash:
                query = query.where(UserSession.token_hash != except_hash)
            return db.exec(query.values(revoked_at=_now())).rowcount

    def list_user(self, user_id: str, *, db: Session | None = None) -> list[SessionRecord]:
        now = _now()
        with _within(db) as db:
            rows = db.exec(select(UserSession).where(
                UserSession.user_id == uuid.UUID(user_id), UserSession.pending.is_(False),
                UserSession.revoked_at.is_(None), UserSession.expires_at > now,
            ).order_by(UserSession.last_seen_at.desc())).all()
            return [_record(r) for r in rows]


def _record(row: UserSession) -> SessionRecord:
    return SessionRecord(
        id=str(row.id), user_id=str(row.user_id), remember=row.remember, user_agent=row.user_agent,
        ip_address=row.ip_address, created_at=as_utc(row.created_at), last_seen_at=as_utc(row.last_seen_at),
        expires_at=as_utc(row.expires_at), browser_hash=row.browser_hash,
    )


class RedisSessionStore:
    """sess:<hash> holds the record with a TTL; user:<id>:sessions indexes a user's hashes."""

    def __init__(self, client: redis.Redis, prefix: str = "influfinder:") -> None:
        self.r = client
        self.p = prefix

    def _key(self, kind: str, value: str) -> str:
        return f"{self.p}{kind}:{value}"

    def create_grant(self, grant_hash: str, record: SessionRecord, *, db: Session | None = None) -> None:
        ttl = max(1, int((record.expires_at - _now()).total_seconds()))
        self.r.set(self._key("grant", grant_hash), _dump(record), ex=ttl)

    def activate(self, grant_hash: str, token_hash: str, idle: timedelta, idle_remembered: timedelta,
                 browser_hash: str) -> SessionRecord | None:
        raw = self.r.getdel(self._key("grant", grant_hash))  # atomic: one winner, and burnt for everyone else
        if raw is None:
            return None
        now = _now()
        granted = _load(raw)
        if granted.expires_at <= now or granted.browser_hash != browser_hash:
            return None
        idle = idle_remembered if granted.remember else idle
        record = SessionRecord(**{**granted.__dict__, "last_seen_at": now, "expires_at": now + idle})
        pipe = self.r.pipeline()
        pipe.set(self._key("sess", token_hash), _dump(record), ex=int(idle.total_seconds()))
        pipe.sadd(self._key("user", record.user_id), token_hash)
        self._outlive(pipe, record.user_id, idle)
        pipe.execute()
        return record

    def _outlive(self, pipe: redis.client.Pipeline, user_id: str, idle: timedelta) -> None:
        """The user's index lives as long as their longest session, then goes: someone who never comes back
        leaves no key behind. NX gives a new index its expiry, GT only ever lengthens it."""
        key, seconds = self._key("user", user_id), int(idle.total_seconds())
        pipe.expire(key, seconds, nx=True)
        pipe.expire(key, seconds, gt=True)

    def get(self, token_hash: str, *, db: Session | None = None) -> SessionRecord | None:
        raw = self.r.get(self._key("sess", token_hash))
        return _load(raw) if raw else None

    def touch(self, token_hash: str, idle: timedelta, *, db: Session | None = None) -> None:
        record = self.get(token_hash)
        if record is None:
            return
        now = _now()
        updated = SessionRecord(**{**record.__dict__, "last_seen_at": now, "expires_at": now + idle})
        # xx=True: never resurrect a session revoked between the read and the write.
        pipe = self.r.pipeline()
        pipe.set(self._key("sess", token_hash), _dump(updated), ex=int(idle.total_seconds()), xx=True)
        self._outlive(pipe, record.user_id, idle)
        pipe.execute()

    def revoke(self, token_hash: str, *, db: Session | None = None) -> None:
        record = self.get(token_hash)
        self.r.delete(self._key("sess", token_hash))
        if record:
            self.r.srem(self._key("user", record.user_id), token_hash)

    def revoke_id(self, user_id: str, session_id: str, *, db: Session | None = None) -> bool:
        for token_hash, record in self._user_records(user_id):
            if record.id == session_id:
                self.revoke(token_hash)
                return True
        return False

    def revoke_user(self, user_id: str, except_hash: str | None = None, *, db: Session | None = None) -> int:
        hashes = [h for h, _ in self._user_records(user_id) if h != except_hash]
        for token_hash in hashes:
            self.revoke(token_hash)
        return len(hashes)

    def list_user(self, user_id: str, *, db: Session | None = None) -> list[SessionRecord]:
        records = [r for _, r in self._user_records(user_id)]
        return sorted(records, key=lambda r: r.last_seen_at, reverse=True)

    def _user_records(self, user_id: str) -> list[tuple[str, SessionRecord]]:
        found = []
        for member in self.r.smembers(self._key("user", user_id)):
            token_hash = member.decode() if isinstance(member, bytes) else member
            record = self.get(token_hash)
            if record is None:
                self.r.srem(self._key("user", user_id), token_hash)  # expired: tidy the index
            else:
                found.append((token_hash, record))
        return found


def _dump(record: SessionRecord) -> str:
    data = asdict(record)
    for key in ("created_at", "last_seen_at", "expires_at"):
        data[key] = data[key].isoformat()
    return json.dumps(data)


def _load(raw: bytes | str) -> SessionRecord:
    data = json.loads(raw)
    for key in ("created_at", "last_seen_at", "expires_at"):
        data[key] = datetime.fromisoformat(data[key])
    return SessionRecord(**data)
