"""A creator's connected Instagram, TikTok and Facebook accounts: connect, read, refresh results, unlink.

Connecting stores the account with its tokens sealed (integrations/token_vault) and its first
snapshot. Each good reading (at connect, then daily by services/audience_refresh) becomes the day's
snapshot and is copied onto Profile.verified_audience, where eligibility, "Your fit" and the
applicants list find it. A failed refresh keeps the last good snapshot and records what went wrong,
which Settings tells the creator. Unlinking (or deleting the account) deletes the tokens and the
snapshots, and asks the provider to revoke the token after the commit.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.i18n.audience import verified_words
from influfinder.domain import verified_audience as va
from influfinder.domain.moments import as_utc, as_utc_or_none
from influfinder.integrations import audience_api, oauth_providers, token_vault
from influfinder.integrations.audience_api import Reading, Token
from influfinder.models import AudienceSnapshot, ConnectedAccount, Profile
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.effects import after_commit
from influfinder.services.errors import ServiceError

# Why a connection could not be made, keyed by the code /settings receives; {provider} is its label.
CONNECT_MESSAGES = {
    "connected": "{provider} is connected: your figures from it are now shown as verified.",
    "denied": "You cancelled connecting {provider}. Nothing was changed.",
    "state": "That connection to {provider} could not be checked (it expired or began in another tab). Try again.",
    "provider": "{provider} could not be connected just now. Try again in a moment.",
    "unavailable": "Connecting {provider} is not available.",
    "taken": "This {provider} account is already connected to another Influfinder account.",
    "creators_only": "Only creators connect accounts for their audience figures.",
    **{kind: "{provider} was reached, but " + text for kind, text in (
        (va.EXPIRED, "it did not accept our access. Try again."),
        (va.REVOKED, "it did not give us the permissions to read your figures. Allow them and try again."),
        (va.RATE_LIMITED, "it asked us to slow down. Try again in a few minutes."),
        (va.MALFORMED, "it sent figures we could not read. Try again later."),
        (va.UNAVAILABLE, "it did not answer. Try again in a moment."),
    )},
}


def connect_message(code: object, provider: object) -> str:
    if not isinstance(code, str) or code not in CONNECT_MESSAGES:
        return ""
    label = va.LABELS.get(provider, "The provider") if isinstance(provider, str) else "The provider"
    return CONNECT_MESSAGES[code].format(provider=label)


class ConnectRefused(ServiceError):
    def __init__(self, code: str, provider: str) -> None:
        super().__init__(connect_message(code, provider))
        self.code = code


# --- connecting and unlinking (the signed-in creator) ----------------------------------------------


def can_connect(db: Session, actor: Actor | None, provider: str) -> str:
    """Checked before sending the browser to the provider, so nobody consents for nothing. Returns who
    is connecting, which the flow keeps: the account goes to the same person at the callback."""
    if actor is None or not actor.is_creator:
        raise ConnectRefused("creators_only", provider)
    return str(actor.id)


def connect(db: Session, actor: Actor | None, provider: str, reading: Reading, started_by: object) -> None:
    if can_connect(db, actor, provider) != started_by:  # signed out or switched user during the flow
        raise ConnectRefused("state", provider)
    if provider not in va.CONNECTABLE:
        raise ConnectRefused("unavailable", provider)
    owner = db.exec(select(ConnectedAccount.user_id).where(ConnectedAccount.provider == provider,
                                                           ConnectedAccount.external_id == reading.external_id)).first()
    if owner is not None and owner != actor.id:
        raise ConnectRefused("taken", provider)
    account = _own(db, actor.id, provider)
    if account is not None and account.external_id != reading.external_id:  # another account of theirs: start over
        _forget(db, account)
        account = None
    if account is None:
        account = ConnectedAccount(user_id=actor.id, provider=provider, external_id=reading.external_id,
                                   access_token="")
    _keep_reading(db, account, reading, guards.now())


def disconnect(db: Session, actor: Actor | None, provider: object) -> None:
    actor = guards.signed_in(actor)
    account = _own(db, actor.id, provider) if isinstance(provider, str) else None
    if account is None:
        raise ServiceError("That account is not connected.")
    _forget(db, account)


def forget_all(db: Session, user_id: uuid.UUID) -> None:
    """Account deletion: every connected account goes, its tokens revoked after the commit."""
    for account in db.exec(select(ConnectedAccount).where(ConnectedAccount.user_id == user_id)).all():
        _forget(db, account)


def _own(db: Session, user_id: uuid.UUID, provider: str) -> ConnectedAccount | None:
    return db.exec(select(ConnectedAccount).where(ConnectedAccount.user_id == user_id,
                                                  ConnectedAccount.provider == provider)).first()


def _forget(db: Session, account: ConnectedAccount) -> None:
    try:
        token = _token(account)
    except token_vault.TokenUnreadable:
        token = None
    db.exec(sa.delete(AudienceSnapshot).where(AudienceSnapshot.account_id == account.id))
    db.delete(account)
    profile = _profile(db, account.user_id)
    if profile is not None:
        profile.verified_audience = {k: v for k, v in profile.verified_audience.items() if k != account.provider}
        setattr(profile, f"{account.provider}_verified", False)
        db.add(profile)
    db.flush()
    if token is not None:
        after_commit(db, _revoke, account.provider, token)


def _revoke(provider_name: str, token: Token) -> None:
    provider = oauth_providers.get(provider_name)
    if provider is not None:
        asyncio.run(audience_api.revoke(provider, token))


# --- what the refresh job records ----------------------------------------------------------------


def due_accounts(db: Session, now: datetime, providers: list[str], limit: int = 100) -> list[uuid.UUID]:
    """Accounts of these (configured) providers whose refresh is due; those waiting for their owner to
    connect again are left alone."""
    return list(db.exec(select(ConnectedAccount.id).where(
        ConnectedAccount.next_refresh_at <= now, ConnectedAccount.status.not_in(va.NEEDS_RECONNECT),
        ConnectedAccount.provider.in_(providers),
    ).order_by(ConnectedAccount.next_refresh_at).limit(limit)).all())


def claim(db: Session, account_id: uuid.UUID, now: datetime, hold: timedelta) -> tuple[str, Token] | None:
    """Take the account for one refresh (a second process finds it taken); its provider and token."""
    taken = db.exec(sa.update(ConnectedAccount).where(
        ConnectedAccount.id == account_id, ConnectedAccount.next_refresh_at <= now,
    ).values(next_refresh_at=now + hold, last_attempt_at=now))
    if taken.rowcount != 1:
        return None
    account = db.get(ConnectedAccount, account_id)
    try:
        return account.provider, _token(account)
    except token_vault.TokenUnreadable:
        _record_problem(account, va.EXPIRED, None, now)
        db.add(account)
        return None


def record_reading(db: Session, account_id: uuid.UUID, reading: Reading, now: datetime) -> None:
    account = db.get(ConnectedAccount, account_id)
    if account is not None:  # unlinked while we were reading: nothing to keep
        _keep_reading(db, account, reading, now)


def record_failure(db: Session, account_id: uuid.UUID, error: audience_api.AudienceError, now: datetime) -> None:
    """The last good snapshot stays; the account says what went wrong and when we try again."""
    account = db.get(ConnectedAccount, account_id)
    if account is not None:
        _record_problem(account, error.kind, error.retry_after, now)
        db.add(account)


def _record_problem(account: ConnectedAccount, kind: str, retry_after: timedelta | None, now: datetime) -> None:
    account.failures += 1
    account.status = kind
    account.next_refresh_at = now + va.retry_delay(account.failures, retry_after)
    account.updated_at = now


def _keep_reading(db: Session, account: ConnectedAccount, reading: Reading, now: datetime) -> None:
    figures = reading.figures
    account.handle = figures.handle[:100]
    account.access_token = token_vault.seal(reading.token.access_token)
    account.refresh_token = token_vault.seal(reading.token.refresh_token) if reading.token.refresh_token else None
    account.token_expires_at = reading.token.expires_at
    account.status, account.failures = va.OK, 0
    account.next_refresh_at, account.updated_at = now + va.REFRESH_EVERY, now
    db.add(account)
    db.flush()
    snapshot = db.exec(select(AudienceSnapshot).where(AudienceSnapshot.account_id == account.id,
                                                      AudienceSnapshot.taken_on == now.date())).first()
    snapshot = snapshot or AudienceSnapshot(account_id=account.id, taken_on=now.date())
    snapshot.taken_at, snapshot.handle, snapshot.display_name = now, figures.handle[:100], figures.display_name[:200]
    snapshot.followers, snapshot.following, snapshot.posts = figures.followers, figures.following, figures.posts
    snapshot.provider_verified, snapshot.engagement = figures.provider_verified, figures.engagement
    db.add(snapshot)
    _copy_to_profile(db, account, snapshot)


def _copy_to_profile(db: Session, account: ConnectedAccount, snapshot: AudienceSnapshot) -> None:
    profile = _profile(db, account.user_id) or Profile(user_id=account.user_id)
    keep_reading(profile, account.provider, snapshot)
    if snapshot.handle and account.provider != "facebook":
        setattr(profile, f"{account.provider}_handle", snapshot.handle[:60])
    db.add(profile)


def keep_reading(profile: Profile, provider: str, snapshot: AudienceSnapshot) -> None:
    """The profile's copy of the latest good reading, which eligibility and the applicants list read."""
    profile.verified_audience = {**profile.verified_audience, provider: {
        "followers": snapshot.followers, "engagement": snapshot.engagement, "handle": snapshot.handle,
        "taken_at": as_utc(snapshot.taken_at).isoformat(),
    }}
    setattr(profile, f"{provider}_verified", bool(snapshot.provider_verified))


