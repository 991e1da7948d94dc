"""Running the AI analysis of content submissions, off the request and never in its way.

A submission is analysed in a worker thread once its transaction commits: the worker claims the
row (PENDING -> RUNNING with a conditional UPDATE, so one analysis runs at a time), reads the
stored photos, asks `integrations.ai.analyzer()` with an overall deadline, and stores the
result (DONE) or the reason it failed (FAILED, in ai_analysis["error"]). A failed analysis never
loses the submission and never blocks the review: the parties may retry it. Then an AnalysisFinished
event goes to its subscribers (the live push).

At most 20 analyses per user per hour (rule "ai_analysis" of the rate limiter): the automatic
analysis of a new submission counts for its creator, a retry for whoever retries, and the
creator's pre-check (an analysis of a draft, stored nowhere) for the creator. When the limit is
reached a new submission is still stored; only its analysis is marked failed, to be retried later.

The demo (services/demo) plays a year of submissions at start-up inside `analysed_in_transaction()`:
each is analysed at once by the local analyzer, in the demo's own transaction, and counts for nobody.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, select

from influfinder import database
from influfinder.domain import collaboration_lifecycle as collab_flow
from influfinder.domain.content_analysis import AnalysisResult
from influfinder.domain.enums import AnalysisStatus, Platform
from influfinder.domain.moments import as_utc
from influfinder.domain.offer_terms import ContentSpecs
from influfinder.domain.transitions import CREATOR, OWNER
from influfinder.i18n import N_, _
from influfinder.integrations import ai, storage
from influfinder.integrations.ai_local import LocalAnalyzer
from influfinder.integrations.rate_limit import limiter, wait_message
from influfinder.models import Collaboration, ContentSubmission, Offer
from influfinder.models.submission import SubmissionMedia
from influfinder.services import guards
from influfinder.services import submission_checks as checks
from influfinder.services.actors import Actor
from influfinder.services.effects import after_commit
from influfinder.services.domain_events import AnalysisFinished, CollaborationChanged
from influfinder.services.errors import NotAllowed, RateLimited, ServiceError
from influfinder.services.events import dispatch, emit

log = logging.getLogger(__name__)

RULE = "ai_analysis"
RETRY = "retry_analysis"
# OpenAI: 30 s per attempt and 2 retries with back-off; the local analyzer takes seconds.
DEADLINE_SECONDS = 120.0
# A RUNNING or PENDING analysis older than this was lost (a restart): it may be retried.
STUCK_AFTER = timedelta(minutes=10)
FAILED_GENERIC = N_("The analysis could not be completed. Try again in a moment.")
TOO_SLOW = N_("The analysis took too long. Try again in a moment.")
UNREADABLE = N_("A file of this submission could not be read for the analysis.")
NOT_RETRYABLE = N_("This analysis is not failed: there is nothing to retry.")
SUBMISSION_NOT_FOUND = N_("We could not find that submission.")

_workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="influfinder-analysis")
# The analyzer call itself runs here, so the worker can stop waiting at the deadline.
_calls = ThreadPoolExecutor(max_workers=4, thread_name_prefix="influfinder-analyzer")
_pending: set[Future] = set()


# ---- queueing and retrying --------------------------------------------------------------------


def queue_analysis(submission_id: uuid.UUID) -> Future:
    """Analyse the submission in a worker thread; returns at once."""
    future = _workers.submit(run_analysis, submission_id)
    _pending.add(future)
    future.add_done_callback(_pending.discard)
    return future


def drain(timeout: float = 300.0) -> None:
    """Wait for the analyses already queued (tests, and a clean shutdown)."""
    wait(list(_pending), timeout=timeout)


def schedule_first_analysis(db: Session, submission: ContentSubmission, creator: Actor) -> None:
    """For a new submission, in its transaction: queue the analysis after commit, or record why not."""
    if _in_transaction.get():
        _analyse_in_transaction(db, submission)
        return
    decision = limiter().hit(RULE, str(creator.id))
    if decision.allowed:
        after_commit(db, queue_analysis, submission.id)
        return
    submission.analysis_status = AnalysisStatus.FAILED
    submission.ai_analysis = {"error": f"You reached {_limit_text()}. {_retry_text(decision.retry_after_s)}"}
    db.add(submission)
    db.flush()


# The demo replays months of submissions in one transaction (services/demo): each is analysed there
# and then, by the local analyzer, and counts against nobody's hourly limit (no person asked).
_in_transaction: ContextVar[bool] = ContextVar("influfinder_analyse_in_transaction", default=False)


@contextmanager
def analysed_in_transaction() -> Iterator[None]:
    """Within the block, a new submission is analysed at once by the local analyzer, in its transaction."""
    token = _in_transaction.set(True)
    try:
        yield
    finally:
        _in_transaction.reset(token)


def _analyse_in_transaction(db: Session, submission: ContentSubmission) -> None:
    collaboration = db.get(Collaboration, submission.collaboration_id)
    offer = db.get(Offer, collaboration.offer_id)
    keys = db.exec(select(SubmissionMedia.storage_key)
                   .where(SubmissionMedia.submission_id == submission.id,
                          SubmissionMedia.content_type.like("image/%"))
                   .order_by(SubmissionMedia.position)).all()
    request = _request(offer, _read_all(keys), submission.captions, Platform(submission.platform).value,
                       submission.paid_partnership)
    for name, value in done_values(LocalAnalyzer().analyze(request)).items():
        setattr(submission, name, value)
    submission.analysis_started_at = guards.now()
    db.add(submission)
    db.flush()


def retry_analysis(db: Session, actor: Actor | None, submission_id: object) -> None:
    """A party asks again for a failed (or lost) analysis; it runs after commit."""
    actor = guards.signed_in(actor)
    submission = _load_for_party(db, actor, submission_id)
    if not can_retry(submission):
        raise ServiceError(NOT_RETRYABLE)
    result = db.exec(
        sa.update(ContentSubmission)
        .where(ContentSubmission.id == submission.id,
               ContentSubmission.analysis_status == submission.analysis_status)
        .values(analysis_status=AnalysisStatus.PENDING, analysis_started_at=None)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError("This analysis was restarted meanwhile. Reload the page.")
    _count_or_refuse(actor)  # after the UPDATE: a refused retry leaves nothing changed
    after_commit(db, queue_analysis, submission.id)
    emit(db, CollaborationChanged(submission.collaboration_id))  # "Analyzing…" on both pages


def can_retry(submission: ContentSubmission, now: datetime | None = None) -> bool:
    """Failed, or stuck: running or waiting far longer than any analysis takes (lost in a restart)."""
    status = submission.analysis_status
    if status is AnalysisStatus.FAILED:
        return True
    since = submission.analysis_started_at if status is AnalysisStatus.RUNNING else submission.submitted_at
    if status is AnalysisStatus.DONE or since is None:
        return False
    return (now or guards.now()) - as_utc(since) > STUCK_AFTER


def _load_for_party(db: Session, actor: Actor, submission_id: object) -> ContentSubmission:
    key = guards.object_id(submission_id, SUBMISSION_NOT_FOUND)
    submission = db.get(ContentSubmission, key, populate_existing=True)
    collaboration = db.get(Collaboration, submission.collaboration_id) if submission else None
    role = checks.role_in(collaboration, actor) if collaboration else None
    if role not in (CREATOR, OWNER):
        raise NotAllowed(SUBMISSION_NOT_FOUND)
    return submission


def _count_or_refuse(actor: Actor) -> None:
    decision = limiter().hit(RULE, str(actor.id))
    if not decision.allowed:
        raise RateLimited(_("You reached {limit_text}. {retry_text}").format(
            limit_text=_limit_text(), retry_text=_retry_text(decision.retry_after_s)), retry_after=decision.retry_after_s)


def _limit_text() -> str:
    return "the limit of 20 content analyses per hour"


def _retry_text(seconds: int) -> str:
    # wait_message says "Too many attempts. Try again in N minutes."; keep its rounding, not its opening.
    return wait_message(seconds).split(". ", 1)[1]


# ---- the worker -------------------------------------------------------------------------------


def run_analysis(submission_id: uuid.UUID) -> None:
    """Claim, analyse, store; any failure is stored as FAILED with a reason a person can read."""
    try:
        request = _claim(submission_id)
        if request is None:
            return  # not waiting for an analysis: already running elsewhere, or done
        _finish_done(submission_id, call_analyzer(request))
    except ai.AnalysisFailed as failure:
        _finish_failed(submission_id, failure.message)
    except _Unreadable:
        _finish_failed(submission_id, UNREADABLE)
    except FutureTimeout:
        _finish_failed(submission_id, TOO_SLOW)
    except Exception:  # noqa: BLE001 - logged with context; the person sees a plain message
        log.exception("analysis of submission %s failed", submission_id)
        _finish_failed(submission_id, FAILED_GENERIC)
    dispatch(AnalysisFinished(submission_id))  # stored and committed: straight to the subscribers


def call_analyzer(request: ai.AnalysisRequest) -> AnalysisResult:
    """The configured analyzer, under the overall deadline (raises FutureTimeout past it)."""
    future = _calls.submit(ai.analyzer().analyze, request)
    return future.result(timeout=DEADLINE_SECONDS)


class _Unreadable(Exception):
    """A stored file is missing or unreadable."""


def _claim(submission_id: uuid.UUID) -> ai.AnalysisRequest | None:
    with database.session_scope() as db:
        claimed = db.exec(
            sa.update(ContentSubmission)
            .where(ContentSubmission.id == submission_id,
                   ContentSubmission.analysis_status == AnalysisStatus.PENDING)
            .values(analysis_status=AnalysisStatus.RUNNING, analysis_started_at=guards.now())
            .execution_options(synchronize_session=False)
        ).rowcount
    if claimed != 1:
        return None
    with database.session_scope() as db:
        submission = db.get(ContentSubmission, submission_id)
        collaboration = db.get(Collaboration, submission.collaboration_id)
        offer = db.get(Offer, collaboration.offer_id)
        keys = db.exec(select(SubmissionMedia.storage_key)
                       .where(SubmissionMedia.submission_id == submission_id,
                              SubmissionMedia.content_type.like("image/%"))
                       .order_by(SubmissionMedia.position)).all()
        return _request(offer, _read_all(keys), submission.captions, submission.platform.value,
                        submission.paid_partnership)


def _read_all(keys: list[str]) -> list[bytes]:
    try:
        return [storage.read(key) for key in keys]
    except (OSError, ValueError) as error:
        log.warning("a stored submission file could not be read: %s", error)
        raise _Unreadable() from None


def _request(offer: Offer, images: list[bytes], captions: dict, platform: str,
             paid_partnership: bool) -> ai.AnalysisRequest:
    return ai.AnalysisRequest(
        images=images, captions=dict(captions), platform=platform, offer_title=offer.title,
        offer_description=offer.description, offer_category=offer.category.value,
        content_specs=content_specs(offer), paid_partnership=paid_partnership,
    )


def content_specs(offer: Offer) -> ContentSpecs:
    try:
        return ContentSpecs.model_validate(offer.content_specs or {})
    except ValidationError:  # written before validation existed: ask for nothing rather than fail
        return ContentSpecs()


def done_values(result: AnalysisResult) -> dict:
    """The submission's columns for a finished analysis."""
    passed = result.compliance_percentage == 100 and result.disclosure_found
    return dict(analysis_status=AnalysisStatus.DONE, ai_score=result.ai_score,
                ai_analysis=result.model_dump(mode="json"), passed_requirements=passed)


