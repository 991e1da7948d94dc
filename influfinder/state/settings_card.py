"""A settings card with a state of its own (email address, linked accounts), loaded when it appears."""

from __future__ import annotations

import reflex as rx

from influfinder.services.actors import Actor
from influfinder.state.auth import current_actor, to_login
from influfinder.state.forms import FormState


class SettingsCardState(FormState, mixin=True):
    """The card's `load` goes on its `on_mount`: the page's on_load belongs to the settings state."""

    notice: str = ""

    @rx.event
    async def load(self):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        self._reset_errors()
        self.notice = ""
        await self._show(actor)

    async def _show(self, actor: Actor) -> None:
        """Fill the card's vars for the signed-in user."""
        raise NotImplementedError
