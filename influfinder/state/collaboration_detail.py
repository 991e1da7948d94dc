"""/collaborations/[collab_id]: one collaboration for one of its parties (or an admin), and every move on it.

Every handler resolves the actor from the session and passes the collaboration id the SERVER read
from the URL to a service, which checks who may do what; nothing the browser sends is trusted
beyond being form input. The state holds this collaboration only: its parties' display names
(never emails), its content versions, its timeline. The visit code reaches only the creator's
page (the service refuses it to anyone else).

The page is live: once loaded it watches the collaboration's channel (state/live_pages.py), and after
any change commits (a move of either party or an admin, a rating, a submission, an analysis
result) the page reloads it as its viewer, without polling. So the submitter sees "Analyzing…",
then the result or the failure with Retry, when the background analysis stores it.
"""

from __future__ import annotations

import contextlib

import reflex as rx

from influfinder.components.collaboration_badges import status_label
from influfinder.domain.collaboration_steps import ADMINS, CONTENT_LATE, EITHER, NOBODY, VISIT_OVERDUE, StepState
from influfinder.domain.venues import venue_zone
from influfinder.i18n import N_, _, formats, translated
from influfinder.services import analysis, collaboration_views, collaborations, live_updates, ratings, submissions
from influfinder.services.collaboration_page import CollaborationPage, collaboration_page
from influfinder.services.errors import LogInRequired, ServiceError
from influfinder.services.time_zone_choice import viewer_zone
from influfinder.state.browser import ask_zone
from influfinder.state import live_pages, local_time
from influfinder.state.auth import backend_url
from influfinder.state.collaboration_detail_content import UPLOAD_ID, content_fields, read_files
from influfinder.state.collaboration_detail_views import (
    AnalysisView, TimelineRow, VersionCard, analysis_view, money, qr_data_uri, timeline_row, version_card,
)
from influfinder.state.forms import FormState, form_text
from influfinder.state.collaboration_figures import CollabFigure, collaboration_figures
from influfinder.state.service_handler import call_service, service_handler

DIALOGS = frozenset({"cancel", "dispute", "by_hand", "changes"})

DONE = {
    "propose": N_("Date proposed. The business will confirm it or propose another."),
    "counter": N_("New date proposed. The other party will confirm it."),
    "confirm": N_("Visit confirmed. It is in both calendars' reach: add it with “Add to calendar”."),
    "visited": N_("Visit marked. The creator can now submit the content."),
    "submitted": N_("Content submitted. The analysis is running; the business has been told."),
    "retry": N_("Analysis started again."),
    "approved": N_("Content approved. Now rate each other to complete the collaboration."),
    "changes": N_("Sent back to the creator with your notes."),
    "rated": N_("Thank you! Your rating was saved."),
    "cancelled": N_("The collaboration was cancelled."),
    "disputed": N_("Dispute opened. The other party and our team have been told."),
}
LATE = {
    VISIT_OVERDUE: N_("The visit date has passed and the visit is not marked yet."),
    CONTENT_LATE: N_("The content deadline has passed and no content has been submitted."),
}
WHO = {
    "mine": N_("Your move"), "creator": N_("Waiting for the creator"), "owner": N_("Waiting for the business"),
    EITHER: N_("Both of you: rate each other"), ADMINS: N_("Our team is reviewing the dispute"), NOBODY: "",
}


def who_acts(who: str, role: str) -> str:
    """Who must act next, as this viewer reads it (a msgid, or "")."""
    return WHO["mine"] if who == role else WHO.get(who, "")


