"""Every /api/v1 test runs on a migrated PostgreSQL database of its module and the test Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from influfinder import database
from influfinder.integrations import expiring_keys
from influfinder.services import effects
from tests.support.api_client import client as api_client
from tests.support.people import reset_app_caches

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def api_db_url(pg_url) -> str:
    database.migrate(pg_url)
    return pg_url


@pytest.fixture(autouse=True)
def api_env(settings_env, api_db_url, redis_url, tmp_path) -> Iterator[None]:
    settings_env.set(DATABASE_URL=api_db_url, REDIS_URL=redis_url, SECRET_KEY="api-test-secret-key-0123456789",
                     BCRYPT_ROUNDS="4", UPLOAD_DIR=str(tmp_path / "uploads"))
    reset_app_caches()
    expiring_keys.forget_memory()
    yield
    effects.drain()
    reset_app_caches()


@pytest.fixture
def client():
    with api_client() as http:
        yield http
