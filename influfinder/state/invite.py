"""The invite dialog, shared by a creator's profile and the Find creators results: a business picks one
of its published offers, writes a note and may waive the audience requirements (services/invitations.py)."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.services import invitations
from influfinder.services.actors import acting
from influfinder.state.forms import FormState, form_flag, form_text
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service

INVITED = N_("Invitation sent to {name}. They will find it in My applications.")
UNREADABLE = N_("The form could not be read. Reload the page and try again.")
CHOOSE = N_("Choose one of your published offers.")


@dataclass
class OfferChoice:
    id: str = ""
    title: str = ""


class InviteState(FormState, rx.State):
    open: bool = False
    username: str = ""  # the creator being invited; the service checks it names a creator
    name: str = ""
    offers: list[OfferChoice] = []
    notice: str = ""

    @rx.event
    @service_handler("opening the invite dialog")
    async def open_for(self, username: str, name: str):
        """Open the dialog for one creator, with the business's published offers to choose from."""
        self._reset_errors()
        self.notice = ""
        actor = await call_service(self, acting)
        if actor is None or not actor.is_business or not isinstance(username, str) or not isinstance(name, str):
            return
        offers = await try_service(self, invitations.invitable_offers)
        offers = [] if offers is REFUSED else offers
        self.username, self.name = username[:30], name[:80]
        self.offers = [OfferChoice(o.id, o.title) for o in offers]
        self.open = True

    @rx.event
    def set_open(self, open_: bool):
        """The dialog's own close button and Escape; opening goes through open_for."""
        if open_ is not True:
            self.open = False

    @rx.event
    @service_handler("inviting a creator")
    async def invite(self, form: dict):
        self._reset_errors()
        offer_id, note = form_text(form, "offer_id", 64), form_text(form, "note", 2000)
        if offer_id is None or note is None:
            self.error = translated(UNREADABLE)
            return
        if offer_id not in {o.id for o in self.offers}:
            self.field_errors = {"offer_id": translated(CHOOSE)}
            return
        self.busy = True
        yield
        try:
            sent = await try_service(self, invitations.invite, offer_id, self.username, note,
                                     form_flag(form, "waive_requirements"))
            if sent is not REFUSED:
                self.notice, self.open = translated(INVITED).format(name=self.name), False
        finally:
            self.busy = False
