"""Two backend processes of one production build, sharing PostgreSQL and Redis.

How it is built, and why this way:

- The build is the one the browser tests already made: the session's `live_app`
  (`python -m influfinder run --prod --port P0`, tests/support/live_app.py) builds the frontend
  into tests/output/web once. Nothing here builds again, and nothing here writes into that folder, which that
  server keeps serving.
- A built frontend carries its backend's address: Reflex writes `ws://localhost:P0/_event` into
  one module of the bundle (`assets/reflex-env-*.js`). Its pages keep that port and take only the
  host name from the address bar, so the same bundle served on P1 would still talk to P0.
- So each process serves its own copy of the build (the `.web` folder without node_modules, a few
  megabytes) in which that one module, and its precompressed twin, name the process's own port.
  Each runs backend-only with its copy mounted (tests/support/backend_only.py: the function
  `reflex run --env prod` ends in, without compiling or building).
- Both processes get the same DATABASE_URL, REDIS_URL and SECRET_KEY: Reflex's state, the sessions,
  the rate limits, presence and the bus all live in Redis, so a page can be on either process.
  Each has one Granian worker (GRANIAN_WORKERS=1): "two processes" means exactly two.
- PUBLIC_URL differs per process (http://localhost:P1, http://localhost:P2): it is each one's
  WebSocket origin allowlist. Cookies do not depend on the port, so a browser context signed in on
  one is signed in on the other.

In production the same holds behind a load balancer: one build whose backend address is the
site's own origin, and as many backend processes as wanted.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support import ROOT
from tests.support.live_app import WEB_DIR, LiveApp, free_port

WEB = WEB_DIR  # the build the browser tests' server made
ENV_MODULE_GLOB = "build/client/assets/reflex-env-*.js"


@dataclass
class BackendOnly(LiveApp):
    """A LiveApp that serves an existing build (REFLEX_WEB_WORKDIR) instead of building one, or no
    frontend at all (`frontend=False`: for pages spoken over the socket, tests/support/socket_page.py)."""

    frontend: bool = True

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        flags = [] if self.frontend else ["--no-frontend"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.support.backend_only", "--port", str(self.port), *flags],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._wait_until_healthy()


def copy_build(target: Path, from_port: int, to_port: int, source: Path = WEB) -> Path:
    """A copy of the built frontend whose pages talk to the backend on `to_port`."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("node_modules"), symlinks=True)
    modules = sorted(target.glob(ENV_MODULE_GLOB))
    if len(modules) != 1:
        raise RuntimeError(f"expected one {ENV_MODULE_GLOB} in the build, found {len(modules)}")
    _retarget(modules[0], f"localhost:{from_port}", f"localhost:{to_port}")
    return target


def _retarget(module: Path, old: str, new: str) -> None:
    text = module.read_text()
    if old not in text:
        raise RuntimeError(f"{module.name} does not name {old}: was the build made for another port?")
    module.write_text(text.replace(old, new))
    twin = module.with_name(module.name + ".gz")
    if twin.exists():  # served instead of the module to browsers that accept gzip
        twin.write_bytes(gzip.compress(module.read_bytes()))


@dataclass
class Cluster:
    first: BackendOnly
    second: BackendOnly

    def stop(self) -> None:
        self.second.stop()
        self.first.stop()


def start_cluster(env: dict[str, str], built_for_port: int, workdir: Path, logs: Path) -> Cluster:
    """Two processes serving copies of the build in tests/output/web (made for `built_for_port`)."""
    first, second = (_backend(env, built_for_port, workdir, logs, n) for n in (1, 2))
    cluster = Cluster(first, second)
    try:
        first.start()
        second.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _backend(env: dict[str, str], built_for_port: int, workdir: Path, logs: Path, n: int) -> BackendOnly:
    port = free_port()
    web = copy_build(workdir / f"web-{n}", built_for_port, port)
    own = {**env, "PUBLIC_URL": f"http://localhost:{port}", "GRANIAN_WORKERS": "1", "REFLEX_WEB_WORKDIR": str(web)}
    return BackendOnly(port=port, env=own, log_path=logs / f"cluster-{n}.log")


def start_backends(env: dict[str, str], logs: Path, count: int = 2, name: str = "backend") -> list[BackendOnly]:
    """`count` backend processes without a frontend, one Granian worker each, sharing `env`'s
    DATABASE_URL, REDIS_URL and SECRET_KEY. Pages reach them over the socket, not through a browser."""
    backends = []
    try:
        for n in range(1, count + 1):
            port = free_port()
            # A web folder of its own: Reflex writes its markers there, and the repository's .web belongs
            # to the production build the browser tests make later in the same run.
            web = logs / f"{name}-{n}-web"
            shutil.rmtree(web, ignore_errors=True)
            web.mkdir(parents=True)
            own = {**env, "PUBLIC_URL": f"http://localhost:{port}", "GRANIAN_WORKERS": "1", "REFLEX_WEB_WORKDIR": str(web)}
            backend = BackendOnly(port=port, env=own, log_path=logs / f"{name}-{n}.log", frontend=False)
            backends.append(backend)
            backend.start()
    except BaseException:
        for backend in backends:
            backend.stop()
        raise
    return backends
