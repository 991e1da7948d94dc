"""Short-lived keys with a value: Redis when REDIS_URL is set (shared by every worker), else this process.

The HTTP API keeps two things here: the denylist of revoked access tokens (until they would have
expired anyway) and the answers to requests that carried an Idempotency-Key.
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache

from influfinder.integrations.cache import redis_client

PREFIX = "influfinder:api:"


class _Memory:
    def __init__(self) -> None:
        self._values: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] <= time.monotonic():
                self._values.pop(key, None)
                return None
            return found[1]

    def put(self, key: str, value: str, seconds: int, *, only_new: bool) -> bool:
        with self._lock:
            found = self._values.get(key)
            if only_new and found is not None and found[0] > time.monotonic():
                return False
            self._values[key] = (time.monotonic() + seconds, value)
            return True


@lru_cache(maxsize=1)
def _memory() -> _Memory:
    return _Memory()


def get(key: str) -> str | None:
    client = redis_client()
    if client is None:
        return _memory().get(key)
    value = client.get(PREFIX + key)
    return value.decode("utf-8") if isinstance(value, bytes) else value


def any_of(*keys: str) -> bool:
    """Is any of these keys kept (one round trip to Redis)?"""
    client = redis_client()
    if client is None:
        return any(_memory().get(key) is not None for key in keys)
    return bool(client.exists(*(PREFIX + key for key in keys)))


def put(key: str, value: str, seconds: int, *, only_new: bool = False) -> bool:
    """Keep `value` under `key` for `seconds`; with `only_new`, only if the key is absent (True if kept)."""
    seconds = max(1, int(seconds))
    client = redis_client()
    if client is None:
        return _memory().put(key, value, seconds, only_new=only_new)
    return bool(client.set(PREFIX + key, value, ex=seconds, nx=only_new))


def forget_memory() -> None:
    """For tests that change the settings: the in-process keys belong to the old configuration."""
    _memory.cache_clear()
