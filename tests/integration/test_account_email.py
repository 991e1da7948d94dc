"""Accounts made through a provider made fully usable: adding or changing the email address, setting a
first password, deleting without one, and no mail ever sent to a placeholder address.

Real services on SQLite, real sessions, mail through a real SMTP server (aiosmtpd) on 127.0.0.1.
"""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlparse

import pytest

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.domain.oauth_identity import ExternalIdentity
from influfinder.integrations import mail
from influfinder.models import Application, User
from influfinder.services import accounts, applications, effects, oauth_accounts, profiles, sessions
from influfinder.services.actors import actor_for_token
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.marketplace import make_user, published
from tests.support.people import reset_app_caches
from tests.support.smtp import SmtpServer

PASSWORD = "sunny river lamp 42"
NEW_PASSWORD = "quiet orchard violin 7"
CONFIRM = "Confirm your email"
MESSAGE = "I film dance clips every week and my audience is in Madrid."


@pytest.fixture
def inbox(settings_env, sqlite_url):
    """The services on a fresh SQLite file, mailing a real SMTP server; its inbox."""
    with SmtpServer() as smtp:
        settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="account-email-test", BCRYPT_ROUNDS="4",
                         ADMIN_EMAILS="boss@example.com", PUBLIC_URL="http://localhost:3000", **smtp.env)
        reset_app_caches()
        database.migrate()
        yield smtp.inbox
        effects.drain()
        reset_app_caches()


def _session_for(user_id) -> str:
    token, _ = sessions.open_session(user_id, remember=False, user_agent="pytest",
                                     ip_address="10.0.0.1")
    return token


def _actor(token):
    with database.session_scope() as db:
        return actor_for_token(db, token)


def _user(user_id) -> User:
    with database.session_scope() as db:
        return db.get(User, uuid.UUID(str(user_id)))


def _tiktok_account(subject="tt-1", handle="diego_dances") -> str:
    """A creator signed up with TikTok, which gives no email: a session token for them."""
    identity = ExternalIdentity(provider="tiktok", subject=subject, name="Diego N", handle=handle)
    with database.session_scope() as db:
        signed_in = oauth_accounts.sign_in(db, identity, role=UserType.CREATOR, ip_address="10.0.0.1")
    return _session_for(signed_in.user_id)


def _password_account(email="ana@example.com", username="ana_creates", *, verified=True) -> str:
    with database.session_scope() as db:
        user_id = accounts.sign_up(db, accounts.SignUpInput(email, username, PASSWORD, "CREATOR"),
                                   ip_address="10.0.0.1")
        db.get(User, user_id).is_verified = verified
    return _session_for(user_id)


def _call(fn, *args, **kwargs):
    with database.session_scope() as db:
        return fn(db, *args, **kwargs)


def _confirmation_token(inbox, address) -> str:
    effects.drain()
    return parse_qs(urlparse(inbox.link(inbox.wait_for(address, CONFIRM))).query)["token"][0]


def _invalid_recipients(inbox) -> list[str]:
    effects.drain()
    return [m["To"] for m in inbox.messages if m["To"].endswith(".invalid")]


def test_a_tiktok_account_adds_an_email_confirms_it_and_can_then_apply(inbox):
    engine = database.engine()
    offer_id = published(engine, make_user(engine, UserType.BUSINESS), platforms=["TIKTOK"],
                         requirements={"regular": {"min_followers": 500, "min_engagement": 1.5}})
    token = _tiktok_account()
    actor = _actor(token)
    assert not accounts.has_real_email(actor.email) and not actor.is_verified
    _call(profiles.update_profile, actor, {"tiktok": {"handle": "diego_dances", "followers": "5200", "engagement": 4}})
    with pytest.raises(NotAllowed, match="Add your email address in Settings first"):
        _call(applications.apply, actor, offer_id, {"message": MESSAGE})  # there is no link to confirm yet

    # No password on this account, so none is asked for; the address is normalized like at sign-up.
    assert _call(accounts.change_email, _actor(token), "  Diego@Example.COM ", None) == "diego@example.com"
    user = _user(actor.id)
    assert (user.email, user.is_verified) == ("diego@example.com", False)
    with pytest.raises(NotAllowed, match="Confirm your email first"):
        _call(applications.apply, _actor(token), offer_id, {"message": MESSAGE})

    _call(accounts.verify_email, _confirmation_token(inbox, "diego@example.com"))

    assert _actor(token).is_verified
    application_id = _call(applications.apply, _actor(token), offer_id, {"message": MESSAGE})
    with database.session_scope() as db:
        assert db.get(Application, application_id).creator_id == actor.id
    assert _invalid_recipients(inbox) == []