def _profile(db: Session, user_id: uuid.UUID) -> Profile | None:
    return db.exec(select(Profile).where(Profile.user_id == user_id)).first()


def _token(account: ConnectedAccount) -> Token:
    refresh = token_vault.open_sealed(account.refresh_token) if account.refresh_token else None
    return Token(token_vault.open_sealed(account.access_token), refresh, as_utc_or_none(account.token_expires_at))


# --- Settings: what the creator sees of their connected accounts ------------------------------------


@dataclass(frozen=True)
class ConnectedView:
    provider: str
    label: str
    handle: str
    followers: int
    following: int | None
    posts: int
    engagement: float | None
    provider_verified: bool
    source: str  # "Verified via Instagram, updated 2 days ago"
    problem: str  # what went wrong with the last refresh, or ""
    overruled: list[str]  # typed figures more than 20 % off the verified ones


@dataclass(frozen=True)
class ConnectedAccounts:
    accounts: list[ConnectedView]
    can_connect: list[tuple[str, str]]  # (provider, label) configured here and not yet connected


def my_connected_accounts(db: Session, actor: Actor | None) -> ConnectedAccounts:
    actor = guards.signed_in(actor)
    now = guards.now()
    rows = db.exec(select(ConnectedAccount).where(ConnectedAccount.user_id == actor.id)
                   .order_by(ConnectedAccount.created_at)).all()
    profile = _profile(db, actor.id)
    views = [_view(db, row, profile, now) for row in rows]
    connected = {row.provider for row in rows}
    offer = [(p.name, va.LABELS[p.name]) for p in oauth_providers.enabled()
             if p.name in va.CONNECTABLE and p.name not in connected] if actor.is_creator else []
    return ConnectedAccounts(views, offer)


