"""The live page state (state/live.py) over a real database and real sessions.

A page is a Reflex state tree built the way an event builds it: router data with the page's
path, its client token and the cookie its socket connected with. The handlers are called as
Reflex calls them. What is checked is what the page would show: the counts and the chat after
a (re)load, which catches up from the database whatever was missed while the page was away,
and which pushes a page accepts.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from reflex.state import State

from influfinder import database
from influfinder.domain.enums import NotificationType, UserType
from influfinder.integrations.presence import presence
from influfinder.services import effects, live_updates, messages, notifications, sessions
from influfinder.state.live import MISSED, SEEN, LiveState
from influfinder.state.live_pages import session_user
from tests.support.people import applied, cookie_header, empty_every_table, person, reset_app_caches, session_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    url = (f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, tmp_path) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="live-test-secret", UPLOAD_DIR=str(tmp_path / "uploads"))
    reset_app_caches()
    yield
    effects.drain()
    empty_every_table()
    reset_app_caches()


class Page:
    """One open tab: its state tree, as Reflex keeps it between events."""

    def __init__(self, path: str, token: str | None, tab: str | None = None) -> None:
        self.root = State(_reflex_internal_init=True)
        self.tab = tab or f"tab-{uuid.uuid4().hex[:8]}"
        self.navigate(path, token)
        self.live = self.root.get_substate(LiveState.get_full_name().split(".")[1:])

    def navigate(self, path: str, token: str | None) -> None:
        data = {"headers": {"cookie": cookie_header(token) if token else "", "origin": "http://localhost:3000"},
                "pathname": path, "asPath": path, "query": {}, "ip": "127.0.0.1", "token": self.tab, "sid": "s1"}
        self.root.router_data = self.root._update_router_vars(data, self.root.router_data)

    def load(self, *handlers: str) -> LiveState:
        for name in handlers:
            asyncio.run(LiveState.event_handlers[name].fn(self.live))
        return self.live


def send(sender, recipient, text):
    with database.session_scope() as db:
        messages.send(db, sender, recipient.id, text)


def notify(user, title):
    with database.session_scope() as db:
        notifications.notify(db, user.id, NotificationType.APPLICATION_RECEIVED, title, "")


def lines(live: LiveState) -> list[tuple[str, bool]]:
    return [(line.text, line.mine) for line in live.chat]


def test_a_page_that_was_away_catches_up_from_the_database_when_it_loads_again():
    ana, cafe = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
    applied(ana, cafe)
    cafe_token = session_for(cafe)
    # The café has no page open while Ana writes and an application arrives.
    send(ana, cafe, "one")
    send(ana, cafe, "two")
    notify(cafe, "New application from Ana")
    page = Page("/offers", cafe_token).load("track")
    assert (page.unread_messages, page.unread_notifications) == (2, 2)
    chat = Page(f"/messages/{ana.id}", cafe_token)
    live = chat.load("track", "load_chat")
    assert lines(live) == [("one", False), ("two", False)] and live.chat_name == "Ana" and live.chat_can_send
    # Opening the chat read it: the message notification went with it, the application's stayed.
    assert (live.unread_messages, live.unread_notifications) == (0, 1)
    send(ana, cafe, "three")  # the tab is offline (laptop closed) ...
    live = chat.load("track", "load_chat")  # ... and reconnects: Reflex runs its on_load again
    assert lines(live) == [("one", False), ("two", False), ("three", False)]


def test_scrolling_up_loads_the_older_messages_before_the_oldest_shown():
    ana, cafe = person(), person(UserType.BUSINESS)
    applied(ana, cafe)
    key = messages.conversation_key(ana.id, cafe.id)
    with database.session_scope() as db:
        from influfinder.models import Message

        for n in range(40):
            db.add(Message(conversation_key=key, sender_id=ana.id, recipient_id=cafe.id, content=f"m{n}"))
            db.flush()
    live = Page(f"/messages/{ana.id}", session_for(cafe)).load("track", "load_chat")
    assert [line.text for line in live.chat] == [f"m{n}" for n in range(10, 40)] and live.chat_has_older
    asyncio.run(LiveState.event_handlers["load_older"].fn(live))
    assert [line.text for line in live.chat] == [f"m{n}" for n in range(40)] and not live.chat_has_older


def test_a_signed_out_page_shows_no_counts_and_is_not_registered():
    live = Page("/offers", None).load("track")
    assert (live.unread_messages, live.unread_notifications, live._user_id) == (0, 0, "")


def test_a_tab_that_logs_out_drops_its_counts_and_its_presence():
    cafe = person(UserType.BUSINESS)
    token = session_for(cafe)
    notify(cafe, "Something happened")
    page = Page("/offers", token, tab="tab-cafe")
    assert page.load("track").unread_notifications == 1
    assert asyncio.run(presence().tokens(str(cafe.id))) == {"tab-cafe"}
    sessions.end(token)
    page.navigate("/login", None)
    live = page.load("track")
    assert (live.unread_notifications, live._user_id) == (0, "")
    assert asyncio.run(presence().tokens(str(cafe.id))) == set()


def test_a_push_is_only_for_a_page_whose_session_is_still_live():
    cafe = person(UserType.BUSINESS)
    token = session_for(cafe)
    live = Page("/offers", token).load("track")
    assert session_user(live) == str(cafe.id)
    sessions.end(token)  # logged out in another tab: this page must not hear the café's news
    assert session_user(live) is None


def test_a_pushed_message_joins_only_the_open_chat_with_its_sender_and_only_once():
    ana, ben, cafe = person(), person(), person(UserType.BUSINESS)
    applied(ana, cafe)
    live = Page(f"/messages/{ana.id}", session_for(cafe)).load("track", "load_chat")
    line = {"id": "m1", "mine": False, "text": "Hi", "created_at": "2026-11-29T10:00:00+00:00", "is_read": False,
            "attachments": [{"name": "menu.pdf", "url": "/media/attachments/m1/x.pdf",
                             "content_type": "application/pdf", "is_image": False, "size": 10}]}
    seq = live._seq
    live._receive({"kind": "message", "seq": seq + 1, "with": str(ana.id), "message": line,
                   "counts": {"notifications": 1, "messages": 1}})
    live._receive({"kind": "message", "seq": seq + 2, "with": str(ana.id), "message": line})  # an echo
    live._receive({"kind": "message", "seq": seq + 3, "with": str(ben.id),
                   "message": {**line, "id": "m2", "text": "Not here"}})
    assert [(line.text, line.attachments[0].name) for line in live.chat] == [("Hi", "menu.pdf")]
    assert (live.unread_messages, live.unread_notifications) == (1, 1)
    # An update that arrives again, or late behind a newer one, does not undo what is shown.
    assert live._receive({"kind": "counts", "seq": seq + 2, "counts": {"notifications": 9, "messages": 9}}) == SEEN
    assert (live.unread_messages, live.unread_notifications) == (1, 1)


def test_a_read_receipt_marks_the_senders_own_lines_read():
    ana, cafe = person(), person(UserType.BUSINESS)
    applied(ana, cafe)
    send(ana, cafe, "Are we on for Saturday?")
    live = Page(f"/messages/{cafe.id}", session_for(ana)).load("track", "load_chat")
    assert [(line.mine, line.is_read) for line in live.chat] == [(True, False)]
    live._receive({"kind": "read", "seq": live._seq + 1, "with": str(cafe.id), "read_at": "2026-11-29T10:00:00+00:00"})
    assert [(line.mine, line.is_read) for line in live.chat] == [(True, True)]


@pytest.mark.parametrize("target", ["not-an-id", "5bcb51b0-2e02-4368-8393-c4dc410fef6f", "../../etc", ""])
def test_a_chat_with_nobody_or_a_stranger_shows_a_message_and_no_lines(target):
    ana, stranger = person(), person()
    page = Page(f"/messages/{target or stranger.id}", session_for(ana))
    live = page.load("track", "load_chat")
    assert live.chat == [] and live.chat_with == "" and live.chat_error == messages.NOT_FOUND


@pytest.fixture
def live_push_installed() -> Iterator[None]:
    """The live push subscribed to the domain events, as the live_delivery lifespan task does."""
    live_updates.install()
    yield
    effects.drain()
    live_updates.uninstall()


@pytest.mark.usefixtures("live_push_installed")
def test_a_page_that_sees_a_jump_in_numbers_catches_up_from_the_database():
    ana, cafe = person(name="Ana"), person(UserType.BUSINESS)
    applied(ana, cafe)
    live = Page(f"/messages/{ana.id}", session_for(cafe)).load("track", "load_chat")
    loaded = live._seq
    send(ana, cafe, "one")
    send(ana, cafe, "two")
    notify(cafe, "New application from Ana")
    effects.drain()  # their live updates were numbered: the page heard none of them but the last
    with database.session_scope() as db:
        latest = live_updates.current_sequence(db, cafe.id)
    assert latest >= loaded + 2
    last = {"kind": "counts", "seq": latest, "counts": {"notifications": 0, "messages": 0}}
    assert live._receive(last) == MISSED
    asyncio.run(live._catch_up())
    assert lines(live) == [("one", False), ("two", False)]
    assert (live.unread_messages, live.unread_notifications, live._seq) == (2, 2, latest)
    assert live._receive(last) == SEEN  # the update it missed, arriving late, changes nothing


def test_lines_pushed_in_the_other_order_are_shown_in_the_order_they_were_written():
    ana, cafe = person(), person(UserType.BUSINESS)
    applied(ana, cafe)
    live = Page(f"/messages/{ana.id}", session_for(cafe)).load("track", "load_chat")
    first = {"id": "m1", "mine": False, "text": "first", "created_at": "2026-11-29T10:00:00+00:00",
             "is_read": False, "attachments": []}
    second = {**first, "id": "m2", "text": "second", "created_at": "2026-11-29T10:00:00.500000+00:00"}
    live._receive({"kind": "message", "seq": live._seq + 1, "with": str(ana.id), "message": second})
    live._receive({"kind": "message", "seq": live._seq + 1, "with": str(ana.id), "message": first})
    assert lines(live) == [("first", False), ("second", False)]
