"""Account use cases: sign up, verify, log in, reset, change or set the password, change the email, delete.

Every function runs inside a caller's transaction (`db`) and raises ServiceError, changing
nothing, when it refuses. Mails go out after the commit (services.effects). bcrypt is slow on
purpose: async callers run these functions in a thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import TokenPurpose, UserType
from influfinder.domain.identity import IdentityError, looks_like_email, normalize_email, normalize_username
from influfinder.domain.password_policy import check_password
from influfinder.i18n import N_, _
from influfinder.integrations import mail
from influfinder.integrations.rate_limit import limiter, wait_message
from influfinder.models import OAuthIdentity, Profile, User
from influfinder.services import api_tokens, guards, sessions, tokens
from influfinder.services.actors import Actor
from influfinder.services.effects import after_commit
from influfinder.services.errors import RateLimited, ServiceError
from influfinder.services.passwords import hash_password, verify_password
from influfinder.settings import get_settings

WRONG_LOGIN = N_("Wrong email, username or password.")
FORGOT_ANSWER = N_("If an account uses that email, we sent it a link to reset the password. It is valid for 30 minutes.")
# Says no more than sign-up's refusal does: that some account uses the address.
EMAIL_TAKEN = N_("Another account already uses this email address.")
SIGNUP_TYPES = {t.value: t for t in UserType}
# Compared against when the account does not exist, so both answers take the same time.
_DUMMY_HASH = hash_password("influfinder-timing-equalizer", rounds=4)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _throttle(rule: str, key: str) -> None:
    decision = limiter().hit(rule, key)
    if not decision.allowed:
        raise RateLimited(wait_message(decision.retry_after_s), retry_after=decision.retry_after_s)


def _text(value: object, field: str, *, max_len: int, label: str) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ServiceError(_("{label} must be text.").format(label=label), field)
    if len(value) > max_len:
        raise ServiceError(_("{label} is too long (at most {max_len} characters).").format(label=label, max_len=max_len), field)
    return value


def _identity(fn, value: object) -> str:
    try:
        return fn(value)
    except IdentityError as error:
        raise ServiceError(error.message, error.field) from None


def _check_new_password(password: object, *, email: str, username: str) -> str:
    if not isinstance(password, str) or not password:
        raise ServiceError("Choose a password.", "password")
    problems = check_password(password, email=email, username=username)
    if problems:
        raise ServiceError(problems[0], "password")
    return password


@dataclass(frozen=True)
class SignUpInput:
    email: object
    username: object
    password: object
    user_type: object


def sign_up(db: Session, data: SignUpInput, *, ip_address: str) -> uuid.UUID:
    _throttle("signup_ip", ip_address or "unknown")
    email = _identity(normalize_email, data.email)
    username = _identity(normalize_username, data.username)
    if not isinstance(data.user_type, str) or data.user_type not in SIGNUP_TYPES:
        raise ServiceError("Choose Creator, Business or Agency.", "user_type")
    password = _check_new_password(data.password, email=email, username=username)
    if db.exec(select(User.id).where(User.email == email)).first():
        raise ServiceError("An account already uses this email. Log in, or reset your password.", "email")
    if db.exec(select(User.id).where(User.username == username)).first():
        raise ServiceError("That username is taken. Choose another.", "username")
    user = User(email=email, username=username, password_hash=hash_password(password),
                user_type=SIGNUP_TYPES[data.user_type], auth_providers={"email": email})
    db.add(user)
    try:
        db.flush()  # the user row first: without ORM relationships, flush order is not by foreign key
    except sa.exc.IntegrityError:  # a concurrent sign-up took the email or username
        raise ServiceError("An account already uses this email or username.", "email") from None
    db.add(Profile(user_id=user.id, display_name=username))
    send_verification(db, user)
    return user.id


def send_verification(db: Session, user: User) -> None:
    token = tokens.issue(db, user.id, TokenPurpose.VERIFY_EMAIL)
    message = mail.verification_mail(user.email, user.username, mail.action_url("/verify", token=token))
    after_commit(db, mail.deliver_sync, message)


def verify_email(db: Session, token: object) -> uuid.UUID:
    user_id = tokens.consume(db, token, TokenPurpose.VERIFY_EMAIL)
    user = db.get(User, user_id)
    if user is None or not user.is_active:
        raise ServiceError(tokens.INVALID)
    user.is_verified = True
    user.email_verified_at = user.email_verified_at or _now()
    if user.email in get_settings().admin_email_set:
        user.is_admin = True
    user.updated_at = _now()
    db.add(user)
    return user.id


def resend_verification(db: Session, actor: Actor) -> None:
    user = _own_user(db, actor)
    if not has_real_email(user.email):
        raise ServiceError("Add your email address in Settings first.")
    if user.is_verified:
        raise ServiceError("Your email is already verified.")
    _throttle("verify_resend", str(user.id))
    send_verification(db, user)


def authenticate(db: Session, identifier: object, password: object, *, ip_address: str) -> uuid.UUID:
    """The user id for a correct email-or-username and password.

    Throttled per client IP (a hard limit), per account and IP together (a hard limit: one address
    cannot keep guessing one account), and per account from anywhere by a growing delay (never a
    lockout a stranger could use against the owner). The account is the user the text names,
    however it was typed: email and username count together. Text that names nobody is counted
    as typed, so guessing unknown names is throttled the same way.
    """
    if not isinstance(identifier, str) or not identifier.strip() or len(identifier) > 254:
        raise ServiceError("Enter your email or username.", "identifier")
    if not isinstance(password, str) or not password or len(password) > 1024:
        raise ServiceError("Enter your password.", "password")
    typed = identifier.strip().lower()
    column = User.email if looks_like_email(typed) else User.username
    user = db.exec(select(User).where(column == typed)).first()
    account = f"user:{user.id}" if user is not None else f"unknown:{typed}"
    ip = ip_address or "unknown"
    for decision in (limiter().peek("login_ip", ip), limiter().peek("login_account", f"{account} {ip}"),
                     limiter().delay_wait("login_delay", account)):
        if not decision.allowed:
            raise RateLimited(wait_message(decision.retry_after_s), retry_after=decision.retry_after_s)
    usable = user is not None and user.is_active and user.deleted_at is None
    if not verify_password(password, user.password_hash if usable else _DUMMY_HASH) or not usable:
        limiter().hit("login_ip", ip)
        limiter().hit("login_account", f"{account} {ip}")
        limiter().delay_failed("login_delay", account)
        raise ServiceError(WRONG_LOGIN)
    limiter().reset("login_account", f"{account} {ip}")
    limiter().delay_reset("login_delay", account)
    user.last_login_at = _now()
    db.add(user)
    return user.id


def forgot_password(db: Session, email: object) -> str:
    """The same answer whether the email exists or not; the reset link goes out by mail."""
    try:
        address = normalize_email(email)
    except IdentityError as error:
        raise ServiceError(error.message, "email") from None
    _throttle("forgot_password", address)
    user = db.exec(select(User).where(User.email == address)).first()
    if user is not None and user.is_active and user.deleted_at is None:
        token = tokens.issue(db, user.id, TokenPurpose.RESET_PASSWORD)
        message = mail.password_reset_mail(user.email, user.username, mail.action_url("/reset-password", token=token))
        # The mail goes out after the commit, in a worker thread: both answers take the same time.
        after_commit(db, mail.deliver_sync, message)
    return FORGOT_ANSWER


def reset_password(db: Session, token: object, new_password: object) -> uuid.UUID:
    if not isinstance(new_password, str) or not new_password:
        raise ServiceError("Choose a new password.", "password")
    user_id = tokens.consume(db, token, TokenPurpose.RESET_PASSWORD)
    user = db.get(User, user_id)
    if user is None or not user.is_active:
        raise ServiceError(tokens.INVALID)
    _set_password(db, user, _check_new_password(new_password, email=user.email, username=user.username))
    after_commit(db, sessions.end_all, user.id)
    api_tokens.revoke_user(db, user.id)
    return user.id


def change_password(db: Session, actor: Actor, current: object, new_password: object, *, keep_token: str) -> None:
    """Change the password, or set a first one when the account has none (made through a provider)."""
    user = _own_user(db, actor)
    if user.password_hash is not None and not _password_matches(user, current):
        raise ServiceError("Your current password is not right.", "current_password")
    password = _check_new_password(new_password, email=user.email, username=user.username)
    if verify_password(password, user.password_hash):
        raise ServiceError("Choose a password different from the current one.", "password")
    if user.password_hash is None:  # from now on the account also signs in with its address and this password
        user.auth_providers = {**(user.auth_providers or {}), "email": user.email}
    _set_password(db, user, password)
    after_commit(db, sessions.end_others, user.id, keep_token)
    api_tokens.revoke_user(db, user.id)  # the API's logins too; the API hands its caller a new pair


def has_password(db: Session, actor: Actor) -> bool:
    """False for an account made through a provider that never set a password."""
    return bool(_own_user(db, actor).password_hash)


def _own_user(db: Session, actor: Actor | None) -> User:
    user = db.get(User, guards.signed_in(actor).id)
    if user is None:
        raise ServiceError("Log in again to continue.")
    return user


def _password_matches(user: User, password: object) -> bool:
    return isinstance(password, str) and verify_password(password, user.password_hash)


def _set_password(db: Session, user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.updated_at = _now()
    db.add(user)
    after_commit(db, mail.deliver_sync, mail.password_changed_mail(user.email, user.username,
                                                                   mail.action_url("/forgot-password")))


def change_email(db: Session, actor: Actor, new_email: object, password: object) -> str:
    """Give the account a new address (or a first real one), unverified until its link is opened.

    The link goes to the new address; a notice goes to the old one when it can receive mail. Admin
    rights follow a verified address listed in ADMIN_EMAILS: they go with the old address and come
    back only when verify_email confirms a listed new one. Returns the new address.
    """
    user = _own_user(db, actor)
    address = _identity(normalize_email, new_email)
    if address == user.email:
        raise ServiceError("That is already your email address.", "email")
    if user.password_hash is not None and not _password_matches(user, password):
        raise ServiceError("Your password is not right.", "password")
    _throttle("verify_resend", str(user.id))  # each change mails a link: the same 3 an hour as "resend"
    if db.exec(select(User.id).where(User.email == address)).first():
        raise ServiceError(EMAIL_TAKEN, "email")
    old_address = user.email
    user.email, user.is_verified, user.email_verified_at, user.is_admin = address, False, None, False
    if "email" in (user.auth_providers or {}):
        user.auth_providers = {**user.auth_providers, "email": address}
    user.updated_at = _now()
    db.add(user)
    try:
        db.flush()
    except sa.exc.IntegrityError:  # a concurrent sign-up or change took the address first
        raise ServiceError(EMAIL_TAKEN, "email") from None
    send_verification(db, user)  # a new link voids any older one
    if has_real_email(old_address):
        after_commit(db, mail.deliver_sync, _email_changed_notice(old_address, user.username, address))
    return address


def has_real_email(address: str) -> bool:
    """False for the placeholder of an account made without an email (and for deleted accounts)."""
    return mail.can_receive(address)


def _email_changed_notice(old_address: str, username: str, new_address: str) -> mail.MailMessage:
    local, _at, domain = new_address.partition("@")
    masked = f"{local[:1]}***@{domain}"  # enough to recognise, not enough to hand the address to a reader
    return mail.notification_mail(
        old_address, _("Your email address was changed"),
        _("The email address of your Influfinder account @{username} was changed to {masked}, and mail for the "
          "account now goes there. If you did not make this change, someone else may be using your account: "
          "sign in and check your settings.").format(username=username, masked=masked),
        mail.action_url("/settings"), button=N_("Open settings"),
    )


def delete_account(db: Session, actor: Actor, confirmation: object) -> None:
    """Anonymize the account; the other party's history stays readable as "Deleted user".

    `confirmation` is the password, or for an account without one (made through a provider) its username.
    """
    user = _own_user(db, actor)
    _check_delete_confirmation(user, confirmation)
    from influfinder.services.profiles import anonymize_profile

    avatar = anonymize_profile(db, user.id)
    marker = uuid.uuid4().hex[:12]
    user.email = f"deleted-{marker}@deleted.invalid"
    user.username = f"deleted_{marker}"
    user.password_hash = None
    user.auth_providers = {}
    db.exec(sa.delete(OAuthIdentity).where(OAuthIdentity.user_id == user.id))  # the provider accounts go free
    from influfinder.services.connected_accounts import forget_all

    forget_all(db, user.id)  # connected accounts' tokens revoked, their figures deleted
    user.is_active = False
    user.is_admin = False
    user.deleted_at = _now()
    user.updated_at = _now()
    db.add(user)
    after_commit(db, sessions.end_all, user.id)
    api_tokens.revoke_user(db, user.id)
    if avatar:
        from influfinder.integrations import storage

        after_commit(db, storage.delete, avatar)


def _check_delete_confirmation(user: User, confirmation: object) -> None:
    if user.password_hash is not None:
        if not _password_matches(user, confirmation):
            raise ServiceError("Your password is not right.", "password")
    elif not isinstance(confirmation, str) or confirmation.strip().lower().removeprefix("@") != user.username:
        raise ServiceError(_("That is not your username. Type {username} to confirm.").format(username=user.username), "username")
