"""/my-applications: a creator's applications by status (?status=, ?page=), with the business's
reason when one was rejected, and Withdraw while the business has not decided."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.enums import ApplicationStatus
from influfinder.i18n import N_, translated
from influfinder.services import applications
from influfinder.services.applications import MyApplicationRow
from influfinder.state.display import day, money
from influfinder.state.forms import FormState
from influfinder.state.list_pages import StatusTabsState, fetch_page
from influfinder.state.service_handler import REFUSED, service_handler, try_service

PAGE_SIZE = 10
STATUSES = ApplicationStatus.values()
UNDECIDED = (ApplicationStatus.APPLIED.value, ApplicationStatus.UNDER_REVIEW.value)
WITHDRAWN = N_("You withdrew your application to “{title}”.")


@dataclass
class MyApplicationCard:
    id: str = ""
    status: str = ""
    offer_id: str = ""
    offer_title: str = ""
    brand: str = ""
    fee: str = ""
    reason: str = ""
    collaboration_id: str = ""
    applied: str = ""
    can_withdraw: bool = False


def my_application_card(row: MyApplicationRow) -> MyApplicationCard:
    return MyApplicationCard(
        id=row.id, status=row.status, offer_id=row.offer_id, offer_title=row.offer_title, brand=row.brand,
        fee=money(row.proposed_fee, row.currency), reason=row.rejection_reason or "",
        collaboration_id=row.collaboration_id or "", applied=day(row.created_at),
        can_withdraw=row.status in UNDECIDED,
    )


class MyApplicationsState(StatusTabsState, FormState, rx.State):
    rows: list[MyApplicationCard] = []
    notice: str = ""
    withdrawing: str = ""  # the application being withdrawn, for its button's spinner

    @rx.event
    @service_handler("listing my applications")
    async def load(self):
        self.loading, self.notice = True, ""
        self._reset_errors()
        yield
        self._read_url(STATUSES)
        try:
            await self._fetch()
        finally:
            self.loading = False

    async def _fetch(self) -> None:
        result = await fetch_page(self, applications.my_applications, self.status, page=self.page,
                                  page_size=PAGE_SIZE)
        self.rows = [my_application_card(r) for r in result.page.items]
        self._show_tabs(result)

    @rx.event
    @service_handler("withdrawing an application")
    async def withdraw(self, application_id: str):
        """Withdraw one of the creator's own undecided applications (the service checks both)."""
        row = next((r for r in self.rows if r.id == application_id), None) if isinstance(application_id, str) else None
        if row is None:  # only rows this page shows: anything else is not a click on this page
            return
        self._reset_errors()
        self.notice, self.withdrawing = "", row.id
        yield
        try:
            if await try_service(self, applications.withdraw, row.id) is not REFUSED:
                self.notice = translated(WITHDRAWN).format(title=row.offer_title)
        finally:
            self.withdrawing = ""
        await self._fetch()  # show where everything stands now, whoever changed it