class CollaborationDetailState(FormState, rx.State):
    loading: bool = True
    found: bool = False
    current_id: str = ""
    status: str = ""
    status_label: str = ""
    role: str = ""  # "creator", "owner" (the business) or "admin"
    actions: list[str] = []
    offer_id: str = ""
    offer_title: str = ""
    creator_name: str = ""
    business_name: str = ""
    place: str = ""
    fee: str = ""
    started: str = ""
    proposed_when: str = ""
    proposed_by_me: bool = False
    awaiting_me: bool = False
    confirmed_when: str = ""
    visited_when: str = ""
    approved: bool = False
    completed_when: str = ""
    dispute_reason: str = ""
    rating_given: int = 0
    feedback_given: str = ""
    rating_received: int = 0
    feedback_received: str = ""
    visit_code: str = ""
    visit_qr: str = ""  # a data: URI of the QR code's SVG, drawn on the server
    code_from_link: str = ""  # ?code= of a scanned QR, to prefill the business's field
    ics_url: str = ""
    time_zone: str = local_time.UTC
    time_zone_name: str = "UTC"  # the viewer's zone as people name it: "hora de España (Madrid)"
    venue_when: str = ""  # the visit on the venue's clock, its zone named (when the offer's city has one)
    earliest_visit: str = ""
    spec_hashtags: list[str] = []
    spec_mentions: list[str] = []
    versions: list[VersionCard] = []
    timeline: list[TimelineRow] = []
    notice: str = ""
    dialog: str = ""  # which confirmation dialog is open
    review_target: str = ""  # the version the "Request changes" dialog is about
    prechecking: bool = False
    prechecked: bool = False
    precheck: AnalysisView = AnalysisView()
    other_user_id: str = ""  # the other party's id, for the Message button
    step: int = -1  # index in collaboration_steps.STEPS; -1 once cancelled or disputed
    step_who: str = ""  # who must act next, in words for this viewer
    step_due: str = ""  # by when, in the viewer's zone
    step_late: str = ""  # the overdue warning, or ""
    figures: list[CollabFigure] = []  # once completed: duration, quality score, both ratings

    @rx.var
    def other_name(self) -> str:
        """The other party, as this viewer sees the collaboration."""
        return self.business_name if self.role == "creator" else self.creator_name

    @rx.var
    def earlier_versions(self) -> list[VersionCard]:
        return self.versions[1:]

    # ---- loading --------------------------------------------------------------------------------

    @rx.event
    def start(self):
        """on_load: ask the browser for its time zone, then load (dates show in the visitor's zone)."""
        self.loading, self.found = True, False
        return ask_zone(CollaborationDetailState.load)

    @rx.event
    @service_handler("opening a collaboration")
    async def load(self, zone: str = ""):
        self.time_zone = await call_service(self, viewer_zone, zone) or self.time_zone
        self.current_id = self._route_id()
        code = self.router.url.query_parameters.get("code", "")
        self.code_from_link = code[:16] if code.isalnum() else ""
        self._reset_errors()
        self.notice, self.dialog, self.prechecked = "", "", False
        try:
            self._show(await call_service(self, collaboration_page, self.current_id))
        finally:
            self.loading = False
        if self.found:
            live_pages.watch(self, live_updates.collaboration_channel(self.current_id))

    def _route_id(self) -> str:
        return self.router.url.path.rstrip("/").rsplit("/", 1)[-1][:64]

    async def _reload_live(self, channel: str) -> None:
        """A push (state/live_delivery.py, never a socket): the collaboration changed; show it as it is now.

        The viewer is the page's session, read without sliding its idle window; the service checks
        again what that viewer may see.
        """
        if not self.found or self._route_id() != self.current_id:
            return  # the tab moved on to another page
        if channel != live_updates.collaboration_channel(self.current_id):
            return
        was = self.status
        with contextlib.suppress(LogInRequired):  # the session ended: the page keeps what it showed
            self._show(await live_pages.call_for_push(self, collaboration_page, self.current_id))
        if self.status != was:
            self.notice = ""  # "Visit marked..." is news of a step that is over now

    def _show(self, page: CollaborationPage | None) -> None:
        self.found = page is not None
        if page is None:
            return
        detail, zone = page.detail, self.time_zone
        self.status, self.status_label, self.role = detail.status, status_label(detail.status), detail.viewer_role
        self.actions = list(detail.actions)
        self.offer_id, self.offer_title = detail.offer_id, detail.offer_title
        self.creator_name = detail.creator.display_name
        self.business_name = detail.business.display_name
        self.place = ", ".join(p for p in (detail.address, detail.city) if p)
        self.fee = money(detail.agreed_fee, detail.currency)
        self.started = local_time.day(detail.created_at, zone)
        self.proposed_when = local_time.when(detail.proposed_date, zone)
        self.proposed_by_me = detail.proposed_by == detail.viewer_role
        self.awaiting_me = detail.awaiting == detail.viewer_role
        self.confirmed_when = local_time.when(detail.scheduled_date, zone)
        self.visited_when = local_time.when(detail.visited_at, zone)
        self.time_zone_name = formats.zone_label(zone)
        self.venue_when = _venue_when(detail.scheduled_date or detail.proposed_date, detail.city)
        self.approved = detail.approved_at is not None
        self.completed_when = local_time.day(detail.completed_date, zone)
        self.dispute_reason = detail.dispute_reason or ""
        self._show_ratings(detail)
        code = page.visit_code
        self.visit_code = code or ""
        self.visit_qr = qr_data_uri(detail.id, code) if code else ""
        self.ics_url = backend_url(f"/collaborations/{detail.id}/visit.ics") if detail.scheduled_date else ""
        self.earliest_visit = local_time.earliest_visit(zone)
        self.spec_hashtags, self.spec_mentions = page.hashtags, page.mentions
        self.timeline = [timeline_row(e, zone) for e in reversed(page.events)]
        self.versions = [version_card(v, zone) for v in page.versions]
        self.other_user_id = page.other_user_id
        self._show_steps(page.steps, detail.viewer_role)
        self.figures = collaboration_figures(page.figures)

    def _show_steps(self, steps: StepState, role: str) -> None:
        self.step = steps.step
        who = who_acts(steps.who, role)
        self.step_who = translated(who) if who else ""
        self.step_due = local_time.when(steps.due, self.time_zone) if steps.due else ""
        self.step_late = translated(LATE[steps.late]) if steps.late else ""

    def _show_ratings(self, detail: collaboration_views.CollaborationDetail) -> None:
        # creator_rating is what the creator RECEIVED; business_rating what the business received.
        if detail.viewer_role == "creator":
            given, given_text = detail.business_rating, detail.business_feedback
            got, got_text = detail.creator_rating, detail.creator_feedback
        else:
            given, given_text = detail.creator_rating, detail.creator_feedback
            got, got_text = detail.business_rating, detail.business_feedback
        self.rating_given, self.feedback_given = given or 0, given_text or ""
        self.rating_received, self.feedback_received = got or 0, got_text or ""

    # ---- the visit ------------------------------------------------------------------------------

    @rx.event
    @service_handler("proposing a visit date")
    def propose_visit(self, form: dict):
        return self._visit_date(collaborations.propose_visit, form, DONE["propose"])

    @rx.event
    @service_handler("proposing another visit date")
    def counter_propose(self, form: dict):
        return self._visit_date(collaborations.counter_propose, form, DONE["counter"])

    def _visit_date(self, fn, form: object, done: str):
        moment = local_time.from_field(form_text(form, "visit_date", 40), self.time_zone)
        note = form_text(form, "note", collaborations.MAX_NOTE)
        return self._act(fn, self.current_id, moment, note or "", done=done)

    @rx.event
    @service_handler("confirming a visit")
    def confirm_visit(self):
        return self._act(collaborations.confirm_visit, self.current_id, done=DONE["confirm"])

    @rx.event
    @service_handler("marking a visit with its code")
    def mark_visited(self, form: dict):
        code = form_text(form, "code", 40)
        return self._act(collaborations.mark_visited_by_code, self.current_id, code, done=DONE["visited"])

    @rx.event
    @service_handler("marking a visit by hand")
    def mark_visited_by_hand(self, form: dict):
        note = form_text(form, "note", collaborations.MAX_NOTE)
        return self._act(collaborations.mark_visited_by_hand, self.current_id, note or "", done=DONE["visited"])

    # ---- content --------------------------------------------------------------------------------

    @rx.event
    @service_handler("submitting content")
    async def submit_content(self, files: list[rx.UploadFile], form: dict):
        self.busy = True
        self._reset_errors()
        yield
        read = await read_files(files)
        if isinstance(read, str):
            self.field_errors, self.busy = {"files": read}, False
            return
        fields = content_fields(form)
        if fields is None:
            self.error, self.busy = _("The form could not be read. Reload the page and try again."), False
            return
        async for update in self._act(submissions.submit_content, self.current_id, read, *fields,
                                      done=DONE["submitted"]):
            yield update
        self.prechecked = False
        yield rx.clear_selected_files(UPLOAD_ID)

    @rx.event
    @service_handler("checking a draft")
    async def run_precheck(self, files: list[rx.UploadFile], form: dict):
        """The same analysis on the draft, stored nowhere: what is missing before submitting."""
        self._reset_errors()
        self.prechecking, self.prechecked = True, False
        yield
        read, fields = await read_files(files), content_fields(form)
        try:
            if isinstance(read, str) or fields is None:
                raise ServiceError(read if isinstance(read, str) else N_("The form could not be read."), "files")
            _urls, captions, platform, _post, paid = fields
            result = await call_service(self, analysis.precheck_draft, self.current_id, read, captions, platform,
                                        paid)
        finally:
            self.prechecking = False
        self.precheck = analysis_view(result.model_dump(mode="json"), "done", "", result.ai_score)
        self.prechecked = True

    @rx.event
    @service_handler("retrying an analysis")
    def retry_analysis(self, submission_id: str):
        return self._act(analysis.retry_analysis, submission_id, done=DONE["retry"])

    @rx.event
    @service_handler("approving content")
    def approve(self, submission_id: str):
        return self._act(submissions.approve, submission_id, done=DONE["approved"])

    @rx.event
    @service_handler("requesting changes")
    def request_changes(self, form: dict):
        notes = form_text(form, "notes", submissions.NOTES_MAX + 100)
        return self._act(submissions.request_changes, self.review_target, notes, done=DONE["changes"])

    # ---- rating, cancelling, disputes ------------------------------------------------------------

    @rx.event
    @service_handler("rating a collaboration")
    def rate(self, form: dict):
        raw = form_text(form, "stars", 2) or ""
        stars = int(raw) if raw.isdigit() else None
        feedback = form_text(form, "feedback", ratings.MAX_FEEDBACK + 100)
        return self._act(ratings.rate, self.current_id, stars, feedback or "", done=DONE["rated"])

    @rx.event
    @service_handler("cancelling a collaboration")
    def cancel(self, form: dict):
        return self._act(collaborations.cancel, self.current_id, form_text(form, "reason"), done=DONE["cancelled"])

    @rx.event
    @service_handler("opening a dispute")
    def open_dispute(self, form: dict):
        reason = form_text(form, "reason")
        return self._act(collaborations.open_dispute, self.current_id, reason, done=DONE["disputed"])

    # ---- dialogs ----------------------------------------------------------------------------------

    @rx.event
    def toggle_dialog(self, name: str, is_open: bool):
        if name not in DIALOGS or not isinstance(is_open, bool):
            return
        self._reset_errors()
        self.dialog = name if is_open else ""

    @rx.event
    def ask_changes(self, submission_id: str):
        """Open "Request changes" for one version (the service checks it belongs here)."""
        if not isinstance(submission_id, str) or len(submission_id) > 64:
            return
        self._reset_errors()
        self.review_target, self.dialog = submission_id, "changes"

    # ---- running a move -----------------------------------------------------------------------------

    async def _act(self, fn, *args, done: str):
        """Run the move `fn(db, actor, *args)` (under service_handler, which shows a refusal); then the
        news and the collaboration as it is now. Yields once, so the page shows it is busy."""
        self._reset_errors()
        self.notice, self.busy = "", True
        yield
        try:
            await call_service(self, fn, *args)
        finally:
            self.busy = False
        self.notice, self.dialog = translated(done), ""
        self._show(await call_service(self, collaboration_page, self.current_id))


def _venue_when(moment, city: str) -> str:
    venue = venue_zone(city)
    if moment is None or venue is None:
        return ""
    return _("At the venue: {when} ({zone})").format(when=formats.when(moment, zone=venue), zone=formats.zone_label(venue))
