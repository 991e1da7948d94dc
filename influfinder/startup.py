"""What happens before the app serves: settings checked, services reached, schema migrated, demo loaded.

Each failure is one line naming the variable at fault (issue: bad input at start).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from influfinder import database
from influfinder.logs import configure_logging
from influfinder.settings import SettingsError, get_settings

log = logging.getLogger("influfinder")


class StartupError(RuntimeError):
    pass


@dataclass(frozen=True)
class Prepared:
    demo_loaded: bool


def check_services() -> None:
    settings = get_settings()
    try:
        settings.check()
    except SettingsError as error:
        raise StartupError(str(error)) from None
    try:
        database.ping()
    except Exception as error:  # noqa: BLE001 - any driver error means "unreachable"
        raise StartupError(f"DATABASE_URL: cannot connect to the database ({_first_line(error)})") from None
    if settings.redis_url:
        from influfinder.integrations.cache import ping_redis

        try:
            ping_redis(settings.redis_url)
        except Exception as error:  # noqa: BLE001
            raise StartupError(f"REDIS_URL: cannot connect to Redis ({_first_line(error)})") from None


def prepare() -> Prepared:
    """Logs, check, migrate, and load demo data into an empty database when demo data is on."""
    configure_logging()
    check_services()
    from influfinder.integrations.media_move import move_media_out_of_public_folder

    move_media_out_of_public_folder(get_settings())
    database.migrate()
    demo_loaded = False
    if get_settings().load_demo_data:
        from influfinder.services.demo_data import load_demo_data

        with database.session_scope() as db:
            demo_loaded = load_demo_data(db)
    return Prepared(demo_loaded=demo_loaded)


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
