"""Live events between the app's processes: `publish(channel, payload)` and `subscribe(handler)`.

Two implementations behind one interface:

- `RedisBus` when REDIS_URL is set: every backend process subscribes to the app's channels with
  Redis pub/sub (a background asyncio task using redis.asyncio), so an event published by one
  process reaches the open pages held by every other one.
- `InProcessBus` otherwise: the embedded default, one process, no network.

`publish` is synchronous and thread-safe: services call it after their transaction commits,
from the effects' worker threads (`effects.after_commit(db, bus.publish, channel, payload)`).
Payloads are JSON objects; both implementations hand each subscriber a decoded copy, so a
handler never shares a dict with the publisher and both behave alike.

`await subscribe(handler)` returns once the subscription is live (nothing published after it
returns is missed) and gives a `Subscription` to `close()`. The handler is an async function
`handler(channel, payload)`, called on the subscriber's event loop one event at a time, in the
order they were published by each publisher. Pub/sub is fire-and-forget: an event published while
a process is disconnected is lost for it, so pages catch up from the database when they (re)load;
after a lost Redis connection comes back the handler gets `(RESYNC_CHANNEL, {})`, so it can
refresh what it shows.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any, Protocol

import redis
import redis.asyncio as aioredis

from influfinder.settings import get_settings

log = logging.getLogger(__name__)

Handler = Callable[[str, dict[str, Any]], Awaitable[None]]
RESYNC_CHANNEL = "bus:resync"
QUEUE_LIMIT = 10_000  # events waiting for one slow subscriber; beyond it new ones are dropped
_RECONNECT_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0)


class Bus(Protocol):
    def publish(self, channel: str, payload: dict[str, Any]) -> None: ...

    async def subscribe(self, handler: Handler) -> Subscription: ...


def _encode(channel: str, payload: dict[str, Any]) -> str:
    if not isinstance(channel, str) or not channel or not isinstance(payload, dict):
        raise TypeError("publish(channel: str, payload: dict)")
    return json.dumps(payload, separators=(",", ":"), default=str)


class Subscription:
    """Events for one handler, queued and handed over one at a time on the subscriber's loop."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue(QUEUE_LIMIT)
        self._worker = asyncio.create_task(self._dispatch(), name="bus-dispatch")
        self.closed = False

    def offer(self, channel: str, text: str) -> None:
        """Queue an event; safe from any thread."""
        if self.closed:
            return
        try:
            self._loop.call_soon_threadsafe(self._put, channel, text)
        except RuntimeError:  # the subscriber's loop is closed: it will never read again
            self.closed = True

    def _put(self, channel: str, text: str) -> None:
        try:
            self._queue.put_nowait((channel, text))
        except asyncio.QueueFull:
            log.warning("bus: a subscriber is %d events behind; dropped one on %s", QUEUE_LIMIT, channel)

    async def _dispatch(self) -> None:
        while True:
            channel, text = await self._queue.get()
            try:
                await self._handler(channel, json.loads(text))
            except Exception:  # noqa: BLE001 - one bad event must not stop the ones after it
                log.exception("bus: handler failed for an event on %s", channel)

    async def close(self) -> None:
        self.closed = True
        self._worker.cancel()
        await asyncio.gather(self._worker, return_exceptions=True)


class InProcessBus:
    """Publish and subscribe inside one process (no REDIS_URL)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: list[Subscription] = []

    def publish(self, channel: str, payload: dict[str, Any]) -> None:
        text = _encode(channel, payload)
        with self._lock:
            self._subscriptions = [s for s in self._subscriptions if not s.closed]
            subscriptions = list(self._subscriptions)
        for subscription in subscriptions:
            subscription.offer(channel, text)

    async def subscribe(self, handler: Handler) -> Subscription:
        subscription = Subscription(handler)
        with self._lock:
            self._subscriptions.append(subscription)
        return subscription


class RedisSubscription(Subscription):
    """A Subscription fed by a task that listens to Redis and reconnects when the link drops."""

    def __init__(self, handler: Handler, url: str, prefix: str) -> None:
        super().__init__(handler)
        self._url, self._prefix = url, prefix
        self._ready = asyncio.Event()
        self._listener = asyncio.create_task(self._listen(), name="bus-redis-listener")

    async def wait_ready(self) -> None:
        waiter = asyncio.ensure_future(self._ready.wait())
        await asyncio.wait({waiter, self._listener}, return_when=asyncio.FIRST_COMPLETED)
        if not self._ready.is_set():
            waiter.cancel()
            await self.close()
            raise ConnectionError("bus: could not subscribe to Redis")

    async def _listen(self) -> None:
        failures = 0
        while not self.closed:
            try:
                await self._listen_once(resync=failures > 0)
            except (redis.RedisError, OSError) as error:
                if not self._ready.is_set():
                    raise  # the first subscription fails loudly: the app cannot go live without it
                delay = _RECONNECT_DELAYS[min(failures, len(_RECONNECT_DELAYS) - 1)]
                failures += 1
                log.warning("bus: lost Redis (%s); reconnecting in %.1fs", error, delay)
                await asyncio.sleep(delay)

    async def _listen_once(self, *, resync: bool) -> None:
        client = aioredis.Redis.from_url(self._url, socket_connect_timeout=3, health_check_interval=30)
        try:
            async with client.pubsub() as pubsub:
                await pubsub.psubscribe(self._prefix + "*")
                async for message in pubsub.listen():
                    self._handle(message, resync)
        finally:
            await client.aclose()

    def _handle(self, message: dict[str, Any], resync: bool) -> None:
        if message["type"] == "psubscribe":
            # Subscribed: from here on nothing published is missed.
            self._ready.set()
            if resync:
                self._put(RESYNC_CHANNEL, "{}")
        elif message["type"] == "pmessage":
            channel = message["channel"].decode()[len(self._prefix):]
            self._put(channel, message["data"].decode())

    async def close(self) -> None:
        self.closed = True
        listener = getattr(self, "_listener", None)
        if listener is not None:
            listener.cancel()
            await asyncio.gather(listener, return_exceptions=True)
        await super().close()


class RedisBus:
    """Redis pub/sub shared by every process of the app (REDIS_URL)."""

    def __init__(self, url: str) -> None:
        self._url = url
        # Pub/sub channels ignore the database number: the prefix names it, so a test run on
        # db 15 never hears a development server on db 0.
        db = redis.Redis.from_url(url).connection_pool.connection_kwargs.get("db", 0)
        self.prefix = f"influfinder:{db}:bus:"
        self._client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)

    def publish(self, channel: str, payload: dict[str, Any]) -> None:
        self._client.publish(self.prefix + channel, _encode(channel, payload))

    async def subscribe(self, handler: Handler) -> Subscription:
        subscription = RedisSubscription(handler, self._url, self.prefix)
        await subscription.wait_ready()
        return subscription


def make_bus(redis_url: str | None) -> InProcessBus | RedisBus:
    return RedisBus(redis_url) if redis_url else InProcessBus()


@lru_cache(maxsize=1)
def bus() -> InProcessBus | RedisBus:
    """The process-wide bus: Redis when REDIS_URL is set, else in-process."""
    return make_bus(get_settings().redis_url)


def publish(channel: str, payload: dict[str, Any]) -> None:
    bus().publish(channel, payload)


async def subscribe(handler: Handler) -> Subscription:
    return await bus().subscribe(handler)
