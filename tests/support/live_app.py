"""The production build, started once for the browser tests: `python -m influfinder run --prod`.

`LiveApp.start(env)` runs it in its own process group, logs to a file, waits for /health,
and `stop()` ends the whole group (Reflex starts children: the server, and Node while building).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support import OUTPUT_DIR, ROOT

STARTUP_LIMIT_SECONDS = 600  # the first build installs the frontend packages: minutes, not seconds
# The production build the tests serve lives in a web folder of the tests' own, never the repository's
# .web: in a full run, Reflex skipped compiling into that shared folder (so it never installed the
# frontend's packages, "react-router: not found") after other tests' processes had used it.
WEB_DIR = OUTPUT_DIR / "web"


# What a server started here takes from this process: the machine's basics, the app's own settings and
# the Reflex switches named here, nothing else. After a whole run of the suite, something left in this
# process's environment made Reflex skip compiling (the same server built fine in a fresh process).
MACHINE = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TERM", "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS",
           "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "PIP_CERT", "PIP_FIND_LINKS", "PIP_DEFAULT_TIMEOUT",
           "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "VIRTUAL_ENV", "CI")
REFLEX_SWITCHES = ("REFLEX_USE_NPM", "REFLEX_TELEMETRY_ENABLED", "REFLEX_CHECK_LATEST_VERSION", "REFLEX_WEB_WORKDIR",
                   "GRANIAN_WORKERS")


def server_environment(env: dict[str, str]) -> dict[str, str]:
    from tests.support.env import contract_variable

    return {k: v for k, v in env.items() if k in MACHINE or k in REFLEX_SWITCHES or contract_variable(k)}


def fresh_web_folder(web: Path) -> None:
    """Everything Reflex left there goes but the installed packages, which only make the build faster."""
    web.mkdir(parents=True, exist_ok=True)
    for entry in web.iterdir():
        if entry.name == "node_modules":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def log_tail(path: Path, lines: int = 60) -> str:
    if not path.exists():
        return "(no log)"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class LiveApp:
    port: int
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        """The browser's address: PUBLIC_URL, since the WebSocket accepts only that origin."""
        return self.env["PUBLIC_URL"]

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return self.env["DATABASE_URL"]

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.env.setdefault("REFLEX_WEB_WORKDIR", str(WEB_DIR))
        fresh_web_folder(Path(self.env["REFLEX_WEB_WORKDIR"]))
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "influfinder", "run", "--prod", "--port", str(self.port)],
                cwd=ROOT, env=server_environment(self.env), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._wait_until_healthy()

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_LIMIT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with code {self.process.returncode} before serving")
            if self._healthy():
                return
            time.sleep(1)
        raise RuntimeError(f"/health did not answer 200 within {STARTUP_LIMIT_SECONDS}s")

    def _healthy(self) -> bool:
        try:
            return httpx.get(f"{self.api_url}/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=grace)
                return
            except subprocess.TimeoutExpired:
                continue


@contextmanager
def running(env: dict[str, str], log_name: str) -> Iterator[LiveApp]:
    """A LiveApp on a free port with `env` (PUBLIC_URL added), stopped however the caller ends."""
    import pytest

    from tests.support import OUTPUT_DIR

    port = free_port()
    app = LiveApp(port=port, env={"PUBLIC_URL": f"http://localhost:{port}", **env}, log_path=OUTPUT_DIR / log_name)
    try:
        app.start()
    except RuntimeError as error:
        app.stop()
        pytest.fail(f"{error}\n{log_tail(app.log_path)}", pytrace=False)
    except BaseException:  # a timeout or Ctrl-C while building: never leave the server running
        app.stop()
        raise
    try:
        yield app
    finally:
        app.stop()


@contextmanager
def configured_like(app: LiveApp, names: tuple[str, ...]) -> Iterator[None]:
    """This process configured as the server is (those variables), so sessions made here are good there."""
    import pytest

    from tests.support.env import drop_app_caches
    from tests.support.people import reset_app_caches

    patch = pytest.MonkeyPatch()
    for name in names:
        patch.setenv(name, app.env[name])
    drop_app_caches()
    reset_app_caches()
    try:
        yield
    finally:
        patch.undo()
        drop_app_caches()
        reset_app_caches()
