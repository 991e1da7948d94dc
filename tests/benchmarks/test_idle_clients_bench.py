"""Memory of idle connected pages: N signed-in sockets held open against the production server.

The server is the production build (`python -m influfinder run --prod`, as the e2e tests start it)
with REDIS_URL set, so Reflex keeps each page's state in Redis where it can be measured. Each
client is a minimal Socket.IO client (below) that does what an idle page does: it connects to /_event with
its session cookie and its own client token, sends the on_load events every page sends
(SessionState.refresh, LiveState.track), then stays connected and silent.

Printed, before and after connecting N clients:
- the server's resident memory (VmRSS of every process in its group, from /proc: Linux only);
- the Reflex state per idle client: the bytes of that client's keys in Redis (STRLEN), averaged;
- Redis's own used_memory.

Target (issue 6): state per idle client at most 20 KB. Nothing about speed or size is asserted.

    python3 -m influfinder test tests/benchmarks/test_idle_clients_bench.py -m benchmark -s
    IDLE_CLIENTS=500 (the default) sets N.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import statistics
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from wsproto import ConnectionType, WSConnection
from wsproto.events import Ping as WsPing, Request, TextMessage

from influfinder.state.auth import SessionState
from influfinder.state.live import LiveState
from tests.support.env import clean_environment
from tests.support.live_app import LiveApp, configured_like, running
from tests.support.people import cookie_header, person, session_for

# The server's production build comes first (minutes on a fresh machine).
pytestmark = [pytest.mark.benchmark, pytest.mark.redis, pytest.mark.timeout(1800)]

CLIENTS = int(os.environ.get("IDLE_CLIENTS", "500"))
CONNECT_AT_ONCE = 25  # sockets opened together; a browser fleet does not arrive in one instant either
PAGE = "/offers"
NAMESPACE = "/_event"  # Reflex's Socket.IO path and namespace


@pytest.fixture(scope="module")
def server(redis_server, tmp_path_factory) -> Iterator[LiveApp]:
    data = tmp_path_factory.mktemp("idle")
    env = clean_environment({
        "DATABASE_URL": f"sqlite:///{data / 'idle.db'}", "REDIS_URL": redis_server,
        "SECRET_KEY": secrets.token_urlsafe(32), "DEMO_DATA": "false", "UPLOAD_DIR": str(data / "uploads"),
        "GRANIAN_WORKERS": "1", "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false",
    })
    with running(env, "idle-clients.log") as app:
        yield app


@pytest.fixture(scope="module")
def same_settings(server) -> Iterator[None]:
    """This process configured as the server is, so the sessions made here are good there."""
    with configured_like(server, ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")):
        yield


def rss_kib(group_leader: int) -> int:
    """Resident memory of every process in the server's process group, in KiB."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group_leader:
                continue
            status = (entry / "status").read_text()
        except (ProcessLookupError, FileNotFoundError, PermissionError):
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total


