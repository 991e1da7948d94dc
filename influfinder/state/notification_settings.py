"""The "Notifications" section of /settings: per type, in the app only or also by email.

Each switch saves at once; the row shows the stored choice read back from the service, so what the
page shows is what will happen. The type comes from the browser, so the service validates it.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.services import notification_preferences
from influfinder.services.notification_preferences import PreferenceView
from influfinder.state.forms import FormState
from influfinder.state.service_handler import call_service, service_handler

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
    @service_handler("loading notification preferences")
    async def load(self):
        self._reset_errors()
        self.saved = ""
        views = await call_service(self, notification_preferences.preferences)
        self.preferences = [preference_row(v) for v in views]

    @rx.event
    @service_handler("saving a notification preference")
    async def set_email(self, notification_type: str, email: bool):
        self._reset_errors()
        self.saved = ""
        views = await call_service(self, notification_preferences.choose_email, notification_type, email)
        self.preferences = [preference_row(v) for v in views]
        chosen = next((v for v in views if v.type == notification_type), None)
        if chosen is not None:
            self.saved = SAVED.format(label=chosen.label, how=BY_EMAIL if chosen.email else IN_APP)
