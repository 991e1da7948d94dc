"""Two backend processes of the production build, sharing PostgreSQL and Redis (tests/support/cluster.py).

What holds across processes: one build serves pages on both ports and each page's socket talks to
its own process; a session started anywhere is good on both; an event a service publishes after
its commit reaches a subscriber in another process; and a page connected to process 2 is pushed
what was sent through process 1. This test process plays "process 1's context" for the services:
it has the servers' DATABASE_URL, REDIS_URL and SECRET_KEY.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from playwright.sync_api import expect

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.integrations.presence import presence
from influfinder.services import effects, live_updates, messages, sessions
from tests.support import OUTPUT_DIR, ROOT
from tests.support.cluster import Cluster, start_cluster
from tests.support.env import clean_environment, contract_variable, drop_app_caches
from tests.support.live_app import log_tail
from tests.support.people import applied, person, reset_app_caches, session_for
from tests.support.services import flush_redis

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

SECRET = "two-processes-test-secret-0123456789"
WAIT_SECONDS = 30  # a ceiling for "it arrives", never a measure of speed


@pytest.fixture(scope="module")
def shared(pg_url, redis_server) -> Iterator[dict[str, str]]:
    """What both processes and this test process share."""
    flush_redis(redis_server)
    database.migrate(pg_url)
    yield {"DATABASE_URL": pg_url, "REDIS_URL": redis_server, "SECRET_KEY": SECRET}
    flush_redis(redis_server)


@pytest.fixture(scope="module")
def cluster(shared, live_app, tmp_path_factory) -> Iterator[Cluster]:
    """Two processes on copies of the build the session's live_app made (nothing is built twice)."""
    workdir = tmp_path_factory.mktemp("cluster")
    env = clean_environment({
        **shared, "DEMO_DATA": "false", "UPLOAD_DIR": str(workdir / "uploads"),
        "REFLEX_USE_NPM": "1", "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false",
    })
    try:
        running = start_cluster(env, live_app.port, workdir, OUTPUT_DIR)
    except RuntimeError as error:
        logs = "\n".join(f"--- {name}\n{log_tail(OUTPUT_DIR / name)}" for name in ("cluster-1.log", "cluster-2.log"))
        pytest.fail(f"{error}\n{logs}", pytrace=False)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def process_one_context(shared) -> Iterator[None]:
    """This process configured as the servers are, so services run here as they would in process 1."""
    patch = pytest.MonkeyPatch()
    for name in [n for n in os.environ if contract_variable(n)]:
        patch.delenv(name)
    for name, value in shared.items():
        patch.setenv(name, value)
    drop_app_caches()
    reset_app_caches()
    live_updates.install()  # as a server's live_delivery does: services' events reach the bus
    yield
    effects.drain()
    live_updates.uninstall()
    patch.undo()
    drop_app_caches()
    reset_app_caches()


def signed_in_page(browser, app, token: str):
    """A browser context on one process, with the session cookie the login route would have set."""
    context = browser.new_context(base_url=app.base_url)
    context.add_cookies([{"name": sessions.COOKIE_NAME, "value": token, "url": app.base_url}])
    page = context.new_page()
    page.set_default_timeout(WAIT_SECONDS * 1000)
    frames: list[str] = []
    sockets: list[str] = []

    def on_socket(ws):
        sockets.append(ws.url)
        ws.on("framereceived", lambda payload: frames.append(payload if isinstance(payload, str) else ""))

    page.on("websocket", on_socket)
    return context, page, sockets, frames


def test_both_processes_serve_the_one_build_and_each_page_talks_to_its_own(cluster, browser, process_one_context):
    for app in (cluster.first, cluster.second):
        assert httpx.get(f"{app.api_url}/health", timeout=10).json() == {
            "status": "ok", "database": "ok", "redis": "ok"}
    ana = person(name="Ana Glow")
    token = session_for(ana)  # one session, stored in the shared Redis
    for app in (cluster.first, cluster.second):
        context, page, sockets, _frames = signed_in_page(browser, app, token)
        page.goto("/settings")
        expect(page.get_by_text(ana.username).first).to_be_visible()  # signed in on this process too
        assert sockets and all(re.match(rf"ws://localhost:{app.port}/_event", url) for url in sockets), sockets
        context.close()


