"""/collaborations/[collab_id]: one collaboration for one of its parties (or an admin), and every move on it.

Every handler resolves the actor from the session and passes the collaboration id the SERVER read
from the URL to a service, which checks who may do what; nothing the browser sends is trusted
beyond being form input. The state holds this collaboration only: its parties' display names
(never emails), its content versions, its timeline. The visit code reaches only the creator's
page (the service refuses it to anyone else).

The page is live: once loaded it watches the collaboration's channel (state/live.py), and after
any change commits (a move of either party or an admin, a rating, a submission, an analysis
result) the page reloads it as its viewer, without polling. So the submitter sees "Analyzing…",
then the result or the failure with Retry, when the background analysis stores it.
"""

from __future__ import annotations

import asyncio
import logging

import reflex as rx

from influfinder.components.collaboration_badges import status_label
from influfinder.domain.venues import venue_zone
from influfinder.i18n import N_, _, formats, translated
from influfinder.services import analysis, collaboration_views, collaborations, live_updates, ratings, submissions
from influfinder.services import offers as offer_service
from influfinder.services.errors import ServiceError
from influfinder.state import live, local_time
from influfinder.state.auth import backend_url, current_actor, to_login
from influfinder.state.collaboration_detail_content import UPLOAD_ID, content_fields, read_files
from influfinder.state.collaboration_detail_views import (
    AnalysisView, TimelineRow, VersionCard, analysis_view, money, qr_data_uri, timeline_row, version_card,
)
from influfinder.state.forms import UNEXPECTED, FormState, form_text, run_service

