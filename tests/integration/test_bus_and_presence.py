"""The live bus and the presence registry, in-process and on the real Redis.

Every subscriber hears every publish once, in order, from any thread; a failing handler does not
silence the next event; a closed subscription hears nothing more; a Redis subscriber whose
connection is cut reconnects by itself and says so (the resync event). Presence keeps a user's
open pages until they are removed or stop being refreshed.
"""

from __future__ import annotations

import asyncio
import threading

import pytest
import redis

from influfinder.integrations import bus as bus_module
from influfinder.integrations.bus import RESYNC_CHANNEL, InProcessBus, RedisBus
from influfinder.integrations.presence import MemoryPresence, RedisPresence

pytestmark = pytest.mark.integration

WAIT = 10.0  # seconds: a ceiling for "it arrives", never a measure of speed


@pytest.fixture(params=["in-process", pytest.param("redis", marks=pytest.mark.redis)])
def make_bus(request):
    if request.param == "in-process":
        shared = InProcessBus()  # one process: every subscriber shares the one bus
        return lambda: shared
    url = request.getfixturevalue("redis_url")
    return lambda: RedisBus(url)  # one per "process", meeting in Redis


class Inbox:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict]] = []
        self.arrived = asyncio.Event()

    async def __call__(self, channel: str, payload: dict) -> None:
        self.events.append((channel, payload))
        self.arrived.set()

    async def until(self, count: int) -> list[tuple[str, dict]]:
        async with asyncio.timeout(WAIT):
            while len(self.events) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.events


def run(coroutine):
    return asyncio.run(coroutine)


def test_two_subscribers_each_hear_one_publish_once(make_bus):
    async def scenario():
        first, second = Inbox(), Inbox()
        subscriptions = [await make_bus().subscribe(first), await make_bus().subscribe(second)]
        make_bus().publish("user:42", {"kind": "message", "text": "Hola", "n": 1})
        for inbox in (first, second):
            assert await inbox.until(1) == [("user:42", {"kind": "message", "text": "Hola", "n": 1})]
        make_bus().publish("user:42", {"kind": "marker"})
        await first.until(2), await second.until(2)
        assert [e[1]["kind"] for e in first.events] == ["message", "marker"]  # no duplicate in between
        for subscription in subscriptions:
            await subscription.close()

    run(scenario())


def test_events_published_from_worker_threads_arrive_in_order(make_bus):
    async def scenario():
        inbox = Inbox()
        subscription = await make_bus().subscribe(inbox)
        publisher = make_bus()
        thread = threading.Thread(target=lambda: [publisher.publish("c", {"n": n}) for n in range(200)])
        thread.start()
        await asyncio.to_thread(thread.join)
        assert [payload["n"] for _, payload in await inbox.until(200)] == list(range(200))
        await subscription.close()

    run(scenario())


def test_a_failing_handler_does_not_stop_the_next_event(make_bus):
    async def scenario():
        inbox = Inbox()

        async def fragile(channel, payload):
            if payload.get("poison"):
                raise ValueError("a handler bug")
            await inbox(channel, payload)

        subscription = await make_bus().subscribe(fragile)
        make_bus().publish("c", {"poison": True})
        make_bus().publish("c", {"after": True})
        assert await inbox.until(1) == [("c", {"after": True})]
        await subscription.close()

    run(scenario())


def test_a_closed_subscription_hears_nothing_more(make_bus):
    async def scenario():
        gone, staying = Inbox(), Inbox()
        closed = await make_bus().subscribe(gone)
        subscription = await make_bus().subscribe(staying)
        await closed.close()
        make_bus().publish("c", {"n": 1})
        await staying.until(1)
        await asyncio.sleep(0.2)  # time for a wrong delivery to show up
        assert gone.events == []
        await subscription.close()

    run(scenario())


def test_a_payload_that_is_not_json_is_refused_at_publish(make_bus):
    with pytest.raises(TypeError):
        make_bus().publish("c", ["not", "a", "dict"])
    with pytest.raises(TypeError):
        make_bus().publish("", {"n": 1})


@pytest.mark.redis
def test_a_redis_subscriber_reconnects_after_its_connection_is_cut_and_asks_for_a_resync(redis_url):
    async def scenario():
        inbox = Inbox()
        subscription = await RedisBus(redis_url).subscribe(inbox)
        admin = redis.Redis.from_url(redis_url)
        assert admin.client_kill_filter(_type="pubsub") >= 1
        await inbox.until(1)
        assert inbox.events == [(RESYNC_CHANNEL, {})]
        RedisBus(redis_url).publish("user:7", {"after": "reconnect"})
        assert (await inbox.until(2))[1] == ("user:7", {"after": "reconnect"})
        await subscription.close()
        admin.close()

    run(scenario())


@pytest.mark.redis
def test_subscribing_to_a_redis_that_is_not_there_fails_loudly():
    async def scenario():
        with pytest.raises((redis.RedisError, OSError)):
            await RedisBus("redis://127.0.0.1:1/0").subscribe(Inbox())

    run(scenario())


def test_the_app_bus_follows_redis_url(settings_env, redis_server):
    settings_env.set(REDIS_URL=None)
    bus_module.bus.cache_clear()
    assert isinstance(bus_module.bus(), InProcessBus)
    settings_env.set(REDIS_URL=redis_server)
    bus_module.bus.cache_clear()
    assert isinstance(bus_module.bus(), RedisBus)
    bus_module.bus.cache_clear()


# ---- presence --------------------------------------------------------------------------------------


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
def make_presence(request):
    if request.param == "memory":
        return MemoryPresence
    url = request.getfixturevalue("redis_url")
    return lambda ttl=120: RedisPresence(url, ttl=ttl)


def test_presence_lists_a_users_open_pages_until_they_are_removed(make_presence):
    async def scenario():
        registry = make_presence()
        await registry.add("ana", "tab-1")
        await registry.add("ana", "tab-2")
        await registry.add("ben", "tab-3")
        assert await registry.tokens("ana") == {"tab-1", "tab-2"}
        await registry.remove("ana", "tab-1")
        assert await registry.tokens("ana") == {"tab-2"}
        assert await registry.tokens("ben") == {"tab-3"}
        assert await registry.tokens("nobody") == set()

    run(scenario())


def test_a_page_that_is_not_refreshed_drops_out_and_a_refreshed_one_stays(make_presence):
    async def scenario():
        registry = make_presence(ttl=1)
        await registry.add("ana", "closed-tab")
        await registry.add("ana", "open-tab")
        await asyncio.sleep(0.6)
        await registry.refresh([("ana", "open-tab")])
        await asyncio.sleep(0.6)
        assert await registry.tokens("ana") == {"open-tab"}

    run(scenario())
