"""Settings: the provider accounts (Google, Facebook, Instagram, TikTok) the user signs in with."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import _
from influfinder.domain.moments import day_label
from influfinder.services import oauth_accounts
from influfinder.services.errors import ServiceError
from influfinder.state.service_handler import call_service, service_handler
from influfinder.state.settings_card import SettingsCardState


@dataclass
class LinkedRow:
    provider: str
    label: str
    since: str


class LinkedAccountsState(SettingsCardState, rx.State):
    # The signed-in user's own links: provider names and dates, never the provider's user ids.
    linked: list[LinkedRow] = []
    can_unlink: bool = False

    async def _show(self) -> None:
        found = await call_service(self, oauth_accounts.linked_accounts)
        self.linked = [LinkedRow(p.provider, p.label, day_label(p.linked_at)) for p in found.providers]
        self.can_unlink = found.can_unlink

    @rx.event
    @service_handler("unlinking an account")
    async def unlink(self, provider: str):
        self._reset_errors()
        self.notice = ""
        await call_service(self, oauth_accounts.unlink, provider)
        self.notice = _("Unlinked. Sign in with your email and password from now on.")
        await self._show()

    def _refused(self, error: ServiceError) -> None:
        self.error = error.message
