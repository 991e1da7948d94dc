"""Issue 10, point 6: a session has an absolute lifetime besides the idle one, enforced on the
socket too: past its end, the next event of an open page leaves for the login page (through
/auth/signout, which drops the dead cookie) instead of running on stale data."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
import sqlalchemy as sa
from reflex.state import StateUpdate

from influfinder.domain.enums import UserType
from influfinder.services import sessions
from tests.support.socket_events import connected_root, event_for


@pytest.fixture(params=["database", "redis"])
def store(request, settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="lifetime-test",
                     REDIS_URL=request.getfixturevalue("redis_url") if request.param == "redis" else None)
    from influfinder import database
    from tests.support.people import reset_app_caches

    reset_app_caches()
    database.migrate()
    yield request.param
    reset_app_caches()


def _age(token: str, by: timedelta) -> None:
    """Moves the session's start `by` into the past, in whichever store holds it."""
    token_hash = sessions.hash_secret(token)
    record = sessions.store().get(token_hash)
    older = sessions.SessionRecord(**{**record.__dict__, "created_at": record.created_at - by})
    if isinstance(sessions.store(), sessions.RedisSessionStore):
        from influfinder.integrations.session_store import _dump

        key = sessions.store()._key("sess", token_hash)
        sessions.store().r.set(key, _dump(older), keepttl=True)
    else:
        from influfinder import database
        from influfinder.models import UserSession

        with database.session_scope() as db:
            db.exec(sa.update(UserSession).where(UserSession.token_hash == token_hash)
                    .values(created_at=older.created_at))


def _new_session(remember: bool) -> str:
    from tests.support.people import person

    token, _record = sessions.open_session(person(UserType.CREATOR).id, remember=remember, user_agent="pytest",
                                           ip_address="127.0.0.1")
    return token


@pytest.mark.parametrize(("remember", "lived", "alive"), [
    (False, timedelta(hours=11, minutes=59), True),
    (False, timedelta(hours=12), False),
    (True, timedelta(days=29, hours=23), True),
    (True, timedelta(days=30), False),
])
def test_an_active_session_ends_at_its_absolute_lifetime(store, remember, lived, alive):
    token = _new_session(remember)
    _age(token, lived)
    assert (sessions.resolve(token) is not None) is alive
    if not alive:  # and it stays ended
        assert sessions.resolve(token) is None


def test_the_lifetimes_are_settings(store, settings_env):
    settings_env.set(SESSION_LIFETIME_HOURS="2", SESSION_LIFETIME_REMEMBERED_DAYS="3")
    assert sessions.lifetime(False) == timedelta(hours=2) and sessions.lifetime(True) == timedelta(days=3)
    token = _new_session(False)
    _age(token, timedelta(hours=2))
    assert sessions.resolve(token) is None


def _event_through_guard(token: str | None, path: str = "/settings"):
    import influfinder.influfinder  # noqa: F401 - registers every state
    from influfinder.state.guards import EventGuard
    from influfinder.state.settings import SettingsState

    root, data = connected_root(path, cookie=f"{sessions.cookie_name()}={token}" if token else "")
    event = event_for(SettingsState, "load", data)
    return asyncio.run(EventGuard().preprocess(None, root, event))


def test_an_open_page_whose_session_ended_leaves_for_the_login_page_on_its_next_event(store):
    token = _new_session(False)
    assert _event_through_guard(token) is None  # a live session: the event runs
    assert _event_through_guard(None) is None  # no session at all: the handler decides
    _age(token, timedelta(hours=12))
    update = _event_through_guard(token)
    assert isinstance(update, StateUpdate) and not update.delta
    [leave] = update.events
    url = leave.payload["url"]
    assert urlparse(url).path == "/auth/signout"
    assert parse_qs(urlparse(url).query)["next"] == ["/login?next=%2Fsettings&session_ended=1"]


def test_an_english_page_whose_session_ended_leaves_for_the_english_login_page(store):
    token = _new_session(False)
    _age(token, timedelta(hours=12))
    [leave] = _event_through_guard(token, "/en/settings").events
    url = leave.payload["url"]
    assert parse_qs(urlparse(url).query)["next"] == ["/en/login?next=%2Fen%2Fsettings&session_ended=1"]


def test_a_users_list_of_sessions_in_redis_expires_with_their_longest_session(redis_url, settings_env, sqlite_url):
    """Redis keeps, per user, the list of their sessions (Settings shows it). Someone who signs in once and
    never comes back must leave no key behind: the list lasts as long as the longest session in it."""
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="lifetime-test", REDIS_URL=redis_url)
    from influfinder import database
    from tests.support.people import person, reset_app_caches

    reset_app_caches()
    database.migrate()
    user_id = person(UserType.CREATOR).id
    opened = lambda remember: sessions.open_session(user_id, remember=remember, user_agent="pytest",  # noqa: E731
                                                    ip_address="127.0.0.1")
    store = sessions.store()
    index = store._key("user", str(user_id))
    opened(False)
    assert 0 < store.r.ttl(index) <= sessions.IDLE.total_seconds()
    opened(True)  # a remembered one lengthens it
    assert sessions.IDLE.total_seconds() < store.r.ttl(index) <= sessions.IDLE_REMEMBERED.total_seconds()
    opened(False)  # a shorter one never shortens it
    assert store.r.ttl(index) > sessions.IDLE.total_seconds()
    assert len(sessions.store().list_user(str(user_id))) == 3
    reset_app_caches()
