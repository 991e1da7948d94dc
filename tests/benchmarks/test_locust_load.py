"""A load test with Locust: simulated people on the production backend, through the socket protocol.

The backends are production processes (tests/support/cluster.py `start_backends`: Granian, one
worker each, `LOAD_WORKERS` of them, default 2) sharing PostgreSQL and Redis; the users are
tests/benchmarks/locustfile.py, spread over the workers. Before: `BENCH_OFFERS` generated offers
(default 10,000), businesses with published offers, creators with live sessions.

Printed: per event kind p50/p95/p99, requests, failures and throughput (Locust's own statistics);
the RSS of each worker and of Redis (the whole server: shared with whatever else uses it) at the
start, after warm-up and at the end; the database connections this test's database has open
(`pg_stat_activity`), at most and at the end; the machine's load average.

The short run (the default, for a shared machine):

    python3 -m influfinder test tests/benchmarks/test_locust_load.py -m benchmark -s

The full one, 200 users for 10 minutes, with 2 and with 4 workers:

    LOAD_USERS=200 LOAD_MINUTES=10 LOAD_WORKERS=2 python3 -m influfinder test tests/benchmarks/test_locust_load.py -m benchmark -s
    LOAD_USERS=200 LOAD_MINUTES=10 LOAD_WORKERS=4 python3 -m influfinder test tests/benchmarks/test_locust_load.py -m benchmark -s
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
import threading

import psutil
import pytest
import redis
import sqlalchemy as sa

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.services import applications
from influfinder.state.application_review import ApplicationState
from influfinder.state.live import LiveState
from influfinder.state.messages_page import ChatComposerState, ConversationsState
from influfinder.state.notifications_page import NotificationsPageState
from influfinder.state.offer_applications import OfferApplicationsState
from influfinder.state.offer_detail import OfferDetailState
from influfinder.state.offers import OfferListState
from tests.benchmarks.offer_data import insert_offers
from tests.support import OUTPUT_DIR, ROOT
from tests.support.cluster import start_backends
from tests.support.env import clean_environment
from tests.support.marketplace import call, make_user, published
from tests.support.people import cookie_header, reset_app_caches, session_for

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres, pytest.mark.redis, pytest.mark.timeout(7200)]

SECRET = "locust-load-secret-0123456789abcdef"
STATES = {cls.__name__: cls.get_full_name()
          for cls in (OfferListState, OfferDetailState, NotificationsPageState, OfferApplicationsState, ApplicationState,
                      LiveState, ChatComposerState, ConversationsState)}


APPLICANTS_PER_OFFER = 4  # waiting when the run starts: businesses accept them and write to them


def setting(name: str, default: str) -> int:
    return int(os.environ.get(name, default))


def build_world(url: str, users: int, path) -> dict:
    """Offers to browse, businesses with offers and applicants to decide, creators with sessions; as the
    locustfile reads it."""
    engine = database.make_engine(url)
    insert_offers(engine, setting("BENCH_OFFERS", "10000"))
    people = [make_user(engine) for _ in range(users)]
    applicants = itertools.cycle(people)
    businesses = []
    for _ in range(max(2, users // 10)):
        owner = make_user(engine, UserType.BUSINESS)
        offers = [published(engine, owner, slots=APPLICANTS_PER_OFFER) for _ in range(3)]
        for offer in offers:
            for _ in range(APPLICANTS_PER_OFFER):
                call(engine, applications.apply, next(applicants), offer, {"message": "Count me in for a reel!"})
        businesses.append({"cookie": cookie_header(session_for(owner)), "offers": [str(o) for o in offers]})
    creators = [{"cookie": cookie_header(session_for(person))} for person in people]
    with engine.connect() as connection:
        browsable = [str(i) for (i,) in connection.execute(sa.text(
            "SELECT id FROM offers WHERE status = 'ACTIVE' ORDER BY random() LIMIT 300"))]
    world = {"states": STATES, "businesses": businesses, "creators": creators,
             "offers": browsable + [o for b in businesses for o in b["offers"]]}
    path.write_text(json.dumps(world))
    engine.dispose()
    return world


class Gauges:
    """RSS of the workers and Redis, and the database's connections, sampled every few seconds."""

    def __init__(self, workers, redis_url: str, url: str) -> None:
        self.processes = [psutil.Process(w.process.pid) for w in workers]
        self.redis = redis.Redis.from_url(redis_url)
        self.engine = database.make_engine(url)
        self.name = sa.engine.make_url(url).database
        self.snapshots: dict[str, dict] = {}
        self.connections: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def rss_mb(self) -> dict:
        workers = [sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20
                   for proc in self.processes]
        memory = self.redis.info("memory")
        return {"workers": workers, "redis": memory["used_memory_rss"] / 2**20,
                "redis data": memory["used_memory"] / 2**20, "redis clients": memory["mem_clients_normal"] / 2**20,
                **self.keys()}

    def keys(self) -> dict:
        """This run's Redis database: how many keys, which kinds never expire (a closed tab's state must), and
        the kinds holding the most bytes."""
        count, lasting, size = 0, {}, {}
        for key in self.redis.scan_iter(count=1000):
            count += 1
            kind = _kind(key)
            size[kind] = size.get(kind, 0) + (self.redis.memory_usage(key) or 0)
            if self.redis.ttl(key) == -1:
                lasting[kind] = lasting.get(kind, 0) + 1
        largest = sorted(size.items(), key=lambda item: -item[1])[:4]
        return {"keys": count, "without expiry": lasting, "keys MB": sum(size.values()) / 2**20,
                "largest": ", ".join(f"{kind} {total / 2**20:.1f} MB" for kind, total in largest)}

    def in_use(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()"),
                {"name": self.name}).scalar_one()

    def snapshot(self, label: str) -> None:
        self.snapshots[label] = self.rss_mb()

    def _sample(self) -> None:
        while not self._stop.wait(5):
            self.connections.append(self.in_use())

    def __enter__(self) -> Gauges:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self.engine.dispose()


