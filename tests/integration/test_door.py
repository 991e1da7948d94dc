"""The one door into the services, as the pages meet it: one database session per call, and what a
handler shows when the session ended, when a service refuses, and when something of ours breaks.

The handlers are called the way Reflex calls them, on a page built with the cookie its socket
connected with (tests/support/pages.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
import reflex as rx
import sqlalchemy as sa

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import UserSession
from influfinder.services import effects, notifications, sessions, unit_of_work
from influfinder.services.actors import acting
from influfinder.services.unit_of_work import Credentials
from influfinder.state.forms import UNEXPECTED, FormState
from influfinder.state.my_applications import MyApplicationsState
from influfinder.state.service_handler import call_service, service_handler
from influfinder.state.settings import SettingsState
from tests.support.pages import open_page, redirects, run
from tests.support.people import empty_every_table, person, reset_app_caches, session_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('door') / 'door.db'}"
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url) -> Iterator[None]:
    # No REDIS_URL: sessions live in the database, where the store shares the door's session.
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="door-test-secret", BCRYPT_ROUNDS="4", REDIS_URL=None)
    reset_app_caches()
    empty_every_table()
    yield
    effects.drain()
    reset_app_caches()


def test_one_database_connection_serves_the_session_lookup_and_the_service():
    ana = person()
    token = session_for(ana)
    with database.session_scope() as db:  # last seen two minutes ago: this call slides the idle window
        db.exec(sa.update(UserSession).values(last_seen_at=datetime.now(timezone.utc) - timedelta(minutes=2)))
    checkouts = []

    def count(*_args) -> None:
        checkouts.append(1)

    sa.event.listen(database.engine(), "checkout", count)
    try:
        unread = unit_of_work.call(Credentials(session_token=token), notifications.unread_count)
    finally:
        sa.event.remove(database.engine(), "checkout", count)
    assert unread == 0 and len(checkouts) == 1
    assert datetime.now(timezone.utc) - sessions.peek(token).last_seen_at < timedelta(seconds=30)


def test_a_push_reads_the_session_without_sliding_it():
    ana = person()
    token = session_for(ana)
    two_minutes_ago = datetime.now(timezone.utc) - timedelta(minutes=2)
    with database.session_scope() as db:
        db.exec(sa.update(UserSession).values(last_seen_at=two_minutes_ago))
    actor = unit_of_work.call(Credentials(session_token=token, activity=False), acting)
    assert actor.id == ana.id
    assert abs(sessions.peek(token).last_seen_at - two_minutes_ago) < timedelta(seconds=1)


def test_a_page_whose_session_ended_goes_to_log_in_and_shows_no_error():
    ana = person()
    token = session_for(ana)
    sessions.end(token)
    page = open_page(MyApplicationsState, "/my-applications?status=ACCEPTED", token)
    sent = redirects(run(page, "load"))
    assert "/login?next=%2Fmy-applications%3Fstatus%3DACCEPTED" in sent
    assert (page.error, page.rows) == ("", [])


def test_a_refusal_shows_beside_the_field_the_handler_names():
    ana = person(UserType.BUSINESS)
    page = open_page(SettingsState, "/settings", session_for(ana))
    run(page, "delete_account", {"delete_confirm": "not my name"})
    assert "That is not your username" in page.field_errors["delete_confirm"] and page.error == ""


def _broken(_db, _actor):
    raise RuntimeError("the disk is full")


class DoorProbeState(FormState, rx.State):
    """A page whose service breaks: what every handler shows when something of ours fails."""

    @rx.event
    @service_handler("probing the door")
    async def press(self):
        await call_service(self, _broken)


def test_an_error_of_ours_is_logged_with_its_context_and_shown_as_plain_words(caplog):
    ana = person()
    page = open_page(DoorProbeState, "/probe", session_for(ana))
    with caplog.at_level(logging.ERROR, logger="influfinder.state.service_handler"):
        assert run(page, "press") == []
    assert page.error == UNEXPECTED and "disk is full" not in page.error
    logged = caplog.records[-1]
    assert "probing the door" in logged.getMessage() and "/probe" in logged.getMessage()
    assert "the disk is full" in str(logged.exc_info[1])
