"""`python -m tests.support.bus_listener REDIS_URL`: another process on the bus, for tests.

Prints "ready" once subscribed, then one JSON line per event: {"channel", "payload", "received_at"}
(time.time() when the handler got it, for latency benchmarks on one machine).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from influfinder.integrations.bus import RedisBus


async def listen(url: str) -> None:
    async def show(channel: str, payload: dict) -> None:
        print(json.dumps({"channel": channel, "payload": payload, "received_at": time.time()}), flush=True)

    await RedisBus(url).subscribe(show)
    print("ready", flush=True)
    await asyncio.Event().wait()  # until the test ends the process


if __name__ == "__main__":
    asyncio.run(listen(sys.argv[1]))