def _kind(key: bytes) -> str:
    """What a key holds: ours by their prefix ("influfinder:<kind>"), Reflex's a tab's state by its class
    ("<client token>_<state path>": the path's last part)."""
    text = key.decode(errors="replace")
    if text.startswith("influfinder:"):
        return ":".join(text.split(":")[:2])
    return text.split("_", 1)[-1].rsplit(".", 1)[-1]


def stored(url: str) -> dict[str, int]:
    """What the users' writes left in the database: the messages and accepted applications really happened."""
    engine = database.make_engine(url)
    with engine.connect() as connection:
        counts = {table: connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
                  for table in ("messages", "collaborations")}
    engine.dispose()
    return counts


def run_locust(world_path, backends, users: int, minutes: float, csv_prefix) -> None:
    env = clean_environment({"LOCUST_WORLD": str(world_path),
                             "LOCUST_BACKENDS": ",".join(f"http://localhost:{b.port}" for b in backends)})
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "tests/benchmarks/locustfile.py"), "--headless",
               "-u", str(users), "-r", str(max(1, users // 20)), "-t", f"{int(minutes * 60)}s", "--csv",
               str(csv_prefix), "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING"]
    subprocess.run(command, cwd=ROOT, env=env, check=False, timeout=minutes * 60 + 300)


def stats_table(csv_prefix) -> str:
    rows = list(csv.DictReader(open(f"{csv_prefix}_stats.csv")))
    head = f"{'event':<30}{'requests':>9}{'failures':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
    lines = [head, "-" * len(head)]
    for row in rows:
        lines.append(f"{row['Name']:<30}{row['Request Count']:>9}{row['Failure Count']:>9}"
                     f"{float(row['Requests/s']):>8.1f}{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}")
    failures = f"{csv_prefix}_failures.csv"
    for row in list(csv.DictReader(open(failures)))[:5] if os.path.exists(failures) else []:
        lines.append(f"failure: {row['Name']}: {row['Error'][:120]} x{row['Occurrences']}")
    return "\n".join(lines)


def test_locust_load(empty_pg_url, redis_url, settings_env, tmp_path):
    users, minutes, workers = setting("LOAD_USERS", "50"), float(os.environ.get("LOAD_MINUTES", "2")), \
        setting("LOAD_WORKERS", "2")
    database.migrate(empty_pg_url)
    settings_env.set(DATABASE_URL=empty_pg_url, REDIS_URL=redis_url, SECRET_KEY=SECRET)
    reset_app_caches()
    world_path = tmp_path / "world.json"
    build_world(empty_pg_url, users, world_path)
    env = clean_environment({"DATABASE_URL": empty_pg_url, "REDIS_URL": redis_url, "SECRET_KEY": SECRET,
                             "DEMO_DATA": "false", "UPLOAD_DIR": str(tmp_path / "uploads"),
                             "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false"})
    backends = start_backends(env, OUTPUT_DIR, count=workers, name="locust")
    try:
        with Gauges(backends, redis_url, empty_pg_url) as gauges:
            gauges.snapshot("start")
            warm = threading.Timer(min(60.0, minutes * 60 / 4), gauges.snapshot, args=("after warm-up",))
            warm.start()
            run_locust(world_path, backends, users, minutes, tmp_path / "locust")
            warm.cancel()
            gauges.snapshot("end")
            connections = gauges.connections or [0]
        written = stored(empty_pg_url)
    finally:
        for backend in backends:
            backend.stop()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    memory = "\n".join(f"RSS {label:<14} workers {', '.join(f'{w:.0f}' for w in m['workers'])} MB; "
                       f"Redis {m['redis']:.0f} MB RSS, {m['redis data']:.1f} MB used of which clients' buffers "
                       f"{m['redis clients']:.1f} (whole server); this run's database {m['keys']} keys, "
                       f"{m['keys MB']:.1f} MB, without expiry: {m['without expiry'] or 'none'}; "
                       f"largest kinds: {m['largest']}"
                       for label, m in gauges.snapshots.items())
    print(f"\nLocust: {users} users over {minutes:g} min on {workers} workers (1 Granian worker each), "
          f"PostgreSQL + Redis; load average {load} on {os.cpu_count()} CPUs\n{stats_table(tmp_path / 'locust')}\n"
          f"{memory}\nDB connections of this database: at most {max(connections)}, at the end {connections[-1]} "
          f"(SQLAlchemy's default pool per worker: 5 + 10 overflow)\n"
          f"Stored by the run: {written['messages']} messages, {written['collaborations']} collaborations")
