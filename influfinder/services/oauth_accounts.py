"""Signing in with a provider account (Google, Facebook, Instagram, TikTok).

Given the identity the provider vouched for, `sign_in` finds the user linked to it, else links it
to the account with the same email only when the provider verified that email, else creates an
account. Taking over an account needs proof of its email: an unverified provider email, or an
account that never confirmed its own, is refused and nothing changes.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import UserType
from influfinder.domain.identity import IdentityError, normalize_email, normalize_username
from influfinder.domain.oauth_identity import LABELS, PROVIDERS, ExternalIdentity, platform_handle, username_base
from influfinder.i18n import _
from influfinder.integrations import oauth_providers
from influfinder.integrations.rate_limit import limiter
from influfinder.models import OAuthIdentity, Profile, User
from influfinder.services import guards
from influfinder.services.accounts import has_password, send_verification
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError
from influfinder.settings import get_settings

# Accounts from providers that give no email address get one under a reserved domain that can never
# receive mail (RFC 2606), unique per provider account. They stay unverified.
NO_EMAIL_DOMAIN = "no-email.invalid"

# What went wrong with a sign-in, keyed by the code /login receives; {provider} is the provider's name.
MESSAGES = {
    "denied": "You cancelled signing in with {provider}. Nothing was changed.",
    "state": "That sign-in with {provider} could not be checked (it expired or began in another browser). Try again.",
    "provider": "{provider} could not sign you in just now. Try again in a moment.",
    "unavailable": "Signing in with {provider} is not available.",
    "deactivated": "This account has been deactivated, so it cannot sign in. Contact us if you think this is a mistake.",
    "deleted": "This account was deleted, so it cannot sign in.",
    "email_unverified": ("An account already uses the email address of your {provider} account, and {provider} "
                         "did not confirm that address to us. Log in with your email and password instead."),
    "account_unconfirmed": ("An account already uses this email address but has not confirmed it yet. Confirm it "
                            "with the link we mailed (or reset its password), then continue with {provider}."),
    "other_linked": "Your account is already linked to another {provider} account.",
    "busy": "Too many new accounts from your network. Try again in an hour.",
}


def available_providers() -> list[tuple[str, str]]:
    """(name, label) of each provider configured here, for the "Continue with ..." buttons."""
    return [(p.name, p.label) for p in oauth_providers.enabled()]


def message(code: object, provider: object) -> str:
    """The sentence for a code from /login's address; unknown codes and providers say nothing."""
    if not isinstance(code, str) or code not in MESSAGES:
        return ""
    return MESSAGES[code].format(provider=LABELS.get(provider, "The provider") if isinstance(provider, str) else "")


class SignInRefused(ServiceError):
    """A refused sign-in; `code` travels to /login, which shows MESSAGES[code]."""

    def __init__(self, code: str, provider: str) -> None:
        super().__init__(message(code, provider))
        self.code = code


@dataclass(frozen=True)
class SignedIn:
    user_id: uuid.UUID
    created: bool


def _now() -> datetime:
    return datetime.now(timezone.utc)


def role_from(value: object) -> UserType:
    """The role asked for on the start link: creator, business or agency; anything else is a creator."""
    name = value.upper() if isinstance(value, str) else ""
    return UserType(name) if name in UserType.values() else UserType.CREATOR


def sign_in(db: Session, identity: ExternalIdentity, *, role: UserType, ip_address: str) -> SignedIn:
    if identity.provider not in PROVIDERS or not identity.subject or len(identity.subject) > 255:
        raise SignInRefused("provider", identity.provider)
    linked = db.exec(select(OAuthIdentity).where(OAuthIdentity.provider == identity.provider,
                                                 OAuthIdentity.subject == identity.subject)).first()
    if linked is not None:
        user = db.get(User, linked.user_id)
        _check_usable(user, identity.provider)
        return SignedIn(_signed_in(db, user, identity), created=False)
    email = _email(identity)
    user = db.exec(select(User).where(User.email == email)).first() if email else None
    if user is not None:
        _check_can_link(db, user, identity)
        _link(db, user, identity)
        return SignedIn(_signed_in(db, user, identity), created=False)
    return SignedIn(_create(db, identity, email, role, ip_address), created=True)


def _email(identity: ExternalIdentity) -> str | None:
    try:
        email = normalize_email(identity.email) if identity.email else None
    except IdentityError:
        return None
    return None if email is None or email.endswith("@" + NO_EMAIL_DOMAIN) else email


def _check_usable(user: User | None, provider: str) -> None:
    if user is None or user.deleted_at is not None:
        raise SignInRefused("deleted", provider)
    if not user.is_active:
        raise SignInRefused("deactivated", provider)