def test_a_taken_email_is_refused_in_any_case_and_nothing_changes(inbox):
    _password_account(email="ana@example.com")
    token = _tiktok_account()
    before = _user(_actor(token).id).email

    with pytest.raises(ServiceError) as refused:
        _call(accounts.change_email, _actor(token), "ANA@example.com", None)

    assert (refused.value.field, refused.value.message) == ("email", accounts.EMAIL_TAKEN)
    assert _user(_actor(token).id).email == before
    effects.drain()
    assert [m["Subject"] for m in inbox.to("ana@example.com")] == [CONFIRM]  # only her own sign-up mail


@pytest.mark.parametrize(("new_email", "message"), [
    ("not-an-email", "valid email"), ({"$ne": ""}, "Enter your email"), ("me@somewhere.invalid", "valid email"),
    ("ana@example.com", "already your email"),
])
def test_bad_new_addresses_get_a_message_next_to_the_field(inbox, new_email, message):
    token = _password_account()
    with pytest.raises(ServiceError) as refused:
        _call(accounts.change_email, _actor(token), new_email, PASSWORD)
    assert refused.value.field == "email" and message.lower() in refused.value.message.lower()
    assert _user(_actor(token).id).email == "ana@example.com"


def test_changing_the_email_needs_the_current_password_when_there_is_one(inbox):
    token = _password_account()
    for wrong in ("not my password", None, ""):
        with pytest.raises(ServiceError, match="password is not right") as refused:
            _call(accounts.change_email, _actor(token), "ana.new@example.com", wrong)
        assert refused.value.field == "password"
    user = _user(_actor(token).id)
    assert (user.email, user.is_verified) == ("ana@example.com", True)

    _call(accounts.change_email, _actor(token), "ana.new@example.com", PASSWORD)

    user = _user(user.id)
    assert (user.email, user.is_verified, user.email_verified_at) == ("ana.new@example.com", False, None)
    assert user.auth_providers == {"email": "ana.new@example.com"}
    _confirmation_token(inbox, "ana.new@example.com")
    notice = inbox.wait_for("ana@example.com", "Your email address was changed")
    text = notice.get_body(("plain",)).get_content()
    assert "a***@example.com" in text and "ana.new@example.com" not in text
    with pytest.raises(ServiceError, match="Wrong"):  # the old address no longer logs in
        _call(accounts.authenticate, "ana@example.com", PASSWORD, ip_address="10.0.0.2")
    assert _call(accounts.authenticate, "ana.new@example.com", PASSWORD, ip_address="10.0.0.2") == user.id


def test_a_change_voids_the_older_link_and_is_throttled_like_resend(inbox):
    token = _tiktok_account()
    _call(accounts.change_email, _actor(token), "first@example.com", None)
    first = _confirmation_token(inbox, "first@example.com")
    _call(accounts.change_email, _actor(token), "second@example.com", None)
    second = _confirmation_token(inbox, "second@example.com")

    with pytest.raises(ServiceError, match="already used"):
        _call(accounts.verify_email, first)
    assert not _user(_actor(token).id).is_verified
    _call(accounts.verify_email, second)
    assert _user(_actor(token).id).is_verified

    _call(accounts.change_email, _actor(token), "third@example.com", None)
    with pytest.raises(ServiceError, match="Too many attempts"):
        _call(accounts.change_email, _actor(token), "fourth@example.com", None)
    assert _user(_actor(token).id).email == "third@example.com"
    effects.drain()
    assert not inbox.to("fourth@example.com")