def _finish_done(submission_id: uuid.UUID, result: AnalysisResult) -> None:
    _finish(submission_id, **done_values(result))


def _finish_failed(submission_id: uuid.UUID, reason: str) -> None:
    _finish(submission_id, analysis_status=AnalysisStatus.FAILED, ai_score=None,
            ai_analysis={"error": reason}, passed_requirements=None)


def _finish(submission_id: uuid.UUID, **values) -> None:
    try:
        with database.session_scope() as db:
            # Only the claim we hold: a retry that started meanwhile keeps its own run.
            db.exec(sa.update(ContentSubmission)
                    .where(ContentSubmission.id == submission_id,
                           ContentSubmission.analysis_status == AnalysisStatus.RUNNING)
                    .values(**values).execution_options(synchronize_session=False))
    except Exception:  # noqa: BLE001 - the database is gone: the row stays RUNNING and becomes retryable
        log.exception("could not store the analysis of submission %s", submission_id)


# ---- the creator's pre-check -------------------------------------------------------------------


def precheck(actor: Actor | None, collab_id: object, images: object, captions: object, platform: object,
             paid_partnership: object) -> AnalysisResult:
    """`precheck_draft` in a short session of its own."""
    with database.session_scope() as db:
        return precheck_draft(db, actor, collab_id, images, captions, platform, paid_partnership)