def test_a_message_sent_in_one_process_reaches_a_subscriber_in_another(shared, process_one_context):
    listener = subprocess.Popen(
        [sys.executable, "-m", "tests.support.bus_listener", shared["REDIS_URL"]], cwd=ROOT,
        env=clean_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert listener.stdout.readline().strip() == "ready"
        ana, cafe = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
        applied(ana, cafe)
        with database.session_scope() as db:
            messages.send(db, ana, cafe.id, "Is Saturday fine?")
        # The café hears two updates: its "new message" notification and the message itself.
        events = read_events(listener, until=lambda e: e["payload"].get("user_id") == str(cafe.id)
                             and e["payload"].get("kind") == "message")
        event = events[-1]
        assert event["channel"] == f"user:{cafe.id}"
        assert event["payload"]["kind"] == "message" and event["payload"]["with"] == str(ana.id)
        assert event["payload"]["message"]["text"] == "Is Saturday fine?"
        assert event["payload"]["counts"]["messages"] == 1
    finally:
        listener.terminate()
        listener.wait(timeout=10)


def test_a_page_on_process_two_is_pushed_what_was_sent_through_process_one(cluster, browser, process_one_context):
    assert live_delivery_registered(), "state.live_delivery.live_delivery is not a lifespan task of the app"
    ana, cafe = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
    applied(ana, cafe)
    context, page, sockets, frames = signed_in_page(browser, cluster.second, session_for(cafe))
    page.goto("/offers")
    wait_for(page, lambda: presence_of(cafe), "the café's page never registered in presence")
    with database.session_scope() as db:
        messages.send(db, ana, cafe.id, "Is Saturday fine?")
    wait_for(page, lambda: any(re.search(r'"unread_messages[a-z_]*":1\b', f) for f in frames),
             f"the café's page on process 2 was not pushed the new count; frames: {frames[-3:]}")
    assert all(f":{cluster.second.port}/" in url for url in sockets)
    context.close()


def test_a_chat_typed_on_process_one_shows_live_in_the_open_chat_on_process_two(cluster, browser,
                                                                                 process_one_context):
    """The same, all in the browser: Ana types on process 1; the café's open chat and bell on process 2 follow."""
    ana, cafe = person(name="Ana Glow"), person(UserType.BUSINESS, name="Café Aurora")
    applied(ana, cafe)
    ana_context, ana_page, _, _ = signed_in_page(browser, cluster.first, session_for(ana))
    cafe_context, cafe_page, cafe_sockets, _ = signed_in_page(browser, cluster.second, session_for(cafe))
    cafe_page.goto(f"/messages/{ana.id}")
    expect(cafe_page.get_by_role("heading", name="Ana Glow")).to_be_visible()
    expect(cafe_page.get_by_test_id("bell-count")).to_have_count(0)
    wait_for(cafe_page, lambda: presence_of(cafe), "the café's chat never registered in presence")
    cafe_page.evaluate("window.__sameDocument = true")

    ana_page.goto(f"/messages/{cafe.id}")
    expect(ana_page.get_by_role("heading", name="Café Aurora")).to_be_visible()
    ana_page.get_by_label("Message", exact=True).fill("Is Saturday at noon fine?")
    ana_page.get_by_role("button", name="Send").click()
    expect(ana_page.get_by_test_id("chat-line").filter(has_text="Is Saturday at noon fine?")).to_be_visible()

    expect(cafe_page.get_by_test_id("chat-line").filter(has_text="Is Saturday at noon fine?")).to_have_attribute(
        "data-mine", "false")
    expect(cafe_page.get_by_test_id("messages-count")).to_have_text("1")
    expect(cafe_page.get_by_test_id("bell-count")).to_have_text("1")  # "New message from Ana Glow"
    assert cafe_page.evaluate("window.__sameDocument === true")  # no reload
    assert all(f":{cluster.second.port}/" in url for url in cafe_sockets)
    ana_context.close()
    cafe_context.close()


# ---- helpers ------------------------------------------------------------------------------------------


def read_events(listener: subprocess.Popen, until) -> list[dict]:
    events, deadline = [], time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        line = listener.stdout.readline()
        if not line:
            break
        events.append(json.loads(line))
        if until(events[-1]):
            return events
    raise AssertionError(f"the other process heard {events} and not the event it waited for")


def wait_for(page, condition, message: str) -> None:
    """Poll through Playwright's own wait, which lets it deliver the socket's frames meanwhile."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError(message)


def presence_of(user) -> set[str]:
    """The user's registered pages; asked from a thread, as Playwright's sync API owns this one's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, presence().tokens(str(user.id))).result()


def live_delivery_registered() -> bool:
    from influfinder.influfinder import app
    from influfinder.state.live_delivery import live_delivery

    return live_delivery in app.get_lifespan_tasks()