log = logging.getLogger(__name__)

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
        return rx.call_script(local_time.ZONE_SCRIPT, callback=CollaborationDetailState.load)

    @rx.event
    async def load(self, zone: str = ""):
        actor = current_actor(self)
        if actor is None:
            return to_login(self)
        self.time_zone = local_time.zone_name(zone) if zone else self.time_zone
        self.current_id = self._route_id()
        code = self.router.url.query_parameters.get("code", "")
        self.code_from_link = code[:16] if code.isalnum() else ""
        self._reset_errors()
        self.notice, self.dialog, self.prechecked = "", "", False
        await self._refresh(actor)
        self.loading = False
        if self.found:
            live.watch(self, live_updates.collaboration_channel(self.current_id))
        return None

    def _route_id(self) -> str:
        return self.router.url.path.rstrip("/").rsplit("/", 1)[-1][:64]

    async def _reload_live(self, channel: str) -> None:
        """A push (state/live.py, never a socket): the collaboration changed; show it as it is now.

        The viewer is the page's session, read without sliding its idle window; the service checks
        again what that viewer may see.
        """
        if not self.found or self._route_id() != self.current_id:
            return  # the tab moved on to another page
        if channel != live_updates.collaboration_channel(self.current_id):
            return
        actor = await asyncio.to_thread(live.page_actor, self)
        if actor is not None:
            await self._refresh(actor)

    async def _refresh(self, actor) -> None:
        try:
            found = await run_service(_read, actor, self.current_id)
        except ServiceError:
            self.found = False
            return
        self.found = True
        self._show(*found)

    def _show(self, detail: collaboration_views.CollaborationDetail, events, versions, code, specs) -> None:
        zone = self.time_zone
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
        self.visit_code = code or ""
        self.visit_qr = qr_data_uri(detail.id, code) if code else ""
        self.ics_url = backend_url(f"/collaborations/{detail.id}/visit.ics") if detail.scheduled_date else ""
        self.earliest_visit = local_time.earliest_visit(zone)
        self.spec_hashtags, self.spec_mentions = specs
        self.timeline = [timeline_row(e, zone) for e in reversed(events)]
        self.versions = [version_card(v, zone) for v in versions]

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
    async def propose_visit(self, form: dict):
        self.busy = True
        yield
        yield await self._visit_date(collaborations.propose_visit, form, translated(DONE["propose"]))

    @rx.event
    async def counter_propose(self, form: dict):
        self.busy = True
        yield
        yield await self._visit_date(collaborations.counter_propose, form, translated(DONE["counter"]))

    async def _visit_date(self, fn, form: object, done: str):
        moment = local_time.from_field(form_text(form, "visit_date", 40), self.time_zone)
        note = form_text(form, "note", collaborations.MAX_NOTE)
        return await self._act(fn, moment, note or "", done=done)

    @rx.event
    async def confirm_visit(self):
        self.busy = True
        yield
        yield await self._act(collaborations.confirm_visit, done=translated(DONE["confirm"]))

    @rx.event
    async def mark_visited(self, form: dict):
        self.busy = True
        yield
        yield await self._act(collaborations.mark_visited_by_code, form_text(form, "code", 40), done=translated(DONE["visited"]))

    @rx.event
    async def mark_visited_by_hand(self, form: dict):
        self.busy = True
        yield
        note = form_text(form, "note", collaborations.MAX_NOTE)
        yield await self._act(collaborations.mark_visited_by_hand, note or "", done=translated(DONE["visited"]))

    # ---- content --------------------------------------------------------------------------------

    @rx.event
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
        result = await self._act(submissions.submit_content, read, *fields, done=translated(DONE["submitted"]))
        if self.notice == translated(DONE["submitted"]):
            self.prechecked = False
            yield rx.clear_selected_files(UPLOAD_ID)
            return
        yield result

    @rx.event
    async def run_precheck(self, files: list[rx.UploadFile], form: dict):
        """The same analysis on the draft, stored nowhere: what is missing before submitting."""
        actor = current_actor(self)
        if actor is None:
            yield to_login(self)
            return
        self._reset_errors()
        self.prechecking, self.prechecked = True, False
        yield
        read, fields = await read_files(files), content_fields(form)
        try:
            if isinstance(read, str) or fields is None:
                raise ServiceError(read if isinstance(read, str) else N_("The form could not be read."), "files")
            _urls, captions, platform, _post, paid = fields
            result = await asyncio.to_thread(analysis.precheck, actor, self.current_id, read, captions, platform, paid)
        except ServiceError as error:
            self._refused(error)
        except Exception:  # noqa: BLE001 - logged; the person sees a plain message
            self._failed("precheck")
        else:
            self.precheck = analysis_view(result.model_dump(mode="json"), "done", "", result.ai_score)
            self.prechecked = True
        self.prechecking = False

    @rx.event
    async def retry_analysis(self, submission_id: str):
        self.busy = True
        yield
        yield await self._act(_retry, submission_id, done=translated(DONE["retry"]))

    @rx.event
    async def approve(self, submission_id: str):
        self.busy = True
        yield
        yield await self._act(_approve, submission_id, done=translated(DONE["approved"]))

    @rx.event
    async def request_changes(self, form: dict):
        self.busy = True
        yield
        notes = form_text(form, "notes", submissions.NOTES_MAX + 100)
        yield await self._act(_request_changes, self.review_target, notes, done=translated(DONE["changes"]))

    # ---- rating, cancelling, disputes ------------------------------------------------------------

    @rx.event
    async def rate(self, form: dict):
        self.busy = True
        yield
        raw = form_text(form, "stars", 2) or ""
        stars = int(raw) if raw.isdigit() else None
        feedback = form_text(form, "feedback", ratings.MAX_FEEDBACK + 100)
        yield await self._act(ratings.rate, stars, feedback or "", done=translated(DONE["rated"]))

    @rx.event
    async def cancel(self, form: dict):
        self.busy = True
        yield
        yield await self._act(collaborations.cancel, form_text(form, "reason"), done=translated(DONE["cancelled"]))

    @rx.event
    async def open_dispute(self, form: dict):
        self.busy = True
        yield
        yield await self._act(collaborations.open_dispute, form_text(form, "reason"), done=translated(DONE["disputed"]))

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
        """Call `fn(db, actor, collaboration id, *args)`; show its refusal, or the news and the new state."""
        actor = current_actor(self)
        self._reset_errors()
        self.notice = ""
        if actor is None:
            self.busy = False
            return to_login(self)
        try:
            await run_service(fn, actor, self.current_id, *args)
        except ServiceError as error:
            self._refused(error)
        except Exception:  # noqa: BLE001 - logged with context; never a traceback on screen
            log.exception("collaboration %s: %s failed", self.current_id, getattr(fn, "__name__", fn))
            self.error = translated(UNEXPECTED)
        else:
            self.notice, self.dialog = done, ""
            await self._refresh(actor)
        self.busy = False
        return None


def _venue_when(moment, city: str) -> str:
    venue = venue_zone(city)
    if moment is None or venue is None:
        return ""
    return _("At the venue: {when} ({zone})").format(when=formats.when(moment, zone=venue), zone=formats.zone_label(venue))


# ---- service calls in one transaction (run_service gives db first) ----------------------------------


def _read(db, actor, collab_id):
    detail = collaboration_views.get_collaboration(db, actor, collab_id)
    events = collaboration_views.timeline(db, actor, collab_id)
    versions = submissions.list_versions(db, actor, collab_id)
    code = None
    if detail.viewer_role == "creator" and detail.scheduled_date is not None:
        code = collaborations.visit_code_for_creator(db, actor, collab_id)
    offer = offer_service.get_public_offer_detail(db, detail.offer_id)
    specs = (list(offer.content_specs.required_hashtags), list(offer.content_specs.required_mentions)) \
        if offer else ([], [])
    return detail, events, versions, code, specs


# The submission moves take a submission id; _act passes the collaboration id first (unused here:
# the service finds the collaboration from the submission and checks the actor's part in it).
def _retry(db, actor, _collab_id, submission_id):
    analysis.retry_analysis(db, actor, submission_id)


def _approve(db, actor, _collab_id, submission_id):
    submissions.approve(db, actor, submission_id)


def _request_changes(db, actor, _collab_id, submission_id, notes):
    submissions.request_changes(db, actor, submission_id, notes)
