"""How long a login takes at bcrypt cost 12, and whether the event loop stays responsive while
20 logins run at once (DESIGN rule 7). Prints figures; asserts nothing about speed.

    python3 -m influfinder test tests/benchmarks/test_login_speed.py -m benchmark -s
"""

from __future__ import annotations

import asyncio
import statistics
import time

import pytest

from influfinder import database
from influfinder.integrations import rate_limit
from influfinder.services import accounts, sessions
from influfinder.services.unit_of_work import ANONYMOUS, acall, for_anyone

pytestmark = pytest.mark.benchmark
PASSWORD = "quartz meadow staple 12"
LOGINS = 20


@pytest.fixture
def twelve_rounds(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="bench", BCRYPT_ROUNDS="12")
    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()
    database.migrate()
    with database.session_scope() as db:
        accounts.sign_up(db, accounts.SignUpInput("bench@example.com", "bench_user", PASSWORD, "CREATOR"),
                         ip_address="127.0.0.1")
    yield
    rate_limit.limiter.cache_clear()


def _login_once() -> float:
    started = time.perf_counter()
    with database.session_scope() as db:
        accounts.authenticate(db, "bench@example.com", PASSWORD, ip_address="127.0.0.1")
    return time.perf_counter() - started


async def _loop_lag_during(work) -> tuple[float, list[float]]:
    """Largest delay of a 10 ms ticker while `work` runs: how long the loop was blocked."""
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker():
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - before - 0.01)

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    await work()
    elapsed = time.perf_counter() - started
    done.set()
    await tick
    return elapsed, lags


def test_login_time_and_event_loop_lag(twelve_rounds):
    single = [_login_once() for _ in range(5)]

    async def twenty_logins():
        await asyncio.gather(*(acall(ANONYMOUS, for_anyone(accounts.authenticate), "bench@example.com", PASSWORD,
                                     ip_address=f"10.0.0.{i}") for i in range(LOGINS)))

    elapsed, lags = asyncio.run(_loop_lag_during(twenty_logins))
    print(f"\nlogin at bcrypt cost 12: median {statistics.median(single) * 1000:.0f} ms "
          f"(min {min(single) * 1000:.0f}, max {max(single) * 1000:.0f}) over {len(single)} logins")
    print(f"{LOGINS} concurrent logins: {elapsed:.2f} s in all; event-loop ticker (10 ms) lag "
          f"p50 {statistics.median(lags) * 1000:.1f} ms, max {max(lags) * 1000:.1f} ms over {len(lags)} ticks")
