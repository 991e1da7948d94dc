"""The businesses a creator muted, on /my-applications, each with Unmute (services/invitations.py)."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import _
from influfinder.services import invitations
from influfinder.state.forms import FormState
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service


@dataclass
class MutedRow:
    business_id: str = ""
    name: str = ""
    username: str = ""


class MutedBusinessesState(FormState, rx.State):
    muted: list[MutedRow] = []
    muted_notice: str = ""

    @rx.event
    @service_handler("listing muted businesses")
    async def load(self):
        rows = await call_service(self, invitations.muted_list)
        self.muted = [MutedRow(r.business_id, r.name, r.username) for r in rows]

    @rx.event
    @service_handler("unmuting a business")
    async def unmute(self, business_id: str):
        row = next((r for r in self.muted if r.business_id == business_id), None)
        if row is None:  # only rows this page shows
            return
        self._reset_errors()
        if await try_service(self, invitations.set_muted, row.business_id, False) is not REFUSED:
            self.muted_notice = _("{brand} can invite you again.").format(brand=row.name)
        await self.load()
