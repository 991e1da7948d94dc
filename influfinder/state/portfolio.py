"""The portfolio on a creator's public profile, and the creator's switch on a completed collaboration
(services/portfolio.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx

from influfinder.i18n import _
from influfinder.services import portfolio
from influfinder.services.portfolio import PortfolioItem
from influfinder.state.auth import backend_url
from influfinder.state.display import day, path_part
from influfinder.state.forms import FormState
from influfinder.state.offer_cards import platform_label
from influfinder.state.service_handler import call_service, service_handler


@dataclass
class PortfolioItemView:
    offer_title: str = ""
    business: str = ""
    platform: str = ""
    caption: str = ""
    on: str = ""
    post_urls: list[str] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)
    cover_url: str = ""  # the first image, "" when the content is links only


def item_view(item: PortfolioItem) -> PortfolioItemView:
    images = [backend_url(f"/media/{key}") for key in item.image_keys]
    return PortfolioItemView(item.offer_title, item.business, platform_label(item.platform), item.caption,
                             day(item.completed_on), item.post_urls, images, images[0] if images else "")


class PortfolioState(FormState, rx.State):
    items: list[PortfolioItemView] = []
    loaded: bool = False

    @rx.event
    @service_handler("reading a portfolio", public=True)
    async def load(self):
        items = await call_service(self, portfolio.public_portfolio, path_part(self, 1))
        self.items, self.loaded = [item_view(i) for i in items], True


class PortfolioSwitchState(FormState, rx.State):
    offered: bool = False
    shown: bool = False
    allowed: bool = True
    notice: str = ""

    @rx.event
    @service_handler("reading the portfolio switch", public=True)
    async def load(self):
        switch = await call_service(self, portfolio.switch_for, path_part(self, 1))
        self.offered, self.shown, self.allowed, self.notice = switch.offered, switch.shown, switch.allowed, ""

    @rx.event
    @service_handler("showing a collaboration in the portfolio", field="in_portfolio")
    async def set_shown(self, shown: bool):
        self._reset_errors()
        self.shown = await call_service(self, portfolio.set_shown, path_part(self, 1), shown)
        self.notice = _("Shown on your public profile.") if self.shown else _("Hidden from your public profile.")