def _view(db: Session, row: ConnectedAccount, profile: Profile | None, now: datetime) -> ConnectedView:
    snapshot = db.exec(select(AudienceSnapshot).where(AudienceSnapshot.account_id == row.id)
                       .order_by(AudienceSnapshot.taken_on.desc())).first()
    problem = "" if row.status == va.OK else va.problem_message(row.status, row.provider,
                                                                 as_utc(row.next_refresh_at), now)
    return ConnectedView(
        provider=row.provider, label=va.LABELS[row.provider], handle=row.handle,
        followers=snapshot.followers if snapshot else 0, following=snapshot.following if snapshot else None,
        posts=snapshot.posts if snapshot else 0, engagement=snapshot.engagement if snapshot else None,
        provider_verified=bool(snapshot and snapshot.provider_verified),
        source=verified_words(row.provider, snapshot.taken_at, now) if snapshot else "",
        problem=problem, overruled=_overruled(row.provider, profile, snapshot),
    )


def _overruled(provider: str, profile: Profile | None, snapshot: AudienceSnapshot | None) -> list[str]:
    if profile is None or snapshot is None:
        return []
    notes = []
    typed = getattr(profile, f"{provider}_followers")
    if va.disagrees(typed, snapshot.followers):
        notes.append(f"You typed {typed:,} followers; {va.LABELS[provider]} says {snapshot.followers:,}. "
                     "The verified figure is the one offers and businesses see.")
    typed_engagement = getattr(profile, f"{provider}_engagement")
    if snapshot.engagement is not None and va.disagrees(typed_engagement, snapshot.engagement):
        notes.append(f"You typed {typed_engagement:.1f}% engagement; {va.LABELS[provider]}'s figures give "
                     f"{snapshot.engagement:.1f}%. The verified figure is the one used.")
    return notes
