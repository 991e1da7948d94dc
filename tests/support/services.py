"""Real PostgreSQL and Redis for tests: reachability, throw-away databases, and the skip-or-fail rule.

Tests only ever talk to 127.0.0.1 by default. TEST_POSTGRES_URL / TEST_REDIS_URL move the base.
"""

from __future__ import annotations

import os
import secrets
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"  # db 15: never the db 0 a developer's app uses


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(service: str, where: str, error: BaseException) -> None:
    """Skip locally, fail in CI: CI must never go green by skipping the service tests."""
    reason = f"{service} not reachable at {where}: {_first_line(error)}"
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so this is a failure: start {service} before the suite)", pytrace=False)
    pytest.skip(f"{reason} (CI runs these)")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def postgres_base_url() -> URL:
    url = make_url(os.environ.get("TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def where(url: URL) -> str:
    return f"{url.host or '127.0.0.1'}:{url.port or 5432}"


class PostgresDatabases:
    """Creates uniquely named databases on one server and drops every one of them at the end."""

    def __init__(self, base: URL) -> None:
        self.base = base
        self._admin = sa.create_engine(
            base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool, connect_args={"connect_timeout": 5}
        )
        self._created: list[str] = []

    def ping(self) -> None:
        with self._admin.connect() as connection:
            connection.execute(sa.text("SELECT 1"))

    def create(self) -> str:
        """A fresh, empty database; returns its postgresql+psycopg:// URL."""
        name = f"influfinder_test_{os.getpid()}_{secrets.token_hex(4)}"
        with self._admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        self._created.append(name)
        return self.base.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        # FORCE: an engine a test forgot to dispose must not keep the database alive.
        with self._admin.connect() as connection:
            for name in self._created:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._created.clear()
        self._admin.dispose()


def redis_test_url() -> str:
    """The test db; under pytest-xdist each worker has its own (the base db, then the ones below it),
    because the Redis tests empty their db before and after."""
    return _worker_db(os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL)


def _worker_db(url: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    number = int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0
    if number == 0:
        return url
    parts = urlsplit(url)
    db = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(db - number) % 16}"))


def redis_where(url: str) -> str:
    client = redis.Redis.from_url(url)
    kwargs = client.connection_pool.connection_kwargs
    client.close()
    return f"{kwargs.get('host', '127.0.0.1')}:{kwargs.get('port', 6379)}"


def flush_redis(url: str) -> None:
    """Empty the test db (never db 0 unless TEST_REDIS_URL says so)."""
    client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.flushdb()
    finally:
        client.close()
