"""/my-applications: a creator's applications by status (?status=, ?page=), with the business's
reason when one was rejected, and Withdraw while the business has not decided."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.domain.enums import ApplicationStatus
from influfinder.i18n import N_, translated
from influfinder.services import applications
from influfinder.services.actors import Actor
from influfinder.services.applications import MyApplicationRow
from influfinder.services.errors import ServiceError
from influfinder.state.auth import current_actor, to_login
from influfinder.state.display import day, money
from influfinder.state.forms import FormState, run_service
from influfinder.state.list_pages import StatusTabsState, fetch_page

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
    async def load(self):
        self.loading, self.notice = True, ""
        self._reset_errors()
        yield
        actor = current_actor(self)
        if actor is None:
            yield to_login(self)
            return
        self._read_url(STATUSES)
        await self._fetch(actor)
        self.loading = False

    async def _fetch(self, actor: Actor) -> None:
        try:
            result = await fetch_page(applications.my_applications, actor, self.status, page=self.page,
                                      page_size=PAGE_SIZE)
        except ServiceError as error:
            self._refused(error)
        except Exception:  # noqa: BLE001
            self._failed("listing my applications")
        else:
            self.rows = [my_application_card(r) for r in result.page.items]
            self._show_tabs(result)

    @rx.event
    async def withdraw(self, application_id: str):
        """Withdraw one of the creator's own undecided applications (the service checks both)."""
        actor = current_actor(self)
        if actor is None:
            yield to_login(self)
            return
        row = next((r for r in self.rows if r.id == application_id), None) if isinstance(application_id, str) else None
        if row is None:  # only rows this page shows: anything else is not a click on this page
            return
        self._reset_errors()
        self.notice, self.withdrawing = "", row.id
        yield
        try:
            await run_service(applications.withdraw, actor, row.id)
            self.notice = translated(WITHDRAWN).format(title=row.offer_title)
        except ServiceError as error:
            self.error = error.message
        except Exception:  # noqa: BLE001
            self._failed("withdrawing an application")
        self.withdrawing = ""
        await self._fetch(actor)  # show where everything stands now, whoever changed it
