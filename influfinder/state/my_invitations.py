"""The invitations panel of /my-applications: a creator's pending invitations, Accept, Decline, Mute."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.services import invitations
from influfinder.state.display import day
from influfinder.state.forms import FormState
from influfinder.state.muted_businesses import MutedBusinessesState
from influfinder.state.my_applications import MyApplicationsState
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service
from influfinder.i18n.routes import page_href

ACCEPTED = N_("You accepted the invitation to “{title}”: your application is sent.")
DECLINED = N_("You declined the invitation to “{title}”.")
MUTED = N_("You will get no more invitations from {brand}.")


@dataclass
class InvitationCard:
    id: str = ""
    offer_id: str = ""
    offer_title: str = ""
    brand: str = ""
    business_id: str = ""
    business_href: str = ""
    note: str = ""
    waived: bool = False
    invite_only: bool = False
    sent: str = ""


class MyInvitationsState(FormState, rx.State):
    invitations: list[InvitationCard] = []
    invitation_notice: str = ""
    answering: str = ""  # the invitation being answered, for its buttons' spinner

    @rx.event
    @service_handler("listing invitations")
    async def load(self):
        self.invitation_notice = ""
        self._reset_errors()
        await self._fetch()

    async def _fetch(self) -> None:
        rows = await call_service(self, invitations.my_invitations, True)
        self.invitations = [InvitationCard(r.id, r.offer_id, r.offer_title, r.brand, r.business_id,
                                           page_href(f"/businesses/{r.business_username}"), r.note, r.waive_requirements,
                                           r.invite_only, day(r.created_at)) for r in rows]

    def _row(self, invitation_id: object) -> InvitationCard | None:
        if not isinstance(invitation_id, str):
            return None
        return next((r for r in self.invitations if r.id == invitation_id), None)

    @rx.event
    @service_handler("accepting an invitation")
    async def accept(self, invitation_id: str):
        async for update in self._answer(invitation_id, invitations.accept, ACCEPTED):
            yield update

    @rx.event
    @service_handler("declining an invitation")
    async def decline(self, invitation_id: str):
        async for update in self._answer(invitation_id, invitations.decline, DECLINED):
            yield update

    async def _answer(self, invitation_id: object, service, done: str):
        row = self._row(invitation_id)
        if row is None:  # only rows this page shows
            return
        self._reset_errors()
        self.invitation_notice, self.answering = "", row.id
        yield
        try:
            if await try_service(self, service, row.id) is not REFUSED:
                self.invitation_notice = translated(done).format(title=row.offer_title)
        finally:
            self.answering = ""
        await self._fetch()
        yield MyApplicationsState.load  # an accepted invitation is now an application in the list below

    @rx.event
    @service_handler("muting a business")
    async def mute(self, invitation_id: str):
        row = self._row(invitation_id)
        if row is None:
            return
        self._reset_errors()
        if await try_service(self, invitations.set_muted, row.business_id, True) is not REFUSED:
            self.invitation_notice = translated(MUTED).format(brand=row.brand)
            return MutedBusinessesState.load
