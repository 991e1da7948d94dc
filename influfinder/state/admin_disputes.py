"""/admin/disputes: the open disputes, the longest waiting first, and the dialog that settles one."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.services import admin_disputes
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError
from influfinder.state.admin_page import PAGE_SIZE, AdminPageState, admin_actor
from influfinder.state.display import day
from influfinder.state.forms import form_text, run_service
from influfinder.state.list_pages import fetch_page

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
    async def load(self):
        async for update in self._load():
            yield update

    def _read_query(self) -> None:
        self.resolving = self.resolving_title = ""  # a reload closes the dialog

    async def _fetch(self, actor: Actor) -> None:
        try:
            result = await fetch_page(admin_disputes.list_disputes, actor, page=self.page, page_size=PAGE_SIZE)
        except Exception as error:  # noqa: BLE001
            self._stop(error, "listing disputes")
            return
        self.rows = [_dispute_line(r) for r in result.items]
        self._take(result)

    @rx.event
    def open_resolve(self, collab_id: str):
        """Open the decision dialog for one dispute of the page."""
        actor, leave = admin_actor(self)
        if actor is None:
            return leave
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
    async def resolve(self, form: dict):
        actor, leave = admin_actor(self)
        if actor is None:
            yield leave
            return
        outcome, note = form_text(form, "outcome", 20), form_text(form, "note", 100_000)
        self._reset_errors()
        if outcome not in OUTCOMES:
            self.field_errors = {"outcome": "Choose how the collaboration ends: completed or cancelled."}
            return
        if not self.resolving:
            return
        self.busy = True
        yield
        try:
            await run_service(admin_disputes.resolve_dispute, actor, self.resolving, outcome, note)
            self.notice = f"“{self.resolving_title}” is settled as {outcome.lower()}. Both parties see it now."
            self.resolving = self.resolving_title = ""
        except ServiceError as error:
            self.field_errors = {"note": error.message} if error.field in ("note", "reason") else {}
            self.error = "" if self.field_errors else error.message
        except Exception:  # noqa: BLE001
            self._failed("resolving a dispute")
        self.busy = False
        await self._fetch(actor)
