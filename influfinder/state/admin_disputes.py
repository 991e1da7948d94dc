"""/admin/disputes: the open disputes, the longest waiting first, and the dialog that settles one."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import _
from influfinder.services import admin_disputes
from influfinder.state.admin_page import PAGE_SIZE, AdminPageState
from influfinder.state.display import day
from influfinder.state.forms import form_text
from influfinder.state.list_pages import fetch_page
from influfinder.state.service_handler import REFUSED, service_handler, try_service

OUTCOMES = ("COMPLETED", "CANCELLED")


@dataclass
class DisputeLine:
    id: str = ""
    offer_title: str = ""
    creator: str = ""
    creator_username: str = ""
    business: str = ""
    business_username: str = ""
    reason: str = ""
    opened_by: str = ""
    opened: str = ""


def _dispute_line(row: admin_disputes.DisputeRow) -> DisputeLine:
    return DisputeLine(
        id=row.id, offer_title=row.offer_title, creator=row.creator, creator_username=row.creator_username,
        business=row.business, business_username=row.business_username, reason=row.reason,
        opened_by=row.opened_by or "", opened=day(row.opened_at),
    )


class AdminDisputesState(AdminPageState):
    rows: list[DisputeLine] = []
    resolving: str = ""  # the collaboration whose dialog is open
    resolving_title: str = ""

    @rx.event
    @service_handler("listing disputes")
    async def load(self):
        async for update in self._load():
            yield update

    def _read_query(self) -> None:
        self.resolving = self.resolving_title = ""  # a reload closes the dialog

    async def _fetch(self) -> None:
        result = await fetch_page(self, admin_disputes.list_disputes, page=self.page, page_size=PAGE_SIZE)
        self.rows = [_dispute_line(r) for r in result.items]
        self._take(result)

    @rx.event
    @service_handler("opening a dispute")
    def open_resolve(self, collab_id: str):
        """Open the decision dialog for one dispute of the page."""
        row = next((r for r in self.rows if isinstance(collab_id, str) and r.id == collab_id), None)
        if row is None:
            return None
        self._reset_errors()
        self.resolving, self.resolving_title = row.id, row.offer_title
        return None

    @rx.event
    def close_resolve(self, is_open: bool = False):
        if is_open is not True and not self.busy:
            self.resolving = self.resolving_title = ""
            self._reset_errors()

    @rx.event
    @service_handler("resolving a dispute")
    async def resolve(self, form: dict):
        outcome, note = form_text(form, "outcome", 20), form_text(form, "note", 100_000)
        self._reset_errors()
        if outcome not in OUTCOMES:
            self.field_errors = {"outcome": _("Choose how the collaboration ends: completed or cancelled.")}
            return
        if not self.resolving:
            return
        self.busy = True
        yield
        try:
            if await try_service(self, admin_disputes.resolve_dispute, self.resolving, outcome, note) is not REFUSED:
                self.notice = f"“{self.resolving_title}” is settled as {outcome.lower()}. Both parties see it now."
                self.resolving = self.resolving_title = ""
        finally:
            self.busy = False
        await self._fetch()

    def _refused(self, error) -> None:
        """The note's refusals ("reason" in the service) show under the note."""
        self._reset_errors()
        if error.field in ("note", "reason"):
            self.field_errors = {"note": error.message}
        else:
            self.error = error.message
