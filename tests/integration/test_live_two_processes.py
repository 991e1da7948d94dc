"""No live update is lost across processes: 100 notifications and 100 messages reach pages open on
two backend processes, all of them, in order, none twice; the same when Redis restarts halfway.

The backends are real production processes (tests/support/cluster.py start_backends, no frontend);
each page is a socket speaking Reflex's own protocol (tests/support/socket_page.py), so what is
checked is what a browser would be sent. The café has the chat with Ana open twice: one tab on each
process. The updates come from this test process, configured as the servers are (a third process
on the same database and Redis): it writes the notifications and sends Ana's messages through the
services, which publish after commit as they do in a server.

What each tab must end with: the bell at 101 (100 applications and the one "new message"
notification, which waits unread), the messages badge at 100, and the 100 lines in the order they
were written. What it must never show: a count going down, a line twice, lines out of order.

The Redis restart runs on a Redis of this test's own (a free port, never the shared one), with its
data kept on disk (AOF in a temporary folder): sessions live only in Redis, so a Redis that loses
its data signs everyone out, which is not what this test is about. While it is down, the updates
published meanwhile are lost on the way; the pages must catch up from the database once it is back.
"""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

from influfinder import database
from influfinder.domain.enums import NotificationType, UserType
from influfinder.integrations import rate_limit
from influfinder.services import effects, live_updates, messages, notifications
from influfinder.state.live import LiveState
from tests.support import OUTPUT_DIR
from tests.support.cluster import start_backends
from tests.support.env import clean_environment
from tests.support.live_app import free_port
from tests.support.people import applied, cookie_header, person, reset_app_caches, session_for
from tests.support.socket_page import ROOT_STATE, SocketPage

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.timeout(600)]

COUNT = 100
SECRET = "live-two-processes-secret-0123456789"
LIVE = LiveState.get_full_name()


