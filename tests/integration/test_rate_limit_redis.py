"""Rate limits on the real Redis: shared by every worker, and no email stored in clear."""

import os

import pytest
import redis

from influfinder.integrations import rate_limit
from influfinder.integrations.rate_limit import KEY_PREFIX, RateLimiter
from influfinder.settings import reset_settings_cache

# A db index of its own, flushed by these tests, so nothing else on the server is touched.
REDIS_URL = "redis://127.0.0.1:6379/14"
SECRET = "integration-secret"
EMAIL = "Carla.Reyes@example.com"


@pytest.fixture
def redis_db():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        reason = f"Redis at 127.0.0.1:6379 is unreachable ({exc})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


def limiter() -> RateLimiter:
    # A new instance per call, with its own connection pool: as separate processes would be.
    return RateLimiter(REDIS_URL, secret=SECRET)


def test_two_limiters_share_one_count(redis_db):
    worker_a, worker_b = limiter(), limiter()
    for i in range(10):
        assert (worker_a if i % 2 else worker_b).hit("login_account", EMAIL).allowed
    refused = worker_a.hit("login_account", EMAIL)
    assert not refused.allowed
    assert 0 < refused.retry_after_s <= 15 * 60
    assert not worker_b.hit("login_account", EMAIL.lower()).allowed
    assert worker_b.hit("login_account", "other@example.com").allowed


def test_reset_on_one_worker_frees_the_account_on_the_other(redis_db):
    worker_a, worker_b = limiter(), limiter()
    for _ in range(10):
        worker_a.hit("login_account", EMAIL)
    assert not worker_b.hit("login_account", EMAIL).allowed
    worker_a.reset("login_account", EMAIL)
    assert worker_b.hit("login_account", EMAIL).allowed


def test_no_email_or_ip_appears_in_redis(redis_db):
    worker = limiter()
    worker.hit("login_account", EMAIL)
    worker.hit("forgot_password", EMAIL)
    worker.hit("login_ip", "203.0.113.9")
    keys = [k.decode() for k in redis_db.keys("*")]
    assert len(keys) == 3
    assert all(k.startswith(KEY_PREFIX + ":") for k in keys)
    for needle in ("carla", "reyes", "example.com", "203.0.113.9"):
        assert not any(needle in k.lower() for k in keys), keys
    # The stored entries are timestamps; the email is not hidden in the values either.
    values = b"".join(b"".join(redis_db.lrange(k, 0, -1)) for k in keys)
    assert b"carla" not in values.lower()


def test_the_wait_is_counted_from_the_first_attempt_in_the_window(redis_db):
    worker = limiter()
    for _ in range(3):
        worker.hit("verify_resend", "user-42")
    refused = limiter().hit("verify_resend", "user-42")
    assert not refused.allowed
    assert 15 * 60 < refused.retry_after_s <= 3600  # the hour rule, not a shorter one


@pytest.fixture
def app_limiter_on_redis(redis_db, monkeypatch):
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    monkeypatch.setenv("SECRET_KEY", SECRET)
    reset_settings_cache()
    rate_limit.limiter.cache_clear()
    yield rate_limit.limiter()
    monkeypatch.undo()
    reset_settings_cache()
    rate_limit.limiter.cache_clear()


def test_the_apps_limiter_uses_redis_when_redis_url_is_set(app_limiter_on_redis, redis_db):
    app_limiter_on_redis.hit("messages", "user-5")
    keys = [k.decode() for k in redis_db.keys("*")]
    assert len(keys) == 1 and keys[0].startswith(KEY_PREFIX + ":")
    assert rate_limit.limiter() is app_limiter_on_redis  # one per process
