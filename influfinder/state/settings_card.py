"""A settings card with a state of its own (email address, linked accounts), loaded when it appears."""

from __future__ import annotations

import reflex as rx

from influfinder.state.forms import FormState
from influfinder.state.service_handler import service_handler


class SettingsCardState(FormState, mixin=True):
    """The card's `load` goes on its `on_mount`: the page's on_load belongs to the settings state."""

    notice: str = ""

    @rx.event
    @service_handler("loading a settings card")
    async def load(self):
        self._reset_errors()
        self.notice = ""
        await self._show()

    async def _show(self) -> None:
        """Fill the card's vars for the signed-in user (through call_service)."""
        raise NotImplementedError
