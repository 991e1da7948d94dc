"""Settings: the account's email address, added or changed (a new one is confirmed by mail)."""

from __future__ import annotations

import reflex as rx

from influfinder.services import accounts
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError
from influfinder.state.auth import SessionState, current_actor, to_login
from influfinder.state.forms import form_text, run_service
from influfinder.state.settings_card import SettingsCardState

# The service names its fields "email" and "password"; this card's inputs have names of their own,
# so that their ids differ from the password card's on the same page.
FIELDS = {"email": "new_email", "password": "email_password"}


class EmailSettingsState(SettingsCardState, rx.State):
    # The signed-in user's own address; "" for an account made without one (Instagram, TikTok).
    email: str = ""
    verified: bool = False
    has_password: bool = True  # asks for the password to change the address; accounts without one skip it

    async def _show(self, actor: Actor) -> None:
        self.email = actor.email if accounts.has_real_email(actor.email) else ""
        self.verified = actor.is_verified
        self.has_password = await run_service(accounts.has_password, actor)

    @rx.event
    async def change_email(self, form: dict):
        actor = current_actor(self)
        if actor is None:
            yield to_login(self)
            return
        self._reset_errors()
        self.notice = ""
        new_email, password = form_text(form, "new_email", 254), form_text(form, "email_password", 1024)
        self.busy = True
        yield
        try:
            address = await run_service(accounts.change_email, actor, new_email, password)
        except ServiceError as error:
            self._refused(error)
            self.busy = False
            return
        self.busy = False
        self.notice = f"We sent a link to {address}. Open it to confirm your new address."
        await self._show(current_actor(self) or actor)
        yield SessionState.refresh  # the banner now names the new address

    def _refused(self, error: ServiceError) -> None:
        if error.field in FIELDS:
            self.field_errors = {FIELDS[error.field]: error.message}
        else:
            self.error = error.message
