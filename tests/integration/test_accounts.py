"""Accounts end to end below the UI: real SMTP (aiosmtpd), real sessions in the database and in Redis."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlparse

import pytest
import sqlalchemy as sa

from influfinder import database
from influfinder.domain.enums import TokenPurpose
from influfinder.integrations import rate_limit
from influfinder.models import OneTimeToken, Profile, User
from influfinder.services import accounts, effects, profiles, sessions, tokens
from influfinder.services.actors import actor_for_token
from influfinder.services.accounts import WRONG_LOGIN
from influfinder.services.errors import ServiceError
from tests.support.smtp import SmtpServer

PASSWORD = "sunny river lamp 42"
NEW_PASSWORD = "quiet orchard violin 7"


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def _drop_service_caches() -> None:
    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()


@pytest.fixture(params=["database", "redis"])
def app_env(request, settings_env, sqlite_url, smtp):
    """The app's services on SQLite, with sessions in the database or in the real Redis."""
    extra = {"REDIS_URL": request.getfixturevalue("redis_url")} if request.param == "redis" else {}
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="accounts-test", BCRYPT_ROUNDS="4",
                     ADMIN_EMAILS="boss@example.com", PUBLIC_URL="http://localhost:3000", **smtp.env, **extra)
    _drop_service_caches()
    database.migrate()
    yield smtp.inbox
    effects.drain()
    _drop_service_caches()


def _sign_up(email="ana@example.com", username="ana_creates", password=PASSWORD, user_type="CREATOR"):
    with database.session_scope() as db:
        return accounts.sign_up(db, accounts.SignUpInput(email, username, password, user_type), ip_address="10.0.0.1")


def _token_from(inbox, address, subject):
    effects.drain()
    link = inbox.link(inbox.wait_for(address, subject))
    return link, parse_qs(urlparse(link).query)["token"][0]


def _login(identifier="ana@example.com", password=PASSWORD, remember=False):
    with database.session_scope() as db:
        user_id = accounts.authenticate(db, identifier, password, ip_address="10.0.0.1")
    token, _ = sessions.open_session(user_id, remember=remember, user_agent="pytest",
                                     ip_address="10.0.0.1")
    return token


def _actor(token):
    with database.session_scope() as db:
        return actor_for_token(db, token)


def _user(email):
    with database.session_scope() as db:
        return db.exec(sa.select(User).where(User.email == email)).scalar_one()


def test_sign_up_sends_a_verification_link_that_works_once(app_env):
    _sign_up(email="Ana@Example.com")
    link, token = _token_from(app_env, "ana@example.com", "Confirm your email")
    assert link.startswith("http://localhost:3000/verify?token=")
    assert not _user("ana@example.com").is_verified

    with database.session_scope() as db:
        accounts.verify_email(db, token)
    assert _user("ana@example.com").is_verified
    with pytest.raises(ServiceError, match="already used"), database.session_scope() as db:
        accounts.verify_email(db, token)


