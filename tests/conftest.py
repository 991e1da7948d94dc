"""Fixtures every layer of the suite shares: the environment, SQLite, PostgreSQL and Redis.

PostgreSQL and Redis are real servers on 127.0.0.1. When one is down the tests that need it
are skipped with the reason, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from influfinder.i18n import use_language
from tests.support.env import SettingsEnv
from tests.support.services import (
    PostgresDatabases,
    flush_redis,
    postgres_base_url,
    redis_test_url,
    redis_where,
    unavailable,
    where,
)


@pytest.fixture(autouse=True)
def english_unless_the_test_says_otherwise() -> Iterator[None]:
    """Code that runs outside a page (a service, a handler called directly) speaks Spanish, the
    product's first language. Most tests read the English words, as the English pages show them;
    tests of Spanish say so with `use_language("es")` (tests/unit/test_languages.py and others)."""
    with use_language("en"):
        yield


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[SettingsEnv]:
    """An empty deployment environment in a temporary working directory; `.set(NAME=value)` to change it."""
    env = SettingsEnv(monkeypatch, tmp_path)
    yield env
    env.restore()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A fresh SQLite file (created on first connect)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    base = postgres_base_url()
    databases = PostgresDatabases(base)
    try:
        databases.ping()
    except Exception as error:  # noqa: BLE001 - any driver error means "not reachable"
        unavailable("PostgreSQL", where(base), error)
    yield databases
    databases.drop_all()


@pytest.fixture(scope="module")
def pg_url(postgres_databases: PostgresDatabases) -> str:
    """A fresh, empty PostgreSQL database shared by one test module (postgresql+psycopg:// URL)."""
    return postgres_databases.create()


@pytest.fixture
def empty_pg_url(postgres_databases: PostgresDatabases) -> str:
    """A fresh, empty PostgreSQL database for one test only."""
    return postgres_databases.create()


@pytest.fixture(scope="session")
def redis_server() -> str:
    url = redis_test_url()
    try:
        flush_redis(url)
    except Exception as error:  # noqa: BLE001
        unavailable("Redis", redis_where(url), error)
    return url


@pytest.fixture
def redis_url(redis_server: str) -> Iterator[str]:
    """redis://127.0.0.1:6379/15, emptied before and after the test."""
    flush_redis(redis_server)
    yield redis_server
    flush_redis(redis_server)


# --- collection: where a test lives says what it needs --------------------------------------------

TESTS = Path(__file__).resolve().parent
BENCHMARKS = TESTS / "benchmarks"
E2E_TIMEOUT_SECONDS = 900  # the first e2e test waits for the production build (minutes on a fresh machine)
# A folder's marker applies to every test in it, so `-m "not e2e"` holds even if a module forgets it.
FOLDER_MARKERS = {"integration": "integration", "e2e": "e2e", "benchmarks": "benchmark"}
RUN_ORDER = {"unit": 0, "e2e": 2}


def _named_on_command_line(config: pytest.Config, folder: Path) -> bool:
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == folder or folder in path.parents:
            return True
    return False


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the number of workers
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Benchmarks time one process and print to the terminal (-s): named, they run without workers."""
    if _named_on_command_line(config, BENCHMARKS):
        config.option.numprocesses = 0


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Two workers (pytest.ini: -n 2): one drives every browser test, from the start, against the one
    production build it makes; the other takes the rest meanwhile."""
    from tests.support.browser_worker import BrowserTestsOnOneWorker

    return BrowserTestsOnOneWorker(config, log)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Benchmarks run on demand only: `python3 -m influfinder test tests/benchmarks -m benchmark`."""
    if collection_path == BENCHMARKS and not _named_on_command_line(config, BENCHMARKS):
        return True
    return None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects, so the folder markers count
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        marker = FOLDER_MARKERS.get(_folder(item.path))
        if marker and not item.get_closest_marker(marker):
            item.add_marker(marker)
        if marker == "e2e" and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(E2E_TIMEOUT_SECONDS))
    # Fastest first: unit, then the rest, then the browser tests, which wait for a production build.
    items.sort(key=lambda item: RUN_ORDER.get(_folder(item.path), 1))


def _folder(path: Path) -> str | None:
    """The first folder under tests/ that holds the test file ("unit", "e2e", ...), if any."""
    relative = path.resolve().relative_to(TESTS) if TESTS in path.resolve().parents else None
    return relative.parts[0] if relative and len(relative.parts) > 1 else None