def test_admin_rights_follow_a_verified_listed_address(inbox):
    token = _tiktok_account()
    _call(accounts.change_email, _actor(token), "Boss@example.com", None)
    assert not _user(_actor(token).id).is_admin, "an address is not an admin's until it is confirmed"
    _call(accounts.verify_email, _confirmation_token(inbox, "boss@example.com"))
    assert _actor(token).is_admin

    _call(accounts.change_email, _actor(token), "someone@example.com", None)
    assert not _actor(token).is_admin, "the rights went with the listed address"
    _call(accounts.verify_email, _confirmation_token(inbox, "someone@example.com"))
    assert not _actor(token).is_admin


def test_an_account_without_a_password_sets_one_without_the_current_one(inbox):
    token = _tiktok_account()
    actor = _actor(token)
    other_device = _session_for(actor.id)
    assert not _call(accounts.has_password, actor)
    with pytest.raises(ServiceError, match="username"):  # the same policy as any password
        _call(accounts.change_password, actor, "", "diego_dances 2024", keep_token=token)

    _call(accounts.change_password, actor, None, NEW_PASSWORD, keep_token=token)

    effects.drain()
    assert _call(accounts.has_password, actor)
    assert _call(accounts.authenticate, "diego_dances", NEW_PASSWORD, ip_address="10.0.0.3") == actor.id
    assert _actor(token) is not None and _actor(other_device) is None
    # Once there is a password, changing it needs it again.
    with pytest.raises(ServiceError, match="current password") as refused:
        _call(accounts.change_password, _actor(token), None, "another fine password 9", keep_token=token)
    assert refused.value.field == "current_password"
    assert _invalid_recipients(inbox) == [], "the 'password changed' mail has no address to go to"


def test_an_account_without_a_password_is_deleted_by_typing_its_username(inbox):
    token = _tiktok_account()
    actor = _actor(token)
    for wrong in ("", None, "someone_else", PASSWORD):
        with pytest.raises(ServiceError, match="not your username") as refused:
            _call(accounts.delete_account, _actor(token), wrong)
        assert refused.value.field == "username"
    assert _user(actor.id).is_active and _actor(token) is not None

    _call(accounts.delete_account, _actor(token), " @Diego_Dances ")

    effects.drain()
    assert _actor(token) is None
    user = _user(actor.id)
    assert not user.is_active and user.deleted_at is not None


def test_an_account_with_a_password_is_not_deleted_by_its_username(inbox):
    token = _password_account()
    with pytest.raises(ServiceError, match="password is not right"):
        _call(accounts.delete_account, _actor(token), "ana_creates")
    assert _actor(token) is not None


def test_no_mail_ever_goes_to_a_placeholder_address(inbox):
    token = _tiktok_account()
    placeholder = _actor(token).email
    assert placeholder.endswith("@" + oauth_accounts.NO_EMAIL_DOMAIN)

    # Forgot password answers a placeholder like any address it cannot take, and mails nothing.
    with pytest.raises(ServiceError) as placeholder_answer:
        _call(accounts.forgot_password, placeholder)
    with pytest.raises(ServiceError) as other_answer:
        _call(accounts.forgot_password, "ghost@nowhere.invalid")
    assert placeholder_answer.value.message == other_answer.value.message
    # "Resend the link" has nowhere to send it.
    with pytest.raises(ServiceError, match="Add your email address"):
        _call(accounts.resend_verification, _actor(token))
    # Any mail to such an address, whoever sends it, is dropped before SMTP.
    message = mail.notification_mail(placeholder, "Hello", "Text", mail.action_url("/"))
    assert mail.deliver_sync(message) is False
    assert mail.deliver_sync(mail.notification_mail("real@example.com", "Hello", "Text", mail.action_url("/")))

    inbox.wait_for("real@example.com", "Hello")
    assert _invalid_recipients(inbox) == []
