"""Event round trip with 50 concurrent sockets, against the floor: a bare python-socketio echo server.

Three servers in the same run, one process each, all driven by the same client (python-socketio
AsyncClient, one asyncio loop, 50 sockets sending at once, each waiting for its answer):

- echo: tests/support/echo_server.py, python-socketio under uvicorn, no state (the floor);
- trivial: the production backend (PostgreSQL, Redis state, one Granian worker) and a Browse page
  toggling its filter panel (`OfferListState.toggle_filters`: a var flips, the state is saved);
- Browse filter: the same page changing a filter, as after the form's redirect (`OfferListState.load`
  with a new address: the offer search over BENCH_OFFERS offers, default 100,000, one page of cards
  back).

Prints p50/p95/p99 of each, the ratio to the echo's p95, and the machine's load average (other work
on a shared machine inflates every figure). Asserts nothing about speed.

    python3 -m influfinder test tests/benchmarks/test_event_round_trip_bench.py -m benchmark -s
    BENCH_OFFERS=10000 BENCH_ROUNDS=10 ...   # quicker
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import httpx
import pytest
import socketio

from influfinder import database
from influfinder.state.offers import OfferListState
from tests.benchmarks.offer_data import insert_offers
from tests.support import OUTPUT_DIR, ROOT
from tests.support.cluster import start_backends
from tests.support.env import clean_environment
from tests.support.live_app import free_port
from tests.support.socket_page import EVENT_PATH, SocketPage

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres, pytest.mark.redis, pytest.mark.timeout(3600)]

SOCKETS = 50
BROWSE = OfferListState.get_full_name()
FILTERS = ["category=FOOD", "category=FOOD&city=Madrid", "platform=instagram", "currency=EUR",
           "compensation_type=PAID", "category=FASHION", "q=coffee", "category=TRAVEL&platform=tiktok"]


def _rounds() -> int:
    return int(os.environ.get("BENCH_ROUNDS", "40"))


def _offers() -> int:
    return int(os.environ.get("BENCH_OFFERS", "100000"))


def percentiles(seconds: list[float]) -> tuple[float, float, float]:
    ordered = sorted(s * 1000 for s in seconds)
    pick = lambda p: ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]  # noqa: E731
    return pick(50), pick(95), pick(99)


async def concurrently(count: int, one) -> list[float]:
    """`one(i)` for i in 0..count-1, at once; each returns its round trips; all of them, flattened."""
    return [t for times in await asyncio.gather(*(one(i) for i in range(count))) for t in times]


# ---- the floor ---------------------------------------------------------------------------------------------


class EchoServer:
    def __enter__(self) -> EchoServer:
        self.port = free_port()
        self.process = subprocess.Popen([sys.executable, "-m", "tests.support.echo_server", str(self.port)],
                                        cwd=ROOT, env=clean_environment())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/_event/?EIO=4&transport=polling", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the echo server did not start")

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


async def echo_round_trips(port: int, rounds: int) -> list[float]:
    async def one(_i: int) -> list[float]:
        client, answered = socketio.AsyncClient(reconnection=False), asyncio.Queue()
        client.on("echo", lambda data: answered.put_nowait(data), namespace=EVENT_PATH)
        await client.connect(f"http://127.0.0.1:{port}", transports=["websocket"], socketio_path=EVENT_PATH,
                             namespaces=[EVENT_PATH])
        times = []
        for n in range(rounds):
            start = time.perf_counter()
            await client.emit("event", {"name": "toggle", "payload": {"n": n}}, namespace=EVENT_PATH)
            await answered.get()
            times.append(time.perf_counter() - start)
        await client.disconnect()
        return times

    return await concurrently(SOCKETS, one)


# ---- the app -----------------------------------------------------------------------------------------------


async def app_round_trips(base_url: str, rounds: int) -> dict[str, list[float]]:
    pages = [SocketPage(base_url) for _ in range(SOCKETS)]
    await asyncio.gather(*(page.open("/offers") for page in pages))

    async def toggle(i: int) -> list[float]:
        return [await pages[i].call(f"{BROWSE}.toggle_filters") for _ in range(rounds)]

    async def browse(i: int) -> list[float]:
        page, times = pages[i], []
        for n in range(rounds):
            page.go(f"/offers?{FILTERS[(i + n) % len(FILTERS)]}")
            seen = page.updates
            times.append(await page.call(
                f"{BROWSE}.load", lambda: page.updates >= seen + 2 and page.var("loading", BROWSE) is False))
        return times

    results = {"toggle the filter panel": await concurrently(SOCKETS, toggle),
               "change a Browse filter": await concurrently(SOCKETS, browse)}
    await asyncio.gather(*(page.close() for page in pages))
    return results


@pytest.fixture
def backend(empty_pg_url, redis_url, tmp_path):
    database.migrate(empty_pg_url)
    started = time.perf_counter()
    insert_offers(database.make_engine(empty_pg_url), _offers())
    print(f"\ngenerated {_offers():,} offers in {time.perf_counter() - started:.0f} s")
    env = clean_environment({"DATABASE_URL": empty_pg_url, "REDIS_URL": redis_url, "SECRET_KEY": "bench-" + "k" * 40,
                             "DEMO_DATA": "false", "UPLOAD_DIR": str(tmp_path / "uploads"),
                             "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false"})
    (server,) = start_backends(env, OUTPUT_DIR, count=1, name="round-trip")
    yield server
    server.stop()


def test_event_round_trip_against_a_bare_socketio_echo(backend):
    rounds = _rounds()
    with EchoServer() as echo:
        asyncio.run(echo_round_trips(echo.port, 3))  # warm-up
        floor = asyncio.run(echo_round_trips(echo.port, rounds))
    asyncio.run(app_round_trips(f"http://localhost:{backend.port}", 3))  # warm-up: imports, caches, plans
    load_before = os.getloadavg()
    app = asyncio.run(app_round_trips(f"http://localhost:{backend.port}", rounds))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    echo_p95 = percentiles(floor)[1]
    lines = [f"{SOCKETS} concurrent sockets x {rounds} events each; {_offers():,} offers; load average {load} "
             f"(before the app's run: {load_before[0]:.1f}) on {os.cpu_count()} CPUs",
             f"{'event':<28}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'p95 / echo p95':>16}"]
    for name, times in [("bare socket.io echo", floor), *app.items()]:
        p50, p95, p99 = percentiles(times)
        lines.append(f"{name:<28}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{p95 / echo_p95:>15.1f}x")
    print("\n" + "\n".join(lines))
    assert all(len(times) == SOCKETS * rounds for times in [floor, *app.values()])
