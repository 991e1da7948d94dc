"""Settings: the Instagram, TikTok and Facebook accounts a creator connected for verified figures."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import _
from influfinder.services import connected_accounts
from influfinder.state.auth import backend_url, full_page_load
from influfinder.state.display import number, percent, query
from influfinder.state.service_handler import call_service, service_handler
from influfinder.state.settings_card import SettingsCardState


@dataclass
class ConnectedRow:
    provider: str
    label: str
    handle: str
    followers: str
    engagement: str  # "" when the provider gives none
    posts: str
    badge: bool  # the platform's own verified badge
    source: str
    problem: str
    overruled: list[str]


@dataclass
class ConnectChoice:
    name: str
    label: str


class ConnectedAccountsState(SettingsCardState, rx.State):
    # The creator's own figures and what went wrong with them; never tokens or provider ids.
    accounts: list[ConnectedRow] = []
    can_connect: list[ConnectChoice] = []

    async def _show(self) -> None:
        self.notice = connected_accounts.connect_message(query(self, "connect"), query(self, "provider"))
        if self.notice and query(self, "connect") != "connected":
            self.error, self.notice = self.notice, ""
        await self._refresh()

    async def _refresh(self) -> None:
        found = await call_service(self, connected_accounts.my_connected_accounts)
        self.accounts = [_row(view) for view in found.accounts]
        self.can_connect = [ConnectChoice(name, label) for name, label in found.can_connect]

    @rx.event
    @service_handler("connecting an account")
    def connect(self, provider: str):
        """Leave for the provider's consent page (an HTTP route: it must see the session cookie)."""
        if not any(choice.name == provider for choice in self.can_connect):
            return
        return full_page_load(backend_url(f"/auth/oauth/{provider}/connect"))

    @rx.event
    @service_handler("disconnecting an account")
    async def disconnect(self, provider: str):
        self._reset_errors()
        self.notice = ""
        await call_service(self, connected_accounts.disconnect, provider)
        self.notice = _("Disconnected. Its figures were deleted; your typed figures are shown as self-reported.")
        await self._refresh()


def _row(view: connected_accounts.ConnectedView) -> ConnectedRow:
    return ConnectedRow(
        provider=view.provider, label=view.label, handle=view.handle, followers=number(view.followers),
        engagement=percent(view.engagement), posts=number(view.posts),
        badge=view.provider_verified, source=view.source, problem=view.problem, overruled=view.overruled,
    )
