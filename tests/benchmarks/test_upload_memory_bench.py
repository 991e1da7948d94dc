"""Memory of a 100 MB video upload, and the time of an oversize refusal (issue 10, point 2).

The server is the production build (`python -m influfinder run --prod`, as the e2e tests start it).
A creator with a visited collaboration (demo data) submits a 100 MB MP4 through the page's content
form in Chromium: the upload goes through the upload guard, Reflex's /_upload (which spools the
file to a temporary file), the handler and the submission service, which checks the video box by
box and copies it into storage in chunks. Printed:

- the peak resident memory of each server process above its idle resident memory (VmHWM after
  resetting it through /proc/PID/clear_refs, minus VmRSS before: Linux only). Target: < 30 MB.
- the time until a signed-in creator's oversize upload is answered 413: declared by Content-Length
  (nothing read), and streamed without a length (counted, then cut off).

    python3 -m influfinder test tests/benchmarks/test_upload_memory_bench.py -m benchmark -s

Other work on the machine changes the timings: the load average is printed beside them.
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from playwright.sync_api import expect, sync_playwright

from influfinder.domain.enums import UserType
from influfinder.services.demo_data import DEMO_PASSWORD
from influfinder.state.upload_rules import UPLOAD_RULES
from tests.support.browser import CHROMIUM_ARGS, chromium_path
from tests.support.env import clean_environment
from tests.support.live_app import LiveApp, configured_like, running
from tests.support.media import mp4
from tests.support.people import person, session_for

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]

MEGABYTE = 1024 * 1024
VIDEO_BYTES = 100 * MEGABYTE - 4096  # just under the per-video limit, framing included
SUBMIT = next(name for name in UPLOAD_RULES if name.endswith(".submit_content"))


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[LiveApp]:
    data = tmp_path_factory.mktemp("upload")
    env = clean_environment({
        "DATABASE_URL": f"sqlite:///{data / 'upload.db'}", "SECRET_KEY": secrets.token_urlsafe(32),
        "DEMO_DATA": "true", "UPLOAD_DIR": str(data / "media"), "GRANIAN_WORKERS": "1", "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false",
    })
    with running(env, "upload-bench.log") as app:
        yield app


@pytest.fixture(scope="module")
def same_settings(server) -> Iterator[None]:
    with configured_like(server, ("DATABASE_URL", "SECRET_KEY")):
        yield


def _group(leader: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == leader:
                    pids.append(int(entry.name))
            except ProcessLookupError:
                continue
    return pids


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _visited_collaboration(database_url: str) -> tuple[str, str]:
    """(collaboration id, its creator's email) of a demo collaboration waiting for content."""
    engine = sa.create_engine(database_url)
    with engine.connect() as db:
        row = db.execute(sa.text(
            "SELECT c.id, u.email FROM collaborations c JOIN users u ON u.id = c.creator_id "
            "WHERE c.status = 'VISITED' LIMIT 1")).one()
    engine.dispose()
    import uuid

    return str(uuid.UUID(str(row[0]))), row[1]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def test_peak_memory_of_a_100_mb_video_upload(server, tmp_path):
    video = tmp_path / "reel.mp4"
    video.write_bytes(mp4(media=b"\x00" * (VIDEO_BYTES - len(mp4(media=b"")))))
    collab_id, email = _visited_collaboration(server.database_url)
    leader = server.process.pid
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=server.base_url)
        page.set_default_timeout(120_000)
        page.goto("/login")
        page.get_by_label("Email or username").fill(email)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_test_id("account-menu")).to_be_visible(timeout=60_000)
        page.goto(f"/collaborations/{collab_id}")
        step = page.get_by_test_id("next-step")
        expect(step.get_by_role("heading", name="Submit content", exact=True)).to_be_visible(timeout=60_000)
        time.sleep(2)  # let the server settle before taking its idle size
        idle = {pid: _status_kib(pid, "VmRSS") for pid in _group(leader)}
        for pid in idle:
            Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        step.locator('input[type="file"]').set_input_files(str(video))
        started = time.perf_counter()
        step.get_by_role("button", name="Submit content", exact=True).click()
        expect(page.get_by_test_id("latest-version")).to_be_visible(timeout=300_000)
        elapsed = time.perf_counter() - started
        peaks = {pid: _status_kib(pid, "VmHWM") - rss for pid, rss in idle.items() if Path(f"/proc/{pid}").exists()}
        browser.close()
    stored = [p for p in Path(server.env["UPLOAD_DIR"]).rglob("*.mp4")]
    print(f"\n100 MB video upload (load average {_load()}): stored {len(stored)} file(s) of "
          f"{[p.stat().st_size for p in stored]} bytes in {elapsed:.1f} s")
    for pid, grown in sorted(peaks.items(), key=lambda item: -item[1]):
        print(f"  pid {pid}: idle {idle[pid] / 1024:.1f} MB, peak above idle {grown / 1024:.1f} MB")
    print(f"  largest peak above idle: {max(peaks.values()) / 1024:.1f} MB (target < 30 MB)")


def test_time_of_an_oversize_refusal(server, same_settings):
    token = session_for(person(UserType.CREATOR))
    headers = {"reflex-client-token": "bench", "reflex-event-handler": SUBMIT,
               "content-type": "multipart/form-data; boundary=xyz",
               "cookie": f"influfinder_session={token}"}

    def streamed():
        yield b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="big.mp4"\r\n\r\n'
        for _ in range(400):
            yield b"\0" * MEGABYTE

    timings = {}
    # Declared: the head only, saying 400 MB; the answer comes before any of the body is sent.
    head = "".join(f"{k}: {v}\r\n" for k, v in {**headers, "content-length": str(400 * MEGABYTE)}.items())
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as connection:
        connection.sendall(f"POST /_upload HTTP/1.1\r\nhost: 127.0.0.1\r\n{head}\r\n".encode())
        status_line = connection.recv(200).split(b"\r\n", 1)[0].decode()
    timings["declared 400 MB (Content-Length), head only"] = (status_line, time.perf_counter() - started)
    with httpx.Client(base_url=server.api_url, timeout=120) as client:
        started = time.perf_counter()
        try:
            status = client.post("/_upload", headers=headers, content=streamed()).status_code
        except httpx.HTTPError as error:  # the server may close while the client still sends
            status = type(error).__name__
        timings["streamed 400 MB, no length (cut off past 300 MB)"] = (status, time.perf_counter() - started)
    print(f"\nOversize refusals (load average {_load()}):")
    for label, (status, seconds) in timings.items():
        print(f"  {label}: {status} in {seconds * 1000:.0f} ms")
