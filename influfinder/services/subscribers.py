"""Who reacts to the domain events: registered once per process at start-up (and by tests).

The live push tells open pages (services/live_updates.py); the notification emails go to those
who want them (services/notification_preferences.py). Services only emit; they import neither.
"""

from __future__ import annotations

from influfinder.services import live_updates, notification_preferences

_INSTALLERS = (live_updates, notification_preferences)


def install_subscribers() -> None:
    """Subscribe every reacting module to its events (idempotent)."""
    for module in _INSTALLERS:
        module.install()


def uninstall_subscribers() -> None:
    for module in _INSTALLERS:
        module.uninstall()
