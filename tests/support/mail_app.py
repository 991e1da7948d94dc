"""The app configured for tests of what people receive: a database, the real local SMTP server, and the
notification mails switched on (services/notification_preferences.py), emptied after each test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from influfinder.services import effects, notification_preferences as prefs
from tests.support.env import SettingsEnv
from tests.support.people import empty_every_table, reset_app_caches
from tests.support.smtp import SmtpServer


@contextmanager
def mail_app(settings_env: SettingsEnv, db_url: str, smtp: SmtpServer, secret: str) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY=secret, PUBLIC_URL="http://localhost:3000", **smtp.env)
    reset_app_caches()
    smtp.inbox.messages.clear()
    prefs.install()
    try:
        yield
    finally:
        prefs.uninstall()
        effects.drain()
        empty_every_table()
        reset_app_caches()
