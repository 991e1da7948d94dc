"""/collaborations: the signed-in user's collaborations, one page at a time, with each one's next step.

The page and the status filter live in the URL (?status=SCHEDULED&page=2). Rows hold public
fields only: the other party's display name, never their email.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.components.collaboration_badges import status_label
from influfinder.domain.collaboration_steps import CONTENT_LATE, VISIT_OVERDUE
from influfinder.domain.enums import CollaborationStatus as S, UserType
from influfinder.i18n import N_, _, formats, translated
from influfinder.i18n.labels import label
from influfinder.services import collaboration_views
from influfinder.services.time_zone_choice import viewer_zone
from influfinder.state import local_time
from influfinder.state.browser import ask_zone
from influfinder.state.forms import FormState
from influfinder.state.service_handler import call_service, service_handler

PAGE_SIZE = 10
CREATOR, OWNER = "creator", "owner"

# What the viewer does next, by status and role (the brief's words); None: the other side acts.
PROPOSE = N_("Propose a visit date")
CONFIRM = N_("Confirm the visit")
SHOW_CODE = N_("Show your visit code")
MARK_VISITED = N_("Mark visited")
SUBMIT = N_("Submit content")
REVIEW = N_("Review content")
RATE = N_("Rate")
WAITING = {
    S.ACCEPTED.value: N_("Waiting for the creator to propose a visit date"),
    S.SCHEDULED.value: N_("Waiting for the other party to confirm the date"),
    S.VISITED.value: N_("Waiting for the creator's content"),
    S.CONTENT_SUBMITTED.value: N_("Waiting for the business's review"),
    S.IN_REVIEW.value: N_("Waiting for the business's review"),
}
RATED = N_("Waiting for the other party's rating")
WAITING_MARK = N_("Waiting for the business to mark the visit")
LATE = {VISIT_OVERDUE: N_("Visit overdue"), CONTENT_LATE: N_("Content late")}
# Who must act on what is late, as this viewer reads it: (late, the viewer is the one) -> words.
LATE_WHO = {
    (VISIT_OVERDUE, True): N_("You must mark the visit"), (VISIT_OVERDUE, False): N_("The business must mark the visit"),
    (CONTENT_LATE, True): N_("You must submit the content"),
    (CONTENT_LATE, False): N_("The creator must submit the content"),
}
DONE = {
    S.COMPLETED.value: N_("Completed"), S.CANCELLED.value: N_("Cancelled"),
    S.DISPUTED.value: N_("In dispute: our team will help"),
}


@dataclass
class CollabRow:
    id: str = ""
    status: str = ""
    offer_title: str = ""
    other_party: str = ""
    other_role: str = ""  # "Business" or "Creator": who the other party is
    next_step: str = ""
    my_turn: bool = False
    when: str = ""  # the visit, or the last activity
    late: str = ""  # "Visit overdue" / "Content late", or ""
    late_who: str = ""  # who must act on it: "You must mark the visit", ...


@dataclass
class StatusTab:
    value: str = ""  # "" for all
    label: str = ""
    count: int = 0
    current: bool = False


@dataclass
class _Step:
    text: str
    mine: bool


def next_step(row: collaboration_views.CollaborationRow, actions: list[str] | None) -> _Step:
    """The viewer's next step; `actions` are the detail's actions, read only for rows in review."""
    status, role = row.status, row.viewer_role
    if status in DONE:
        return _Step(DONE[status], False)
    if status == S.IN_REVIEW.value and actions is not None and "approve" not in actions:
        return _Step(RATE, True) if "rate" in actions else _Step(RATED, False)
    if status == S.SCHEDULED.value and row.scheduled_date is not None:
        if row.late and role == CREATOR:  # the visit day passed: only the business can move it on now
            return _Step(WAITING_MARK, False)
        return _Step(SHOW_CODE if role == CREATOR else MARK_VISITED, True)
    mine = {
        (S.ACCEPTED.value, CREATOR): PROPOSE, (S.VISITED.value, CREATOR): SUBMIT,
        (S.CONTENT_SUBMITTED.value, OWNER): REVIEW, (S.IN_REVIEW.value, OWNER): REVIEW,
    }.get((status, role))
    if status == S.SCHEDULED.value and row.awaiting_me:
        mine = CONFIRM
    return _Step(mine, True) if mine else _Step(WAITING.get(status, ""), False)


class CollaborationListState(FormState, rx.State):
    rows: list[CollabRow] = []
    tabs: list[StatusTab] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    status: str = ""
    loading: bool = True
    zone_name: str = "UTC"  # the viewer's zone as people name it: "hora de España (Madrid)"
    _zone: str = local_time.UTC

    @rx.event
    def start(self):
        """on_load: ask the browser for its time zone, then load (times show in the visitor's zone)."""
        self.loading = True
        return ask_zone(CollaborationListState.load)

    @rx.event
    @service_handler("listing collaborations")
    async def load(self, zone: str = ""):
        self._zone = await call_service(self, viewer_zone, zone) or self._zone
        self.zone_name = formats.zone_label(self._zone)
        params = self.router.url.query_parameters
        wanted = params.get("status", "")
        self.status = wanted if wanted in S.values() else ""
        raw_page = params.get("page", "1")
        requested = int(raw_page) if raw_page.isdigit() and len(raw_page) < 6 else 1
        try:
            shown = await call_service(self, collaboration_views.my_collaborations_page, self.status, requested,
                                       PAGE_SIZE)
        finally:
            self.loading = False
        self._show(shown.collaborations, shown.actions_in_review)

    def _show(self, result: collaboration_views.MyCollaborations, details: dict[str, list[str]]) -> None:
        page = result.page
        self.rows = [_row(r, details.get(r.id), self._zone) for r in page.items]
        self.total, self.page, self.pages = page.total, page.page, page.pages
        everything = sum(result.counts.values())
        self.tabs = [StatusTab("", _("All"), everything, self.status == "")] + [
            StatusTab(value, status_label(value), count, self.status == value)
            for value, count in result.counts.items() if count or value == self.status
        ]

    @rx.var
    def status_query(self) -> str:
        """The filter as it goes into the pager's links ("&status=SCHEDULED", or nothing)."""
        return f"&status={self.status}" if self.status else ""


def _row(row: collaboration_views.CollaborationRow, actions: list[str] | None, zone: str) -> CollabRow:
    step = next_step(row, actions)
    visit = row.scheduled_date or row.proposed_date
    live = row.status in (S.SCHEDULED.value,) and visit is not None
    # A visit reads on the venue's clock, its zone named; the rest in the viewer's zone.
    when = (_("Visit {when} ({zone})").format(when=formats.when(visit, zone=row.venue_zone),
                                                zone=formats.zone_label(row.venue_zone)) if live
            else _("Updated {day}").format(day=local_time.day(row.updated_at, zone)))
    return CollabRow(
        id=row.id, status=row.status, offer_title=row.offer_title, other_party=row.other_party,
        other_role=label(UserType.BUSINESS) if row.viewer_role == CREATOR else label(UserType.CREATOR), next_step=translated(step.text), my_turn=step.mine,
        when=when, late=translated(LATE[row.late]) if row.late else "",
        late_who=translated(LATE_WHO[row.late, row.late_who == row.viewer_role]) if row.late else "",
    )
