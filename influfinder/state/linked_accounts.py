"""Settings: the provider accounts (Google, Facebook, Instagram, TikTok) the user signs in with."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.moments import day_label
from influfinder.services import oauth_accounts
from influfinder.services.errors import ServiceError
from influfinder.state.auth import current_actor, to_login
from influfinder.state.forms import run_service
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

    async def _show(self, actor) -> None:
        found = await run_service(oauth_accounts.linked_accounts, actor)
        self.linked = [LinkedRow(p.provider, p.label, day_label(p.linked_at)) for p in found.providers]
        self.can_unlink = found.can_unlink

    @rx.event
    async def unlink(self, provider: str):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        self._reset_errors()
        self.notice = ""
        try:
            await run_service(oauth_accounts.unlink, actor, provider)
        except ServiceError as error:
            self.error = error.message
            return
        self.notice = "Unlinked. Sign in with your email and password from now on."
        await self._show(actor)