def test_a_new_verification_link_voids_the_old_one_and_expired_links_are_refused(app_env):
    _sign_up()
    _, first = _token_from(app_env, "ana@example.com", "Confirm your email")
    actor = _actor(_login())
    app_env.messages.clear()
    with database.session_scope() as db:
        accounts.resend_verification(db, actor)
    _, second = _token_from(app_env, "ana@example.com", "Confirm your email")
    assert first != second
    with pytest.raises(ServiceError, match="already used"), database.session_scope() as db:
        accounts.verify_email(db, first)
    with database.session_scope() as db:
        db.exec(sa.update(OneTimeToken).where(OneTimeToken.used_at.is_(None))
                .values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    with pytest.raises(ServiceError, match="expired"), database.session_scope() as db:
        accounts.verify_email(db, second)
    assert not _user("ana@example.com").is_verified


def test_a_reset_token_is_not_a_verification_token(app_env):
    user_id = _sign_up()
    with database.session_scope() as db:
        reset = tokens.issue(db, user_id, TokenPurpose.RESET_PASSWORD)
    with pytest.raises(ServiceError, match="not valid"), database.session_scope() as db:
        accounts.verify_email(db, reset)
    assert not _user("ana@example.com").is_verified


def test_verifying_an_email_listed_in_admin_emails_makes_an_admin(app_env):
    _sign_up(email="boss@example.com", username="the_boss", user_type="BUSINESS")
    _, token = _token_from(app_env, "boss@example.com", "Confirm your email")
    assert not _user("boss@example.com").is_admin
    with database.session_scope() as db:
        accounts.verify_email(db, token)
    assert _user("boss@example.com").is_admin


def test_wrong_password_and_unknown_account_get_the_same_message(app_env):
    _sign_up()
    for identifier, password in (("ana@example.com", "not the password"), ("nobody@example.com", PASSWORD),
                                 ("ana_creates", "nope nope nope")):
        with pytest.raises(ServiceError) as refused, database.session_scope() as db:
            accounts.authenticate(db, identifier, password, ip_address="10.0.0.9")
        assert refused.value.message == accounts.WRONG_LOGIN


def test_log_in_by_username_and_log_out_ends_the_session_at_once(app_env):
    _sign_up()
    token = _login("ANA_CREATES")
    assert _actor(token).username == "ana_creates"
    sessions.end(token)
    assert _actor(token) is None


def test_a_login_grant_is_exchanged_once(app_env):
    user_id = _sign_up()
    nonce = sessions.new_browser_nonce()
    grant = sessions.start_grant(user_id, remember=True, user_agent="pytest", ip_address="10.0.0.1",
                                 browser_nonce=nonce)
    token, record = sessions.activate_grant(grant, nonce)
    assert record.remember and record.expires_at - record.last_seen_at == sessions.IDLE_REMEMBERED
    assert sessions.activate_grant(grant, nonce) is None
    assert _actor(token) is not None


def test_a_grant_presented_by_another_browser_is_refused_and_burnt(app_env):
    """Login CSRF: someone's own grant, sent to another browser, logs nobody in, and is spent."""
    user_id = _sign_up()
    mine = sessions.new_browser_nonce()
    grant = sessions.start_grant(user_id, remember=False, user_agent="pytest", ip_address="10.0.0.1",
                                 browser_nonce=mine)
    assert sessions.activate_grant(grant, sessions.new_browser_nonce()) is None
    assert sessions.activate_grant(grant, None) is None
    assert sessions.activate_grant(grant, mine) is None  # burnt: not even its own browser can use it now
    with pytest.raises(ValueError):
        sessions.start_grant(user_id, remember=False, user_agent="pytest", ip_address="10.0.0.1", browser_nonce="")


def test_the_eleventh_failed_login_is_refused_even_with_the_right_password(app_env):
    _sign_up()
    for _ in range(10):
        with pytest.raises(ServiceError, match="Wrong"), database.session_scope() as db:
            accounts.authenticate(db, "ana@example.com", "wrong password here", ip_address="10.0.0.2")
    with pytest.raises(ServiceError, match="Try again in 1[45] minutes"), database.session_scope() as db:
        accounts.authenticate(db, "ana@example.com", PASSWORD, ip_address="10.0.0.2")


def _fail(identifier: str, ip: str) -> None:
    with pytest.raises(ServiceError, match="Wrong"), database.session_scope() as db:
        accounts.authenticate(db, identifier, "wrong password here", ip_address=ip)


def test_email_and_username_count_as_one_account(app_env):
    _sign_up()
    for _ in range(5):
        _fail("ana@example.com", "10.0.0.4")
        _fail("Ana_Creates", "10.0.0.4")
    with pytest.raises(ServiceError, match="Try again in 1[45] minutes"), database.session_scope() as db:
        accounts.authenticate(db, "ANA@example.com", PASSWORD, ip_address="10.0.0.4")


def test_failures_from_everywhere_slow_an_account_down_but_never_lock_its_owner_out(app_env):
    """A stranger's thirty wrong guesses from thirty addresses cost the owner a short wait, not the account."""
    import time

    _sign_up()
    answers = set()
    for attempt in range(30):
        with pytest.raises(ServiceError) as refusal, database.session_scope() as db:
            accounts.authenticate(db, "ana@example.com", "wrong password here", ip_address=f"198.51.100.{attempt}")
        answers.add(refusal.value.message)
    assert WRONG_LOGIN in answers and "Too many attempts. Try again in 2 seconds." in answers  # the delay grows
    with pytest.raises(ServiceError, match=r"Try again in (\d+ seconds?|1 minute)\."), database.session_scope() as db:
        accounts.authenticate(db, "ana@example.com", PASSWORD, ip_address="10.0.0.5")
    from influfinder.integrations.rate_limit import limiter

    time.sleep(limiter().delay_wait("login_delay", f"user:{_user('ana@example.com').id}").retry_after_s + 0.2)
    with database.session_scope() as db:
        assert accounts.authenticate(db, "ana@example.com", PASSWORD, ip_address="10.0.0.5")


def test_forgot_password_answers_the_same_and_resets_once(app_env):
    _sign_up()
    other_device = _login()
    with database.session_scope() as db:
        known = accounts.forgot_password(db, "ana@example.com")
    with database.session_scope() as db:
        unknown = accounts.forgot_password(db, "ghost@example.com")
    assert known == unknown
    _, token = _token_from(app_env, "ana@example.com", "Reset your password")
    assert not app_env.to("ghost@example.com")

    with database.session_scope() as db:
        accounts.reset_password(db, token, NEW_PASSWORD)
    effects.drain()
    app_env.wait_for("ana@example.com", "Your password was changed")
    assert _actor(other_device) is None, "a reset ends every session"
    with pytest.raises(ServiceError, match="Wrong"), database.session_scope() as db:
        accounts.authenticate(db, "ana@example.com", PASSWORD, ip_address="10.0.0.3")
    assert _actor(_login(password=NEW_PASSWORD)) is not None
    with pytest.raises(ServiceError, match="already used"), database.session_scope() as db:
        accounts.reset_password(db, token, "another fine password 9")


def test_change_password_keeps_this_device_and_signs_out_the_others(app_env):
    _sign_up()
    here, elsewhere = _login(), _login()
    with database.session_scope() as db:
        accounts.change_password(db, _actor(here), PASSWORD, NEW_PASSWORD, keep_token=here)
    effects.drain()
    assert _actor(here) is not None
    assert _actor(elsewhere) is None
    app_env.wait_for("ana@example.com", "Your password was changed")


def test_change_password_with_a_wrong_current_password_changes_nothing(app_env):
    _sign_up()
    here = _login()
    before = _user("ana@example.com").password_hash
    with pytest.raises(ServiceError, match="current password"), database.session_scope() as db:
        accounts.change_password(db, _actor(here), "not it", NEW_PASSWORD, keep_token=here)
    assert _user("ana@example.com").password_hash == before


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", {"$gt": ""}, "Enter your email"),
    ("email", "not-an-email", "valid email"),
    ("username", "a", "3 to 30"),
    ("username", "admin", "reserved"),
    ("password", "short", "at least 8"),
    ("password", "password123", "common"),
    ("password", "ana_creates rocks", "username"),
    ("user_type", "ADMIN", "Creator, Business or Agency"),
])
def test_bad_sign_up_input_gets_a_message_next_to_the_field_and_creates_nothing(app_env, field, value, message):
    data = {"email": "zed@example.com", "username": "ana_creates", "password": PASSWORD, "user_type": "CREATOR"}
    data[field] = value
    with pytest.raises(ServiceError) as refused, database.session_scope() as db:
        accounts.sign_up(db, accounts.SignUpInput(**data), ip_address="10.0.0.4")
    assert refused.value.field == field
    assert message.lower() in refused.value.message.lower()
    with database.session_scope() as db:
        assert db.exec(sa.select(sa.func.count()).select_from(User)).scalar_one() == 0


