"""The "Notifications" section of /settings: per type, in the app only or also by email.

Each switch saves at once; the row shows the stored choice read back from the service, so what the
page shows is what will happen. The type comes from the browser, so the service validates it.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.services import notification_preferences
from influfinder.services.errors import ServiceError
from influfinder.services.notification_preferences import PreferenceView
from influfinder.state.auth import current_actor, to_login
from influfinder.state.forms import FormState, run_service

SAVED = "Saved: {label} {how}."
BY_EMAIL, IN_APP = "also by email", "in the app only"


@dataclass
class PreferenceRow:
    type: str = ""
    label: str = ""
    email: bool = False
    email_by_default: bool = False


def preference_row(view: PreferenceView) -> PreferenceRow:
    return PreferenceRow(type=view.type, label=view.label, email=view.email, email_by_default=view.email_by_default)


class NotificationSettingsState(FormState, rx.State):
    preferences: list[PreferenceRow] = []
    saved: str = ""

    @rx.event
    async def load(self):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        self._reset_errors()
        self.saved = ""
        try:
            views = await run_service(notification_preferences.preferences, actor)
        except Exception:  # noqa: BLE001
            self._failed("loading notification preferences")
            return None
        self.preferences = [preference_row(v) for v in views]
        return None

    @rx.event
    async def set_email(self, notification_type: str, email: bool):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        self._reset_errors()
        self.saved = ""
        try:
            await run_service(notification_preferences.set_email, actor, notification_type, email)
            views = await run_service(notification_preferences.preferences, actor)
        except ServiceError as error:
            self._refused(error)
            return None
        except Exception:  # noqa: BLE001
            self._failed("saving a notification preference")
            return None
        self.preferences = [preference_row(v) for v in views]
        chosen = next((v for v in views if v.type == notification_type), None)
        if chosen is not None:
            self.saved = SAVED.format(label=chosen.label, how=BY_EMAIL if chosen.email else IN_APP)
        return None
