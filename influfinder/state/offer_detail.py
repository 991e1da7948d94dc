"""/offers/[offer_id]: one public offer, the business's track record, the creator's fit, and applying.

Who is looking decides what the page offers: a creator sees each requirement met or unmet and
why Apply is disabled (services.applications.check_apply); anyone else is asked to log in as a
creator. The view is counted once per viewer and day, after the page is shown.
"""

from __future__ import annotations

import logging
import urllib.parse
from dataclasses import dataclass, field

import reflex as rx

from influfinder.i18n import N_, formats, translated
from influfinder.i18n.fit import written
from influfinder.i18n.routes import page_href
from influfinder.services import applications
from influfinder.services.applications import ApplyCheck
from influfinder.services.business_record import BusinessRecord
from influfinder.services.offer_page import count_view, offer_page
from influfinder.state.auth import client_ip, current_path, user_agent
from influfinder.state.display import path_part, rating
from influfinder.state.forms import FormState, form_text
from influfinder.state.offer_cards import OfferDetailView, offer_detail
from influfinder.state.service_handler import call_service, service_handler

log = logging.getLogger(__name__)

MAX_LINK_LINES = 20  # the service allows 5 links; more lines than this is not a form a person typed
UNREADABLE = N_("The form could not be read. Reload the page and try again.")
NOT_A_CREATOR = N_("Only creators can apply to offers.")


@dataclass
class BusinessView:
    name: str = ""
    initials: str = ""
    city: str = ""
    rating: str = ""  # "4.6", or "" before the first rating
    rating_count: int = 0
    completed: int = 0
    since: str = ""
    badges: list[str] = field(default_factory=list)  # reputation: "Top rated", "Reliable", ...


@dataclass
class FitRow:
    label: str = ""
    met: bool = False
    detail: str = ""


def _business(record: BusinessRecord | None) -> BusinessView:
    if record is None:
        return BusinessView()
    words = [w for w in record.name.split() if w[:1].isalnum()]
    return BusinessView(
        name=record.name, initials="".join(w[0] for w in words[:2]).upper() or "?", city=record.city,
        rating=rating(record.rating), rating_count=record.rating_count,
        completed=record.completed_collaborations, since=formats.month(record.member_since),
        badges=list(record.badges),
    )


class OfferDetailState(FormState, rx.State):
    offer: OfferDetailView = OfferDetailView()
    business: BusinessView = BusinessView()
    found: bool = False
    loading: bool = True
    viewer: str = "anonymous"  # "anonymous", "creator" or "other" (a business, an agency, an admin)
    fit: list[FitRow] = []
    reasons: list[str] = []
    can_apply: bool = False
    application_id: str = ""  # the viewer's own application to this offer, once they applied
    mine: bool = False  # the viewer's own offer (or an admin): a link to its numbers
    apply_open: bool = False
    sent: bool = False
    login_href: str = "/login"
    _offer_id: str = ""

    @rx.event
    @service_handler("reading an offer", public=True)
    async def load(self):
        """Read the offer named in the URL; anything but an active public offer shows "not found"."""
        self.loading, self.apply_open, self.sent = True, False, False
        self._reset_errors()
        yield  # never show the previous offer while this one is read
        offer_id = path_part(self, 1)
        self.login_href = page_href("/login?next=") + urllib.parse.quote(current_path(self), safe="")
        self.found, self._offer_id, self.offer, self.business = False, "", OfferDetailView(), BusinessView()
        try:
            page = await call_service(self, offer_page, offer_id)
        finally:
            self.loading = False
        self.found = page.detail is not None
        self._offer_id = offer_id if page.detail else ""
        self.offer = offer_detail(page.detail) if page.detail else OfferDetailView()
        self.business = _business(page.record)
        self.viewer, self.mine = page.viewer, page.mine
        self._show_check(page.check)
        if page.detail is not None:
            yield
            await self._count_view()

    def _show_check(self, check: ApplyCheck | None) -> None:
        self.fit = [FitRow(translated(c.label), c.met, written(c.words) or c.detail) for c in check.checks] if check else []
        self.reasons = list(check.reasons) if check else ([translated(NOT_A_CREATOR)] if self.viewer != "anonymous" else [])
        self.can_apply = bool(check and check.can_apply)
        self.application_id = (check.application_id or "") if check else ""

    async def _count_view(self) -> None:
        try:
            await call_service(self, count_view, self._offer_id, client_ip(self), user_agent(self))
        except Exception:  # noqa: BLE001 - a lost view count must never break the page
            log.warning("could not record a view of offer %s", self._offer_id, exc_info=True)

    @rx.event
    def set_apply_open(self, open_: bool):
        """Open the form only when applying is possible; closing is always allowed."""
        self._reset_errors()
        self.apply_open = open_ is True and (self.can_apply or self.sent)
        if not self.apply_open:
            self.sent = False

    @rx.event
    @service_handler("applying to an offer")
    async def apply(self, form: dict):
        self._reset_errors()
        raw = _apply_form(form)
        if raw is None:
            self.error = translated(UNREADABLE)
            return
        self.busy = True
        yield
        try:
            self.application_id = str(await call_service(self, applications.apply, self._offer_id, raw))
            self.sent = True
        finally:
            self.busy = False
        await self._recheck()

    async def _recheck(self) -> None:
        """After applying, the panel shows "already applied" and the link to the application."""
        try:
            page = await call_service(self, offer_page, self._offer_id)
        except Exception:  # noqa: BLE001
            log.warning("could not refresh the apply check of offer %s", self._offer_id, exc_info=True)
            return
        self._show_check(page.check)

    @rx.var
    def fit_met(self) -> int:
        return sum(1 for row in self.fit if row.met)


def _apply_form(form: object) -> dict | None:
    """The form's fields in the shape services.applications.apply validates; links one per line."""
    message, fee, links = (form_text(form, name, 20_000) for name in ("message", "proposed_fee", "links"))
    if message is None or fee is None or links is None:
        return None
    lines = [line.strip() for line in links.splitlines() if line.strip()][:MAX_LINK_LINES]
    return {"message": message, "proposed_fee": fee, "links": lines}