def test_a_taken_email_is_refused_in_any_case(app_env):
    _sign_up()
    with pytest.raises(ServiceError, match="already uses this email"), database.session_scope() as db:
        accounts.sign_up(db, accounts.SignUpInput("ANA@example.COM", "someone_else", PASSWORD, "BUSINESS"),
                         ip_address="10.0.0.5")


def test_profile_edit_is_validated_and_saved(app_env):
    _sign_up()
    actor = _actor(_login())
    with pytest.raises(ServiceError, match="greater than or equal to 0"), database.session_scope() as db:
        profiles.update_profile(db, actor, {"instagram": {"handle": "ana", "followers": -5}})
    with database.session_scope() as db:
        profiles.update_profile(db, actor, {"display_name": "Ana", "city": "Madrid",
                                            "instagram": {"handle": "@ana.cooks", "followers": "8200", "engagement": 4.5},
                                            "preferred_categories": ["FOOD", "TRAVEL"]})
    with database.session_scope() as db:
        view = profiles.my_profile(db, actor)
    assert view.audience["instagram"] == {"handle": "ana.cooks", "followers": 8200, "engagement": 4.5, "verified": False}
    assert view.preferred_categories == ["FOOD", "TRAVEL"] and view.city == "Madrid"


def test_delete_account_anonymizes_and_signs_out(app_env):
    user_id = _sign_up()
    token = _login()
    with pytest.raises(ServiceError, match="password"), database.session_scope() as db:
        accounts.delete_account(db, _actor(token), "wrong")
    with database.session_scope() as db:
        accounts.delete_account(db, _actor(token), PASSWORD)
    effects.drain()
    assert _actor(token) is None
    with database.session_scope() as db:
        user = db.get(User, uuid.UUID(str(user_id)))
        profile = db.exec(sa.select(Profile).where(Profile.user_id == user.id)).scalar_one()
    assert user.email.endswith("@deleted.invalid") and user.password_hash is None and not user.is_active
    assert profile.display_name == "Deleted user" and profile.instagram_handle is None
    with pytest.raises(ServiceError, match="Wrong"), database.session_scope() as db:
        accounts.authenticate(db, "ana@example.com", PASSWORD, ip_address="10.0.0.6")