def precheck_draft(db: Session, actor: Actor | None, collab_id: object, images: object, captions: object,
                   platform: object, paid_partnership: object) -> AnalysisResult:
    """Analyse a draft before submitting it: the same analysis, stored nowhere.

    The offer is read, then the transaction ends: none is held while the analyzer works.
    """
    actor = guards.signed_in(actor)
    offer = _draft_offer(db, actor, collab_id)
    db.commit()
    captions = checks.check_captions(captions)
    platform = checks.check_platform(platform).value
    paid = guards.flag(paid_partnership, "paid_partnership")
    photos = [f.data for f in checks.check_files(images) if f.is_image]
    _count_or_refuse(actor)
    try:
        return call_analyzer(_request(offer, photos, captions, platform, paid))
    except ai.AnalysisFailed as failure:
        raise ServiceError(failure.message) from None
    except FutureTimeout:
        raise ServiceError(TOO_SLOW) from None


def _draft_offer(db: Session, actor: Actor, collab_id: object) -> Offer:
    collaboration, role, _actor = checks.load_collaboration(db, actor, collab_id)
    if role != CREATOR:
        raise NotAllowed("Only the creator of this collaboration can check its content.")
    try:
        collab_flow.check(collaboration.status, collab_flow.SUBMIT_CONTENT, role,
                          approved=collaboration.approved_at is not None)
    except collab_flow.TransitionRefused:
        raise ServiceError("Content can be checked once the visit is done, before you submit it.") from None
    offer = db.get(Offer, collaboration.offer_id)
    db.expunge(offer)
    return offer


