"""Changing the deployment environment inside one test, and putting it back.

The app caches its settings, its database engine and its Redis client; a test that changes
the environment must drop all three, or it would silently keep talking to the old ones.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from influfinder import database
from influfinder import settings as settings_module
from influfinder.integrations import cache
from influfinder.settings import Settings, reset_settings_cache

OAUTH_PREFIXES = ("GOOGLE_", "FACEBOOK_", "INSTAGRAM_", "TIKTOK_")
# Not in Settings but read by it: `run --prod` sets it, and it switches production rules on.
EXTRA_VARIABLES = ("REFLEX_ENV_MODE",)
# Set by in-process tests of the backend; a server started for a test must build its frontend.
PROCESS_ONLY_VARIABLES = ("REFLEX_SKIP_COMPILE",)


def contract_variable(name: str) -> bool:
    """True for any variable the app's settings read (names are case-insensitive)."""
    upper = name.upper()
    fields = {field.upper() for field in Settings.model_fields}
    return upper in fields or upper in EXTRA_VARIABLES or upper.startswith(OAUTH_PREFIXES)


def clean_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """os.environ without the deployment contract, plus `extra`: for subprocesses."""
    env = {k: v for k, v in os.environ.items() if not contract_variable(k) and k not in PROCESS_ONLY_VARIABLES}
    env.update(extra or {})
    return env


def drop_app_caches() -> None:
    if database.engine.cache_info().currsize:
        database.engine().dispose()
    database.engine.cache_clear()
    if cache.redis_client.cache_info().currsize:
        client = cache.redis_client()
        if client is not None:
            client.close()
    cache.redis_client.cache_clear()
    reset_settings_cache()


class SettingsEnv:
    """Starts from an empty deployment environment; `set(...)` adds variables and drops the caches.

    It also works in `workdir`: the defaults (sqlite:///influfinder.db, uploaded_files/) are
    relative paths, and the dev secret key file moves there, so no test touches the repo's own.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, workdir: Path) -> None:
        self._monkeypatch = monkeypatch
        self.workdir = workdir
        self.dev_secret_file = workdir / ".secret_key"
        monkeypatch.chdir(workdir)
        monkeypatch.setattr(settings_module, "_DEV_SECRET_FILE", self.dev_secret_file)
        for name in list(os.environ):
            if contract_variable(name):
                monkeypatch.delenv(name)
        drop_app_caches()

    def set(self, **variables: str | None) -> None:
        """set(DATABASE_URL="sqlite:///x.db", REDIS_URL=None): None removes a variable."""
        for name, value in variables.items():
            if value is None:
                self._monkeypatch.delenv(name, raising=False)
            else:
                self._monkeypatch.setenv(name, value)
        drop_app_caches()

    def restore(self) -> None:
        self._monkeypatch.undo()
        drop_app_caches()
