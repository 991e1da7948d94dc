"""Live delivery latency: from `messages.send` starting to the recipient's event reaching a subscriber.

Measured: the service call (checks, insert, notification, commit), the after-commit worker
(counts for the recipient), the bus, and the subscriber's handler being called. Not measured:
the last hop, `modify_state` pushing the delta down the page's socket, and the browser drawing it.

- one process: SQLite, the in-process bus, the subscriber in this process;
- two processes: PostgreSQL and Redis, the subscriber in another OS process (tests/support/bus_listener.py).

At 1 and 50 messages a second; 50 senders take turns, since each may send 30 a minute. Prints
p50/p95/p99 in milliseconds; asserts nothing about speed (tests/benchmarks/README.md).

    python3 -m influfinder test tests/benchmarks/test_live_delivery_bench.py -m benchmark -s
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.integrations import bus
from influfinder.services import effects, messages
from tests.support import ROOT
from tests.support.env import clean_environment
from tests.support.people import applied, empty_every_table, person, reset_app_caches

pytestmark = pytest.mark.benchmark

RATES = {1: 20, 50: 500}  # messages a second -> how many to send
SENDERS = 50


@pytest.fixture(params=["one process", pytest.param("two processes over Redis", marks=[pytest.mark.postgres,
                                                                                        pytest.mark.redis])])
def setup(request, settings_env, tmp_path) -> Iterator[str]:
    if request.param == "one process":
        url = f"sqlite:///{tmp_path / 'bench.db'}"
        settings_env.set(DATABASE_URL=url, SECRET_KEY="bench")
    else:
        url = request.getfixturevalue("empty_pg_url")
        settings_env.set(DATABASE_URL=url, SECRET_KEY="bench", REDIS_URL=request.getfixturevalue("redis_url"))
    database.migrate(url)
    reset_app_caches()
    yield request.param
    effects.drain()
    empty_every_table()
    reset_app_caches()


class ThisProcess:
    """A subscriber on an event loop in a thread of this process."""

    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait()

    def _run(self, ready: threading.Event) -> None:
        async def note(channel, payload):
            if payload.get("kind") == "message" and not payload["message"]["mine"]:
                self.arrivals[payload["message"]["text"]] = time.time()

        asyncio.set_event_loop(self.loop)
        self.subscription = self.loop.run_until_complete(bus.subscribe(note))
        ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.subscription.close())
        self.loop.close()

    def collect(self, expected: int) -> dict[str, float]:
        deadline = time.monotonic() + 60
        while len(self.arrivals) < expected and time.monotonic() < deadline:
            time.sleep(0.05)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        return self.arrivals


class OtherProcess:
    def __init__(self, redis_url: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "tests.support.bus_listener", redis_url], cwd=ROOT,
                                        env=clean_environment(), stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "ready"
        self.arrivals: dict[str, float] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            event = json.loads(line)
            payload = event["payload"]
            if payload.get("kind") == "message" and not payload["message"]["mine"]:
                self.arrivals[payload["message"]["text"]] = event["received_at"]

    def collect(self, expected: int) -> dict[str, float]:
        deadline = time.monotonic() + 60
        while len(self.arrivals) < expected and time.monotonic() < deadline:
            time.sleep(0.05)
        self.process.terminate()
        self.process.wait(timeout=10)
        return self.arrivals


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@pytest.mark.parametrize("rate", sorted(RATES))
def test_send_to_subscriber_latency(setup, rate):
    from influfinder.settings import get_settings

    cafe = person(UserType.BUSINESS)
    senders = [person() for _ in range(SENDERS)]
    for sender in senders:
        applied(sender, cafe)
    listener = OtherProcess(get_settings().redis_url) if get_settings().redis_url else ThisProcess()
    sent_at: dict[str, float] = {}
    start = time.monotonic()
    for n in range(RATES[rate]):
        time.sleep(max(0.0, start + n / rate - time.monotonic()))  # the pace: n messages after n/rate seconds
        text = f"m{n}"
        sent_at[text] = time.time()
        with database.session_scope() as db:
            messages.send(db, senders[n % SENDERS], cafe.id, text)
    arrivals = listener.collect(len(sent_at))
    latencies = [(arrivals[t] - sent_at[t]) * 1000 for t in sent_at if t in arrivals]
    print(f"\n{setup}, {rate} msg/s, {len(latencies)}/{len(sent_at)} delivered: "
          f"p50 {percentile(latencies, 50):.1f} ms, p95 {percentile(latencies, 95):.1f} ms, "
          f"p99 {percentile(latencies, 99):.1f} ms, max {max(latencies):.1f} ms, "
          f"mean {statistics.mean(latencies):.1f} ms")
    assert len(latencies) == len(sent_at), "some messages never reached the subscriber"