def _check_can_link(db: Session, user: User, identity: ExternalIdentity) -> None:
    _check_usable(user, identity.provider)
    if not identity.email_verified:
        raise SignInRefused("email_unverified", identity.provider)
    if not user.is_verified:
        # Someone may have signed up with this address without owning it: they must not keep a way in.
        raise SignInRefused("account_unconfirmed", identity.provider)
    if db.exec(select(OAuthIdentity.id).where(OAuthIdentity.user_id == user.id,
                                             OAuthIdentity.provider == identity.provider)).first():
        raise SignInRefused("other_linked", identity.provider)


def _link(db: Session, user: User, identity: ExternalIdentity) -> None:
    db.add(OAuthIdentity(user_id=user.id, provider=identity.provider, subject=identity.subject))
    # A new dict, so the JSON column is seen as changed.
    user.auth_providers = {**(user.auth_providers or {}), identity.provider: identity.subject}
    _flush(db, identity.provider)


def _signed_in(db: Session, user: User, identity: ExternalIdentity) -> uuid.UUID:
    user.last_login_at = user.updated_at = _now()
    db.add(user)
    handle = platform_handle(identity)
    if handle:
        profile = db.exec(select(Profile).where(Profile.user_id == user.id)).first()
        if profile is not None and not getattr(profile, f"{identity.provider}_handle"):
            setattr(profile, f"{identity.provider}_handle", handle)
            db.add(profile)
    return user.id


def _create(db: Session, identity: ExternalIdentity, email: str | None, role: UserType, ip_address: str) -> uuid.UUID:
    if not limiter().hit("signup_ip", ip_address or "unknown").allowed:
        raise SignInRefused("busy", identity.provider)
    verified = bool(email and identity.email_verified)
    user = User(
        email=email or _placeholder_email(identity), username=_free_username(db, identity), password_hash=None,
        user_type=role, is_verified=verified, email_verified_at=_now() if verified else None,
        is_admin=verified and email in get_settings().admin_email_set, last_login_at=_now(),
        auth_providers={identity.provider: identity.subject},
    )
    db.add(user)
    _flush(db, identity.provider)  # the user row first: without ORM relationships, flush order is not by key
    profile = Profile(user_id=user.id, display_name=identity.name[:80] or user.username)
    handle = platform_handle(identity)
    if handle:
        setattr(profile, f"{identity.provider}_handle", handle)
    db.add(profile)
    db.add(OAuthIdentity(user_id=user.id, provider=identity.provider, subject=identity.subject))
    _flush(db, identity.provider)
    if email and not verified:
        send_verification(db, user)
    return user.id


def _flush(db: Session, provider: str) -> None:
    try:
        db.flush()
    except sa.exc.IntegrityError:  # a sign-in racing this one linked or created the same thing first
        raise SignInRefused("provider", provider) from None


def _placeholder_email(identity: ExternalIdentity) -> str:
    digest = hashlib.sha256(f"{identity.provider}:{identity.subject}".encode()).hexdigest()[:24]
    return f"{identity.provider}-{digest}@{NO_EMAIL_DOMAIN}"


def _free_username(db: Session, identity: ExternalIdentity) -> str:
    base = username_base(identity)
    candidates = [base, *(f"{base}_{secrets.randbelow(10_000):04d}" for _ in range(8))]
    for candidate in candidates:
        try:
            username = normalize_username(candidate)
        except IdentityError:
            continue
        if db.exec(select(User.id).where(User.username == username)).first() is None:
            return username
    return f"user_{secrets.token_hex(6)}"


# --- Settings: the signed-in user's own linked providers -------------------------------------------


@dataclass(frozen=True)
class LinkedProvider:
    provider: str
    label: str
    linked_at: datetime


@dataclass(frozen=True)
class LinkedAccounts:
    providers: list[LinkedProvider]
    can_unlink: bool  # only while a password is left to sign in with: unlinking must never lock someone out


def linked_accounts(db: Session, actor: Actor | None) -> LinkedAccounts:
    actor = guards.signed_in(actor)
    rows = db.exec(select(OAuthIdentity).where(OAuthIdentity.user_id == actor.id)
                   .order_by(OAuthIdentity.created_at)).all()
    return LinkedAccounts([LinkedProvider(r.provider, LABELS[r.provider], r.created_at) for r in rows],
                          can_unlink=has_password(db, actor))


def unlink(db: Session, actor: Actor, provider: object) -> None:
    if not isinstance(provider, str) or provider not in PROVIDERS:
        raise ServiceError("Choose a linked account.")
    if not has_password(db, actor):
        raise ServiceError(_("Your account has no password, so unlinking {value} would lock you out. Set a password first.").format(value=LABELS[provider]))
    row = db.exec(select(OAuthIdentity).where(OAuthIdentity.user_id == actor.id,
                                              OAuthIdentity.provider == provider)).first()
    if row is None:
        raise ServiceError(_("Your account is not linked to {value}.").format(value=LABELS[provider]))
    db.delete(row)
    user = db.get(User, actor.id)
    user.auth_providers = {k: v for k, v in (user.auth_providers or {}).items() if k != provider}
    user.updated_at = _now()
    db.add(user)
