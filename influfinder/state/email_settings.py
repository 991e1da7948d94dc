"""Settings: the account's email address, added or changed (a new one is confirmed by mail)."""

from __future__ import annotations

import reflex as rx

from influfinder.services import account_settings, accounts
from influfinder.services.errors import ServiceError
from influfinder.state.auth import SessionState
from influfinder.state.forms import form_text
from influfinder.state.service_handler import call_service, service_handler
from influfinder.state.settings_card import SettingsCardState

# The service names its fields "email" and "password"; this card's inputs have names of their own,
# so that their ids differ from the password card's on the same page.
FIELDS = {"email": "new_email", "password": "email_password"}


class EmailSettingsState(SettingsCardState, rx.State):
    # The signed-in user's own address; "" for an account made without one (Instagram, TikTok).
    email: str = ""
    verified: bool = False
    has_password: bool = True  # asks for the password to change the address; accounts without one skip it

    async def _show(self) -> None:
        card = await call_service(self, account_settings.email_card)
        self.email, self.verified, self.has_password = card.email, card.verified, card.has_password

    @rx.event
    @service_handler("changing an email address")
    async def change_email(self, form: dict):
        self._reset_errors()
        self.notice = ""
        new_email, password = form_text(form, "new_email", 254), form_text(form, "email_password", 1024)
        self.busy = True
        yield
        try:
            address = await call_service(self, accounts.change_email, new_email, password)
        finally:
            self.busy = False
        self.notice = f"We sent a link to {address}. Open it to confirm your new address."
        await self._show()
        yield SessionState.refresh  # the banner now names the new address

    def _refused(self, error: ServiceError) -> None:
        if error.field in FIELDS:
            self.field_errors = {FIELDS[error.field]: error.message}
        else:
            self.error = error.message
