"""Presence: which open pages (Reflex client tokens) belong to which user.

A page registers itself when it loads (state/live.py, state/live_pages.py); each backend process refreshes the pages
it holds every PING_SECONDS, so a page whose tab closed or whose process died drops out after
TTL_SECONDS without anyone having to say goodbye.

- `RedisPresence` when REDIS_URL is set: one hash per user, `token -> expiry` (epoch seconds),
  whose key also expires, so every process sees every page of a user.
- `MemoryPresence` otherwise: the same in a dict.

The Redis one is asynchronous (redis.asyncio): it is called from event handlers and from the
live-delivery task, both on the event loop. An asyncio Redis client belongs to the loop that made
it, so one client is kept per loop.
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

import redis
import redis.asyncio as aioredis

from influfinder.settings import get_settings

TTL_SECONDS = 120
PING_SECONDS = 45  # well under the TTL: one missed refresh does not drop a live page


class Presence(Protocol):
    async def add(self, user_id: str, token: str) -> None: ...

    async def remove(self, user_id: str, token: str) -> None: ...

    async def refresh(self, pages: Iterable[tuple[str, str]]) -> None: ...

    async def tokens(self, user_id: str) -> set[str]: ...


class MemoryPresence:
    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._pages: dict[str, dict[str, float]] = {}

    async def add(self, user_id: str, token: str) -> None:
        await self.refresh([(user_id, token)])

    async def remove(self, user_id: str, token: str) -> None:
        with self._lock:
            tokens = self._pages.get(user_id, {})
            tokens.pop(token, None)
            if not tokens:
                self._pages.pop(user_id, None)

    async def refresh(self, pages: Iterable[tuple[str, str]]) -> None:
        expiry = time.time() + self.ttl
        with self._lock:
            for user_id, token in pages:
                self._pages.setdefault(user_id, {})[token] = expiry

    async def tokens(self, user_id: str) -> set[str]:
        now = time.time()
        with self._lock:
            tokens = self._pages.get(user_id, {})
            for token in [t for t, expiry in tokens.items() if expiry <= now]:
                del tokens[token]
            return set(tokens)


class RedisPresence:
    def __init__(self, url: str, ttl: int = TTL_SECONDS) -> None:
        self.url, self.ttl = url, ttl
        db = redis.Redis.from_url(url).connection_pool.connection_kwargs.get("db", 0)
        self.prefix = f"influfinder:{db}:presence:"
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aioredis.Redis] = (
            weakref.WeakKeyDictionary()
        )

    def _client(self) -> aioredis.Redis:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = aioredis.Redis.from_url(self.url, socket_connect_timeout=3, socket_timeout=3)
            self._clients[loop] = client
        return client

    async def add(self, user_id: str, token: str) -> None:
        await self.refresh([(user_id, token)])

    async def remove(self, user_id: str, token: str) -> None:
        await self._client().hdel(self.prefix + user_id, token)

    async def refresh(self, pages: Iterable[tuple[str, str]]) -> None:
        expiry = time.time() + self.ttl
        async with self._client().pipeline(transaction=False) as pipe:
            for user_id in _group(pages, pipe, self.prefix, expiry):
                pipe.expire(self.prefix + user_id, self.ttl)
            await pipe.execute()

    async def tokens(self, user_id: str) -> set[str]:
        key, now = self.prefix + user_id, time.time()
        pages = await self._client().hgetall(key)
        expired = [token for token, expiry in pages.items() if float(expiry) <= now]
        if expired:
            await self._client().hdel(key, *expired)
        return {token.decode() for token, expiry in pages.items() if float(expiry) > now}


def _group(pages: Iterable[tuple[str, str]], pipe, prefix: str, expiry: float) -> set[str]:
    """Queue one HSET per page; returns the users touched."""
    users = set()
    for user_id, token in pages:
        pipe.hset(prefix + user_id, token, expiry)
        users.add(user_id)
    return users


def make_presence(redis_url: str | None) -> MemoryPresence | RedisPresence:
    return RedisPresence(redis_url) if redis_url else MemoryPresence()


@lru_cache(maxsize=1)
def presence() -> MemoryPresence | RedisPresence:
    """The process-wide registry: Redis when REDIS_URL is set, else this process's memory."""
    return make_presence(get_settings().redis_url)