class IdlePage:
    """One page's socket: Socket.IO over a WebSocket, spoken by hand (wsproto; no aiohttp here).

    It answers the server's pings, so it stays connected while it sits idle, like a real tab.
    """

    def __init__(self, port: int, origin: str, session_token: str) -> None:
        self.port, self.origin, self.session_token = port, origin, session_token
        self.token = str(uuid.uuid4())
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.answers: asyncio.Queue = asyncio.Queue()
        self.reader_task: asyncio.Task | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        target = f"/{NAMESPACE.strip('/')}/?EIO=4&transport=websocket&token={self.token}"
        headers = [(b"cookie", cookie_header(self.session_token).encode()), (b"origin", self.origin.encode())]
        self.writer.write(self.ws.send(Request(host=f"localhost:{self.port}", target=target,
                                               extra_headers=headers)))
        self.reader_task = asyncio.create_task(self._read())
        await self._expect("0")  # engine.io open
        self._send(f"40{NAMESPACE},")
        await self._expect(f"40{NAMESPACE},")  # namespace joined

    async def load(self, handlers: list[str]) -> None:
        """The page's on_load events, one after the other, each answered before the next."""
        for handler in handlers:
            body = {"name": handler, "payload": {}, "token": self.token,
                    "router_data": {"pathname": PAGE, "asPath": PAGE, "query": {}}}
            self._send(f"42{NAMESPACE}," + json.dumps(["event", body]))
            await self._expect(f"42{NAMESPACE},")

    async def close(self) -> None:
        if self.reader_task:
            self.reader_task.cancel()
        self.writer.close()

    def _send(self, text: str) -> None:
        self.writer.write(self.ws.send(TextMessage(data=text)))

    async def _expect(self, prefix: str) -> None:
        while True:
            text = await asyncio.wait_for(self.answers.get(), timeout=60)
            if text.startswith(prefix):
                return

    async def _read(self) -> None:
        partial = ""
        while data := await self.reader.read(65536):
            self.ws.receive_data(data)
            for event in self.ws.events():
                if isinstance(event, WsPing):
                    self.writer.write(self.ws.send(event.response()))
                elif isinstance(event, TextMessage):
                    partial += event.data
                    if event.message_finished:
                        self._on_packet(partial)
                        partial = ""

    def _on_packet(self, text: str) -> None:
        if text == "2":  # engine.io ping from the server: answer, or be dropped as gone
            self._send("3")
        else:
            self.answers.put_nowait(text)


async def connect_all(server: LiveApp, session_tokens: list[str]) -> list[IdlePage]:
    handlers = [f"{SessionState.get_full_name()}.refresh", f"{LiveState.get_full_name()}.track"]
    pages = [IdlePage(server.port, server.base_url, t) for t in session_tokens]

    async def start(page: IdlePage) -> None:
        await page.open()
        await page.load(handlers)

    for first in range(0, len(pages), CONNECT_AT_ONCE):
        await asyncio.gather(*(start(p) for p in pages[first:first + CONNECT_AT_ONCE]))
    return pages


def state_bytes(redis_url: str, client_tokens: list[str]) -> list[int]:
    """The bytes of each client's Reflex state in Redis (its keys start with its client token)."""
    db = redis.Redis.from_url(redis_url)
    sizes = []
    for token in client_tokens:
        keys = list(db.scan_iter(match=f"{token}*", count=1000))
        sizes.append(sum(db.strlen(k) for k in keys if db.type(k) == b"string"))
    return sizes


def used_memory(redis_url: str) -> int:
    return int(redis.Redis.from_url(redis_url).info("memory")["used_memory"])


def test_memory_of_idle_connected_clients(server, same_settings):
    sessions = [session_for(person(name=f"Idle {n}")) for n in range(CLIENTS)]
    rss_before, redis_before = rss_kib(server.process.pid), used_memory(server.env["REDIS_URL"])

    async def run() -> tuple[int, int, list[int]]:
        pages = await connect_all(server, sessions)
        await asyncio.sleep(2)  # let the server settle before reading its memory
        rss_after, redis_after = rss_kib(server.process.pid), used_memory(server.env["REDIS_URL"])
        sizes = state_bytes(server.env["REDIS_URL"], [p.token for p in pages])
        await asyncio.gather(*(p.close() for p in pages))
        return rss_after, redis_after, sizes

    rss_after, redis_after, sizes = asyncio.run(run())
    per_client_rss = (rss_after - rss_before) / CLIENTS
    print(f"\n{CLIENTS} idle signed-in clients on one process (state in Redis):"
          f"\n  server RSS {rss_before / 1024:.1f} MiB -> {rss_after / 1024:.1f} MiB"
          f" (+{per_client_rss:.1f} KiB per client)"
          f"\n  Reflex state per client in Redis: mean {statistics.mean(sizes) / 1024:.2f} KiB,"
          f" max {max(sizes) / 1024:.2f} KiB (target at most 20 KB)"
          f"\n  Redis used_memory +{(redis_after - redis_before) / CLIENTS / 1024:.2f} KiB per client"
          f" (state, sessions, presence)")
    assert len(sizes) == CLIENTS and all(sizes), "some clients have no state stored: were they connected?"
