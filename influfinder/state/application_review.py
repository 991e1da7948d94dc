"""/applications/[application_id]: one application, for the business that received it and the
creator who sent it (notifications link here for both).

The service says who is looking (`viewer_role`) and which moves they have (`actions`): the
business opening an APPLIED application moves it to UNDER_REVIEW; it may accept (which starts
the collaboration) or reject with a reason; the creator may withdraw while it is undecided.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import reflex as rx

from influfinder.domain.transitions import CREATOR
from influfinder.i18n import N_, translated
from influfinder.i18n.fit import written
from influfinder.services import applications
from influfinder.services.applications import ApplicationDetail
from influfinder.services.errors import ServiceError
from influfinder.state.display import amount_text, day, money, path_part
from influfinder.state.forms import FormState, form_text
from influfinder.state.offer_applications import CreatorView, summary_fields
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service


@dataclass
class ApplicationView:
    id: str = ""
    status: str = ""
    message: str = ""
    fee: str = ""
    currency: str = ""
    links: list[str] = field(default_factory=list)
    reason: str = ""
    applied: str = ""
    offer_id: str = ""
    offer_title: str = ""
    brand: str = ""
    collaboration_id: str = ""
    other_user_id: str = ""  # whom the viewer messages about it ("" for an admin)


@dataclass
class FitRow:
    label: str = ""
    met: bool = False
    detail: str = ""


def _for_business(detail: str) -> str:
    # The eligibility rules word their details for the creator ("You are Newbie; ..."); the business reads them too.
    return detail.replace("You are ", "They are ").replace("Your ", "Their ")


class ApplicationState(FormState, rx.State):
    loading: bool = True
    found: bool = True
    viewer: str = ""  # "owner", "creator" or "admin"
    application: ApplicationView = ApplicationView()
    creator: CreatorView = CreatorView()
    fit: list[FitRow] = []
    can_accept: bool = False
    can_reject: bool = False
    can_withdraw: bool = False
    suggested_fee: str = ""
    accept_open: bool = False
    reject_open: bool = False
    working: bool = False
    notice: str = ""

    @rx.event
    @service_handler("opening an application")
    async def load(self):
        self.loading, self.found, self.notice = True, True, ""
        self.accept_open = self.reject_open = False
        self._reset_errors()
        yield
        try:
            # Opening is how the business marks it UNDER_REVIEW; for anyone else it only reads.
            self._show(await call_service(self, applications.open_application, path_part(self, 1)))
        except ServiceError:
            self.found = False
            raise
        finally:
            self.loading = False

    def _show(self, detail: ApplicationDetail) -> None:
        self.viewer = detail.viewer_role
        self.application = ApplicationView(
            id=detail.id, status=detail.status, message=detail.message,
            fee=money(detail.proposed_fee, detail.currency), currency=detail.currency, links=list(detail.links),
            reason=detail.rejection_reason or "", applied=day(detail.created_at), offer_id=detail.offer_id,
            offer_title=detail.offer_title, brand=detail.brand, collaboration_id=detail.collaboration_id or "",
            other_user_id=detail.other_user_id,
        )
        self.suggested_fee = amount_text(detail.proposed_fee)
        creator = detail.creator
        self.creator = CreatorView(**summary_fields(creator)) if creator else CreatorView()
        self.fit = [FitRow(translated(c.label), c.met, written(c.words, for_business=True) or _for_business(c.detail))
                    for c in creator.fit] if creator else []
        self.can_accept, self.can_reject = "accept" in detail.actions, "reject" in detail.actions
        self.can_withdraw = "withdraw" in detail.actions and detail.viewer_role == CREATOR

    async def _reload(self) -> None:
        self._show(await call_service(self, applications.get_application, self.application.id))

    @rx.event
    def set_accept_open(self, open_: bool):
        self.accept_open = open_ is True
        self._reset_errors()

    @rx.event
    def set_reject_open(self, open_: bool):
        self.reject_open = open_ is True
        self._reset_errors()

    @rx.event
    @service_handler("accepting an application")
    async def accept(self, form: dict):
        """Accept with the fee agreed (blank: the creator's proposal, or the offer's budget)."""
        fee = form_text(form, "agreed_fee", 40)
        async for update in self._decide(applications.accept, fee, "accept"):
            yield update

    @rx.event
    @service_handler("rejecting an application")
    async def reject(self, form: dict):
        reason = form_text(form, "reason", 600)
        async for update in self._decide(applications.reject, reason, "reject"):
            yield update

    @rx.event
    @service_handler("withdrawing an application")
    async def withdraw(self):
        async for update in self._decide(applications.withdraw, None, "withdraw"):
            yield update

    async def _decide(self, move, argument, name: str):
        self._reset_errors()
        self.notice, self.working = "", True
        yield
        args = (self.application.id,) if name == "withdraw" else (self.application.id, argument)
        try:
            if await try_service(self, move, *args) is not REFUSED:
                self.notice = DONE[name]
                self.accept_open = self.reject_open = False
        finally:
            self.working = False
        with contextlib.suppress(ServiceError):
            await self._reload()  # show where it stands now, whoever decided first

    def _refused(self, error: ServiceError) -> None:
        if error.field:  # a bad fee or reason: keep the dialog open, the message beside the input
            super()._refused(error)
            return
        self.error = error.message
        self.accept_open = self.reject_open = False


DONE = {
    "accept": N_("Accepted. The collaboration has started: plan the visit and the content together."),
    "reject": N_("Rejected. The creator has been told."),
    "withdraw": N_("You withdrew your application."),
}