class OwnRedis:
    """A redis-server of this test's own, which it may kill and start again on the same port."""

    def __init__(self, folder) -> None:
        self.port, self.folder = free_port(), folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not on PATH: the restart test needs a Redis of its own", pytrace=False)
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", str(self.folder), "--notify-keyspace-events", "KEA"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=1).ping()
                return
            except redis.RedisError:
                time.sleep(0.1)
        raise RuntimeError("the test's own redis-server did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path) -> Iterator[OwnRedis]:
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.kill()


@pytest.fixture(params=["steady", "redis restart"])
def world(request, empty_pg_url, settings_env, monkeypatch, tmp_path):
    """Two backends and this process on one database and one Redis (the shared test db, or our own)."""
    own = request.getfixturevalue("own_redis") if request.param == "redis restart" else None
    redis_url = own.url if own else request.getfixturevalue("redis_url")
    database.migrate(empty_pg_url)
    settings_env.set(DATABASE_URL=empty_pg_url, REDIS_URL=redis_url, SECRET_KEY=SECRET)
    reset_app_caches()
    # Ana writes faster than a person may (30 a minute): this test is about delivery, not throttling.
    fast = rate_limit.RateLimiter(secret=SECRET, rules={**rate_limit.RULES, "messages": "1000 per minute"})
    monkeypatch.setattr(messages, "limiter", lambda: fast)
    live_updates.install()
    env = clean_environment({"DATABASE_URL": empty_pg_url, "REDIS_URL": redis_url, "SECRET_KEY": SECRET,
                             "DEMO_DATA": "false", "UPLOAD_DIR": str(tmp_path / "uploads"),
                             "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false"})
    backends = start_backends(env, OUTPUT_DIR, name=f"live-{request.param.replace(' ', '-')}")
    yield backends, own
    for backend in backends:
        backend.stop()
    effects.drain()
    live_updates.uninstall()
    reset_app_caches()


class Watched:
    """One tab and everything it was sent: the bell's and the badge's values, the chat's contents."""

    def __init__(self, page: SocketPage) -> None:
        self.page, self.bells, self.badges, self.chats = page, [], [], []
        page.listeners.append(self._note)

    def _note(self, update: dict) -> None:
        changes = (update.get("delta") or {}).get(LIVE, {})
        for name, seen in (("unread_notifications_rx_state_", self.bells), ("unread_messages_rx_state_", self.badges)):
            if name in changes:
                seen.append(changes[name])
        if "chat_rx_state_" in changes:
            self.chats.append([line["text"] for line in changes["chat_rx_state_"]])

    def shown(self) -> tuple[int, int, int]:
        """The bell, the badge and how many lines the chat shows."""
        return (self.page.var("unread_notifications", LIVE), self.page.var("unread_messages", LIVE),
                len(self.page.var("chat", LIVE) or []))


def test_every_update_reaches_tabs_on_both_processes_in_order_and_once(world):
    backends, own_redis = world
    ana, cafe = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
    applied(ana, cafe)
    token = session_for(cafe)
    expected_lines = [f"message {n}" for n in range(COUNT)]

    async def scenario() -> list[Watched]:
        tabs = [Watched(SocketPage(f"http://localhost:{b.port}", cookie=cookie_header(token))) for b in backends]
        await asyncio.gather(*(t.page.open(f"/messages/{ana.id}", {"user_id": str(ana.id)}) for t in tabs))
        for tab in tabs:
            assert tab.page.var("chat_with", LIVE) == str(ana.id), "the chat did not open"
        for n in range(COUNT):
            if own_redis is not None and n == COUNT // 2:
                own_redis.kill()  # updates published from here until it is back are lost on the way
            await asyncio.to_thread(_one_of_each, ana, cafe, n)
            if own_redis is not None and n == COUNT // 2 + 10:
                await asyncio.sleep(2)  # the backends notice: their pub/sub links drop and retry
                own_redis.start()
        await asyncio.to_thread(effects.drain)
        try:
            await asyncio.gather(*(t.page.wait_for(lambda t=t: t.shown() == (COUNT + 1, COUNT, COUNT), timeout=120)
                                   for t in tabs))
        except TimeoutError:
            raise AssertionError(f"a tab never caught up: they show {[t.shown() for t in tabs]} (bell, badge, "
                                 f"lines); the backends' logs are in {OUTPUT_DIR}") from None
        for tab in tabs:
            await tab.page.close()
        return tabs

    tabs = asyncio.run(scenario())
    # Issue 16: a closed tab's Reflex state, the sessions, presence and throttling all expire; nothing this run
    # wrote stays in Redis for good (a key per tab or per user that never expires is a slow leak).
    assert lasting_keys() == [], "keys in Redis without an expiry"
    for tab in tabs:
        assert tab.bells == sorted(tab.bells) and tab.badges == sorted(tab.badges), "a count went back"
        assert tab.page.var("chat", LIVE)[-1]["text"] == expected_lines[-1]
        for shown in tab.chats:
            assert len(shown) == len(set(shown)), "a line was shown twice"
            assert shown == sorted(shown, key=expected_lines.index), "lines out of order"
        assert tab.chats[-1] == expected_lines


def _one_of_each(ana, cafe, n: int) -> None:
    with database.session_scope() as db:
        notifications.notify(db, cafe.id, NotificationType.APPLICATION_RECEIVED, f"Application {n}")
    with database.session_scope() as db:
        messages.send(db, ana, cafe.id, f"message {n}")


@pytest.mark.parametrize("world", ["steady"], indirect=True)
def test_a_tab_whose_reflex_state_expired_is_rehydrated_and_hears_its_updates(world):
    """Reflex drops a tab's state from Redis after an hour without events (redis_token_expiration):
    the tab's socket is still open and the process still holds it, so the push asks it to hydrate
    again, its on_load handlers run, and it shows what it missed."""
    backends, _own_redis = world
    ana, cafe = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
    applied(ana, cafe)

    async def scenario() -> Watched:
        tab = Watched(SocketPage(f"http://localhost:{backends[1].port}", cookie=cookie_header(session_for(cafe))))
        await tab.page.open("/offers")
        client = redis.Redis.from_url(redis_url_in_use())
        expired = [key for key in client.scan_iter(f"{tab.page.token}_*")]
        assert expired, "no Reflex state of the tab in Redis"
        client.delete(*expired)
        await asyncio.to_thread(_notify, cafe, "After the state expired")
        await tab.page.wait_for(lambda: tab.page.var("unread_notifications", LIVE) == 1, timeout=60)
        # The page loaded again (its on_load ran to the end), on the same socket.
        await tab.page.wait_for(lambda: tab.page.var("is_hydrated", ROOT_STATE) is True, timeout=60)
        assert tab.page.client.connected
        await tab.page.close()
        return tab

    asyncio.run(scenario())


def lasting_keys() -> list[bytes]:
    client = redis.Redis.from_url(redis_url_in_use())
    return [key for key in client.scan_iter(count=1000) if client.ttl(key) == -1]


def redis_url_in_use() -> str:
    from influfinder.settings import get_settings

    return get_settings().redis_url


def _notify(user, title: str) -> None:
    with database.session_scope() as db:
        notifications.notify(db, user.id, NotificationType.APPLICATION_RECEIVED, title)
