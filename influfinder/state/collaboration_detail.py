"""/collaborations/[collab_id]: one collaboration for one of its parties (or an admin), and every move on it.

Every handler resolves the actor from the session and passes the collaboration id the SERVER read
from the URL to a service, which checks who may do what; nothing the browser sends is trusted
beyond being form input. The state holds this collaboration only: its parties' display names
(never emails), its content versions, its timeline. The visit code reaches only the creator's
page (the service refuses it to anyone else).

The AI analysis runs in the background on the server (services/analysis.py); `watch_analysis`
is a background event that re-reads the versions every second, for up to a minute, while an
analysis is pending or running, so the result appears without a reload.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from dataclasses import dataclass, field
from decimal import Decimal

import reflex as rx

from influfinder.components.collaboration_badges import status_label
from influfinder.components.qr_code import qr_svg
from influfinder.domain.enums import AnalysisStatus, Platform
from influfinder.services import analysis, collaborations, ratings, submissions
from influfinder.services import offers as offer_service
from influfinder.services.errors import ServiceError
from influfinder.services.submission_checks import MAX_FILES, MAX_TOTAL_BYTES, MEGABYTE, VIDEO_MAX_BYTES
from influfinder.settings import get_settings
from influfinder.state import local_time
from influfinder.state.auth import backend_url, current_actor, to_login
from influfinder.state.forms import UNEXPECTED, FormState, form_flag, form_text, run_service

log = logging.getLogger(__name__)

UPLOAD_ID = "content_files"
WATCH_SECONDS = 60
DIALOGS = frozenset({"cancel", "dispute", "by_hand", "changes"})
PLATFORM_LABELS = {"INSTAGRAM": "Instagram", "TIKTOK": "TikTok", "FACEBOOK": "Facebook"}
_SYMBOLS = {"EUR": "€", "USD": "$", "MXN": "MX$"}
_WAITING = (AnalysisStatus.PENDING.value, AnalysisStatus.RUNNING.value)
SESSION_ENDED = "Your session ended. Log in again to continue."

DONE = {
    "propose": "Date proposed. The business will confirm it or propose another.",
    "counter": "New date proposed. The other party will confirm it.",
    "confirm": "Visit confirmed. It is in both calendars' reach: add it with “Add to calendar”.",
    "visited": "Visit marked. The creator can now submit the content.",
    "submitted": "Content submitted. The analysis is running; the business has been told.",
    "retry": "Analysis started again.",
    "approved": "Content approved. Now rate each other to complete the collaboration.",
    "changes": "Sent back to the creator with your notes.",
    "rated": "Thank you! Your rating was saved.",
    "cancelled": "The collaboration was cancelled.",
    "disputed": "Dispute opened. The other party and our team have been told.",
}


@dataclass
class AnalysisView:
    state: str = ""  # "running", "done", "failed" or "" (none)
    error: str = ""
    score: str = ""
    passed: bool = False
    quality: int = 0
    relevance: int = 0
    compliance: str = ""
    hashtags_found: list[str] = field(default_factory=list)
    hashtags_missing: list[str] = field(default_factory=list)
    mentions_found: list[str] = field(default_factory=list)
    mentions_missing: list[str] = field(default_factory=list)
    disclosure: bool = False
    suggestions: list[str] = field(default_factory=list)


@dataclass
class MediaItem:
    url: str = ""
    name: str = ""
    is_video: bool = False


@dataclass
class CaptionItem:
    platform: str = ""
    text: str = ""


@dataclass
class VersionCard:
    id: str = ""
    version: int = 0
    is_latest: bool = False
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    media: list[MediaItem] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    captions: list[CaptionItem] = field(default_factory=list)
    platform: str = ""
    post_id: str = ""
    paid_partnership: bool = False
    reviewer_notes: str = ""
    can_review: bool = False
    can_retry: bool = False
    analysis: AnalysisView = field(default_factory=AnalysisView)


@dataclass
class TimelineRow:
    when: str = ""
    label: str = ""
    who: str = ""
    change: str = ""  # "Accepted → Scheduled", or "" when the state stayed
    note: str = ""


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
    _watching: str = ""  # the collaboration whose analysis a background event is watching

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
        self.current_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1][:64]
        code = self.router.url.query_parameters.get("code", "")
        self.code_from_link = code[:16] if code.isalnum() else ""
        self._reset_errors()
        self.notice, self.dialog, self.prechecked = "", "", False
        await self._refresh(actor)
        self.loading = False
        return self._watch_if_pending()

    async def _refresh(self, actor) -> None:
        try:
            found = await run_service(_read, actor, self.current_id)
        except ServiceError:
            self.found = False
            return
        self.found = True
        self._show(*found)

    def _show(self, detail: collaborations.CollaborationDetail, events, versions, code, specs) -> None:
        zone = self.time_zone
        self.status, self.status_label, self.role = detail.status, status_label(detail.status), detail.viewer_role
        self.actions = list(detail.actions)
        self.offer_id, self.offer_title = detail.offer_id, detail.offer_title
        self.creator_name = detail.creator.display_name
        self.business_name = detail.business.display_name
        self.place = ", ".join(p for p in (detail.address, detail.city) if p)
        self.fee = _money(detail.agreed_fee, detail.currency)
        self.started = local_time.day(detail.created_at, zone)
        self.proposed_when = local_time.when(detail.proposed_date, zone)
        self.proposed_by_me = detail.proposed_by == detail.viewer_role
        self.awaiting_me = detail.awaiting == detail.viewer_role
        self.confirmed_when = local_time.when(detail.scheduled_date, zone)
        self.visited_when = local_time.when(detail.visited_at, zone)
        self.approved = detail.approved_at is not None
        self.completed_when = local_time.day(detail.completed_date, zone)
        self.dispute_reason = detail.dispute_reason or ""
        self._show_ratings(detail)
        self.visit_code = code or ""
        self.visit_qr = _qr_data_uri(detail.id, code) if code else ""
        self.ics_url = backend_url(f"/collaborations/{detail.id}/visit.ics") if detail.scheduled_date else ""
        self.earliest_visit = local_time.earliest_visit(zone)
        self.spec_hashtags, self.spec_mentions = specs
        self.timeline = [_timeline_row(e, zone) for e in reversed(events)]
        self.versions = [_card(v, zone) for v in versions]

    def _show_ratings(self, detail: collaborations.CollaborationDetail) -> None:
        # creator_rating is what the creator RECEIVED; business_rating what the business received.
        if detail.viewer_role == "creator":
            given, given_text = detail.business_rating, detail.business_feedback
            got, got_text = detail.creator_rating, detail.creator_feedback
        else:
            given, given_text = detail.creator_rating, detail.creator_feedback
            got, got_text = detail.business_rating, detail.business_feedback
        self.rating_given, self.feedback_given = given or 0, given_text or ""
        self.rating_received, self.feedback_received = got or 0, got_text or ""

    def _watch_if_pending(self):
        if any(v.analysis.state == "running" for v in self.versions):
            return CollaborationDetailState.watch_analysis
        return None

    # ---- the live analysis ----------------------------------------------------------------------

    @rx.event(background=True)
    async def watch_analysis(self):
        """Re-read the versions every second while an analysis runs (up to a minute), then stop."""
        async with self:
            if self._watching == self.current_id or not self.found:
                return  # already watched by another run of this event
            self._watching = collab_id = self.current_id
            zone = self.time_zone
        try:
            for _ in range(WATCH_SECONDS):
                await asyncio.sleep(1)
                if not await self._poll_once(collab_id, zone):
                    break
        finally:
            async with self:
                if self._watching == collab_id:
                    self._watching = ""

    async def _poll_once(self, collab_id: str, zone: str) -> bool:
        """One look at the versions; False once nothing is left to wait for (or the page moved on)."""
        actor = await asyncio.to_thread(current_actor, self)
        if actor is None:
            return False
        try:
            versions = await run_service(submissions.list_versions, actor, collab_id)
        except ServiceError:
            return False
        cards = [_card(v, zone) for v in versions]
        async with self:
            if self.current_id != collab_id or self._watching != collab_id:
                return False
            if cards != self.versions:
                self.versions = cards
        return any(v.analysis_status in _WAITING for v in versions)

    # ---- the visit ------------------------------------------------------------------------------

    @rx.event
    async def propose_visit(self, form: dict):
        self.busy = True
        yield
        yield await self._visit_date(collaborations.propose_visit, form, DONE["propose"])

    @rx.event
    async def counter_propose(self, form: dict):
        self.busy = True
        yield
        yield await self._visit_date(collaborations.counter_propose, form, DONE["counter"])

    async def _visit_date(self, fn, form: object, done: str):
        moment = local_time.from_field(form_text(form, "visit_date", 40), self.time_zone)
        note = form_text(form, "note", collaborations.MAX_NOTE)
        return await self._act(fn, moment, note or "", done=done)

    @rx.event
    async def confirm_visit(self):
        self.busy = True
        yield
        yield await self._act(collaborations.confirm_visit, done=DONE["confirm"])

    @rx.event
    async def mark_visited(self, form: dict):
        self.busy = True
        yield
        yield await self._act(collaborations.mark_visited_by_code, form_text(form, "code", 40), done=DONE["visited"])

    @rx.event
    async def mark_visited_by_hand(self, form: dict):
        self.busy = True
        yield
        note = form_text(form, "note", collaborations.MAX_NOTE)
        yield await self._act(collaborations.mark_visited_by_hand, note or "", done=DONE["visited"])

    # ---- content --------------------------------------------------------------------------------

    @rx.event
    async def submit_content(self, files: list[rx.UploadFile], form: dict):
        self.busy = True
        self._reset_errors()
        yield
        read = await _read_files(files)
        if isinstance(read, str):
            self.field_errors, self.busy = {"files": read}, False
            return
        fields = _content_form(form)
        if fields is None:
            self.error, self.busy = "The form could not be read. Reload the page and try again.", False
            return
        result = await self._act(submissions.submit_content, read, *fields, done=DONE["submitted"])
        if self.notice == DONE["submitted"]:
            self.prechecked = False
            yield rx.clear_selected_files(UPLOAD_ID)
            yield CollaborationDetailState.watch_analysis
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
        read, fields = await _read_files(files), _content_form(form)
        try:
            if isinstance(read, str) or fields is None:
                raise ServiceError(read if isinstance(read, str) else "The form could not be read.", "files")
            _urls, captions, platform, _post, paid = fields
            result = await asyncio.to_thread(analysis.precheck, actor, self.current_id, read, captions, platform, paid)
        except ServiceError as error:
            self._refused(error)
        except Exception:  # noqa: BLE001 - logged; the person sees a plain message
            self._failed("precheck")
        else:
            self.precheck = _analysis_view(result.model_dump(mode="json"), "done", "", result.ai_score)
            self.prechecked = True
        self.prechecking = False

    @rx.event
    async def retry_analysis(self, submission_id: str):
        self.busy = True
        yield
        result = await self._act(_retry, submission_id, done=DONE["retry"])
        yield result if self.error or self.field_errors else CollaborationDetailState.watch_analysis

    @rx.event
    async def approve(self, submission_id: str):
        self.busy = True
        yield
        yield await self._act(_approve, submission_id, done=DONE["approved"])

    @rx.event
    async def request_changes(self, form: dict):
        self.busy = True
        yield
        notes = form_text(form, "notes", submissions.NOTES_MAX + 100)
        yield await self._act(_request_changes, self.review_target, notes, done=DONE["changes"])

    # ---- rating, cancelling, disputes ------------------------------------------------------------

    @rx.event
    async def rate(self, form: dict):
        self.busy = True
        yield
        raw = form_text(form, "stars", 2) or ""
        stars = int(raw) if raw.isdigit() else None
        feedback = form_text(form, "feedback", ratings.MAX_FEEDBACK + 100)
        yield await self._act(ratings.rate, stars, feedback or "", done=DONE["rated"])

    @rx.event
    async def cancel(self, form: dict):
        self.busy = True
        yield
        yield await self._act(collaborations.cancel, form_text(form, "reason"), done=DONE["cancelled"])

    @rx.event
    async def open_dispute(self, form: dict):
        self.busy = True
        yield
        yield await self._act(collaborations.open_dispute, form_text(form, "reason"), done=DONE["disputed"])

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
            self.error = UNEXPECTED
        else:
            self.notice, self.dialog = done, ""
            await self._refresh(actor)
        self.busy = False
        return None


# ---- service calls in one transaction (run_service gives db first) ----------------------------------


def _read(db, actor, collab_id):
    detail = collaborations.get_collaboration(db, actor, collab_id)
    events = collaborations.timeline(db, actor, collab_id)
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


# ---- shaping the views ----------------------------------------------------------------------------


def _money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    symbol = _SYMBOLS.get(currency, currency + " ")
    return f"{symbol}{amount:,.0f}" if amount == amount.to_integral() else f"{symbol}{amount:,.2f}"


def _qr_data_uri(collab_id: str, code: str) -> str:
    """A QR code of the page's link with the code: the business's phone opens it with the code filled in."""
    link = f"{get_settings().public_url.rstrip('/')}/collaborations/{collab_id}?code={code}"
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(link).encode()).decode()


def _timeline_row(entry: collaborations.TimelineEntry, zone: str) -> TimelineRow:
    moved = entry.from_status and entry.from_status != entry.to_status
    change = f"{status_label(entry.from_status)} → {status_label(entry.to_status)}" if moved else ""
    return TimelineRow(when=local_time.when(entry.at, zone), label=entry.label, who=entry.actor_name or "Influfinder",
                       change=change, note=entry.note)


def _card(view: submissions.SubmissionView, zone: str) -> VersionCard:
    return VersionCard(
        id=view.id, version=view.version, is_latest=view.is_latest, status=view.status,
        status_label=view.status_label, submitted=local_time.when(view.submitted_at, zone),
        media=[MediaItem(url=backend_url(m.url), name=m.name or f"{m.kind.title()} {i + 1}", is_video=m.kind == "video")
               for i, m in enumerate(view.media)],
        links=list(view.content_urls),
        captions=[CaptionItem(PLATFORM_LABELS.get(p, p.title()), text) for p, text in view.captions.items()],
        platform=PLATFORM_LABELS.get(view.platform, view.platform.title()), post_id=view.platform_post_id or "",
        paid_partnership=view.paid_partnership, reviewer_notes=view.reviewer_notes or "",
        can_review="approve" in view.actions, can_retry=analysis.RETRY in view.actions,
        analysis=_analysis_view(view.analysis, _analysis_state(view.analysis_status), view.analysis_error or "",
                                view.ai_score),
    )


def _analysis_state(status: str) -> str:
    return {"DONE": "done", "FAILED": "failed"}.get(status, "running")


def _analysis_view(data: dict | None, state: str, error: str, score: float | None) -> AnalysisView:
    if state != "done" or not data:
        return AnalysisView(state=state, error=error)
    return AnalysisView(
        state="done", score=f"{score or 0:.0f}",
        passed=data.get("compliance_percentage") == 100 and bool(data.get("disclosure_found")),
        quality=int(data.get("quality_rating", 0)), relevance=int(data.get("relevance_rating", 0)),
        compliance=f"{float(data.get('compliance_percentage', 0)):g}%",
        hashtags_found=list(data.get("hashtags_found", [])), hashtags_missing=list(data.get("hashtags_missing", [])),
        mentions_found=list(data.get("mentions_found", [])), mentions_missing=list(data.get("mentions_missing", [])),
        disclosure=bool(data.get("disclosure_found")), suggestions=list(data.get("suggestions", [])),
    )


# ---- the content form -------------------------------------------------------------------------------


async def _read_files(files: object) -> list[tuple[str, bytes]] | str:
    """The uploaded files as (name, bytes); a message instead when there are too many or one is too big."""
    if not isinstance(files, list):
        return "The files could not be read. Choose them again."
    if len(files) > MAX_FILES:
        return f"Send at most {MAX_FILES} files at a time."
    read, budget = [], MAX_TOTAL_BYTES
    for upload in files:
        # Never more than one file's limit, nor more than what is left of the request's total.
        data = await upload.read(min(VIDEO_MAX_BYTES, budget) + 1)
        if len(data) > VIDEO_MAX_BYTES:
            return f"{upload.name or 'A file'} is larger than {VIDEO_MAX_BYTES // MEGABYTE} MB."
        if len(data) > budget:
            return f"The files add up to more than {MAX_TOTAL_BYTES // MEGABYTE} MB."
        budget -= len(data)
        read.append((upload.name or "", data))
    return read


def _content_form(form: object):
    """(links, captions, platform, post id, paid partnership) from the form, or None if it is not a form."""
    if not isinstance(form, dict):
        return None
    links = form_text(form, "links", 25_000)
    platform = form_text(form, "platform", 20)
    post_id = form_text(form, "post_id", 200)
    captions = {p.value: form_text(form, f"caption_{p.value}", 3000) for p in Platform}
    if None in (links, platform, post_id) or None in captions.values():
        return None
    urls = [line.strip() for line in links.splitlines() if line.strip()]
    return urls, captions, platform, post_id, form_flag(form, "paid_partnership")
