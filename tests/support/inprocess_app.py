"""The whole backend (Reflex's endpoints, our routes, every middleware) in this process, over HTTP.

`backend_client(workdir, env)` yields a Starlette TestClient on the ASGI app `reflex run` would
serve, lifespan included (migrations, demo data when asked), without compiling the frontend:
for tests of what the server answers, such as /_upload and the response headers. The working
directory is `workdir`, so default relative folders (media/, uploaded_files/) land there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.support.env import contract_variable, drop_app_caches

BASE_URL = "http://127.0.0.1"


@contextmanager
def backend_client(workdir: Path, env: dict[str, str]) -> Iterator[TestClient]:
    from reflex_base.environment import environment

    mp = pytest.MonkeyPatch()
    mp.chdir(workdir)
    for name in list(os.environ):
        if contract_variable(name):
            mp.delenv(name)
    for name, value in env.items():
        mp.setenv(name, value)
    # Through the monkeypatch, so it is undone: a REFLEX_SKIP_COMPILE left in os.environ would reach
    # the e2e server started later in this process, which would then never install its packages.
    mp.setenv("REFLEX_SKIP_COMPILE", "true")
    environment.REFLEX_SKIP_COMPILE.set(True)
    drop_app_caches()
    _drop_service_caches()
    try:
        with TestClient(_asgi_app(), base_url=BASE_URL) as client:
            yield client
    finally:
        mp.undo()
        drop_app_caches()
        _drop_service_caches()


@lru_cache(maxsize=1)
def _asgi_app():
    # Built once per test process: each build would mount the backend into our routes once more.
    import influfinder.influfinder as module

    return module.app()


def _drop_service_caches() -> None:
    from influfinder.integrations import rate_limit
    from influfinder.services import sessions

    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()
