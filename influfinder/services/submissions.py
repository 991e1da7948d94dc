"""Content submissions: the creator submits photos, videos, links and captions once the visit is
done; the business reviews and approves or sends the content back with notes; every version stays.

Who: the collaboration's creator submits; its business starts the review, approves or requests
changes; both parties and admins read the versions; anyone else is told "not found".

How a submission is written: the files are checked by content and stored under random names in
the private "submissions" folder first (CPU and disk work outside any row lock); then, in the
caller's transaction, the collaboration moves VISITED -> CONTENT_SUBMITTED through the
collaboration service's conditional UPDATE (so of two concurrent submits one wins), the row gets
the next version number, the business is notified, and the AI analysis is queued after commit
(services/analysis.py). If anything fails, the stored files are deleted again.

Review decisions change the submission with a conditional UPDATE on the status it was read in
(`WHERE status IN (SUBMITTED, UNDER_REVIEW)`), which takes the row's lock first, and then move
the collaboration: of twenty concurrent approvals exactly one is applied.

Checking and re-encoding files is CPU work: async callers run these functions in a thread.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import collaboration_lifecycle as collab_flow
from influfinder.domain import submission_lifecycle as lifecycle
from influfinder.domain.enums import AnalysisStatus, CollaborationStatus, NotificationType
from influfinder.domain.transitions import CREATOR, OWNER, TransitionRefused
from influfinder.i18n import N_, _
from influfinder.i18n.labels import label
from influfinder.integrations import storage
from influfinder.models import Collaboration, ContentSubmission, Offer
from influfinder.models.submission import SubmissionMedia
from influfinder.services import analysis, collaborations, guards
from influfinder.services import submission_checks as checks
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.notifications import notify
from influfinder.services.notification_text import params_for
from influfinder.services.status_moves import move_status

log = logging.getLogger(__name__)

SUBMISSION_NOT_FOUND = N_("We could not find that submission.")
CHANGED = N_("This submission was changed meanwhile. Reload the page to see where it stands.")
NOT_LATEST = N_("A newer version of this content exists: review that one.")
CREATOR_ONLY = N_("Only the creator of this collaboration can submit its content.")
BUSINESS_ONLY = N_("Only the business of this collaboration can review its content.")
NOTHING_SENT = N_("Add at least one photo or video, or the link to your published post.")
MEDIA_ROUTE = "/media/submissions/{name}"
NOTES_MIN, NOTES_MAX = 5, 2000


@dataclass(frozen=True)
class MediaView:
    url: str  # the private route; it answers the collaboration's parties and admins only
    kind: str  # "image" or "video"
    content_type: str
    width: int | None
    height: int | None
    size_bytes: int
    name: str


@dataclass(frozen=True)
class SubmissionView:
    id: str
    collaboration_id: str
    version: int
    is_latest: bool
    status: str
    status_label: str
    content_urls: list[str]
    media: list[MediaView]
    captions: dict[str, str]
    platform: str
    platform_post_id: str | None
    paid_partnership: bool
    analysis_status: str
    ai_score: float | None
    analysis: dict | None  # the brief's fields (hashtags_found ... suggestions, disclosure_found) when DONE
    analysis_error: str | None  # why it failed, when FAILED
    passed_requirements: bool | None
    reviewer_notes: str | None
    submitted_at: datetime
    reviewed_at: datetime | None
    viewer_role: str  # "creator", "owner" or "admin"
    actions: list[str] = field(default_factory=list)  # what this viewer may do now


# ---- the creator's side -----------------------------------------------------------------------


def submit_content(
    db: Session, actor: Actor | None, collab_id: object, files: object = (), content_urls: object = (),
    captions: object = None, platform: object = "INSTAGRAM", platform_post_id: object = None,
    paid_partnership: object = False,
) -> uuid.UUID:
    """A new version of the content for a VISITED collaboration; returns the submission's id."""
    collaboration, role, actor = checks.load_collaboration(db, actor, collab_id)
    if role != CREATOR:
        raise NotAllowed(CREATOR_ONLY)
    _require_status(collaboration, collab_flow.SUBMIT_CONTENT, role)
    form = _SubmitForm.parse(files, content_urls, captions, platform, platform_post_id, paid_partnership)
    keys = [storage.save(f.data, folder=storage.SUBMISSIONS, extension=f.extension) for f in form.files]
    try:
        submission = _record(db, actor, collaboration, form, keys)
    except BaseException:
        _discard_files(keys)
        raise
    return submission.id


@dataclass(frozen=True)
class _SubmitForm:
    files: list[checks.CheckedFile]
    urls: list[str]
    captions: dict[str, str]
    platform: str
    post_id: str | None
    paid_partnership: bool

    @classmethod
    def parse(cls, files, urls, captions, platform, post_id, paid) -> _SubmitForm:
        # The cheap fields first: a typo in a link must not cost a 100 MB video's check.
        urls, captions = checks.check_urls(urls), checks.check_captions(captions)
        platform, post_id = checks.check_platform(platform).value, checks.check_post_id(post_id)
        paid = guards.flag(paid, "paid_partnership")
        checked = checks.check_files(files)
        if not checked and not urls:
            raise ServiceError(NOTHING_SENT, "files")
        return cls(checked, urls, captions, platform, post_id, paid)


def _record(db: Session, actor: Actor, collaboration: Collaboration, form: _SubmitForm,
            keys: list[str]) -> ContentSubmission:
    version = _next_version(db, collaboration.id)
    collaborations.apply_transition(db, collaboration.id, collab_flow.SUBMIT_CONTENT, actor,
                                    _submit_note(version, form))
    submission = ContentSubmission(
        collaboration_id=collaboration.id, creator_id=actor.id, version=version,
        content_urls=form.urls, media_files=keys, captions=form.captions, platform=form.platform,
        platform_post_id=form.post_id, paid_partnership=form.paid_partnership,
    )
    db.add(submission)
    db.flush()
    for position, (key, checked) in enumerate(zip(keys, form.files)):
        db.add(SubmissionMedia(
            submission_id=submission.id, position=position, storage_key=key, content_type=checked.content_type,
            size_bytes=checked.size, width=checked.width, height=checked.height, original_name=checked.name,
        ))
    db.flush()
    title = _offer_title(db, collaboration)
    notify(db, collaboration.business_id, NotificationType.CONTENT_SUBMITTED,
           params=params_for("content_submitted", title=title, name=actor.display_name, version=version),
           offer_id=collaboration.offer_id, collaboration_id=collaboration.id, related_user_id=actor.id)
    analysis.schedule_first_analysis(db, submission, actor)
    return submission


def _next_version(db: Session, collaboration_id: uuid.UUID) -> int:
    # Read before the collaboration moves: its conditional UPDATE then makes this number ours alone.
    latest = db.exec(select(sa.func.max(ContentSubmission.version))
                     .where(ContentSubmission.collaboration_id == collaboration_id)).one()
    return (latest or 0) + 1


def _submit_note(version: int, form: _SubmitForm) -> str:
    """"Version 2: 3 photos, 1 video, 1 link" for the timeline."""
    photos = sum(1 for f in form.files if f.is_image)
    counts = ((photos, "photo"), (len(form.files) - photos, "video"), (len(form.urls), "link"))
    return f"Version {version}: " + ", ".join(f"{n} {word}{'s' * (n != 1)}" for n, word in counts if n)


def _discard_files(keys: list[str]) -> None:
    for key in keys:
        try:
            storage.delete(key)
        except OSError:
            log.warning("could not delete the stored file %s of a refused submission", key, exc_info=True)


# ---- the business's side ----------------------------------------------------------------------


def start_review(db: Session, actor: Actor | None, submission_id: object) -> None:
    """The business opens the content: the submission goes UNDER_REVIEW, the collaboration IN_REVIEW."""
    submission, collaboration, role, actor = _load_for_review(db, actor, submission_id)
    _move(db, submission, lifecycle.START_REVIEW, role)
    collaborations.apply_transition(db, collaboration.id, collab_flow.START_REVIEW, actor,
                                    f"Reviewing version {submission.version}")


def approve(db: Session, actor: Actor | None, submission_id: object) -> None:
    """APPROVED; the collaboration is approved and both parties may rate each other."""
    submission, collaboration, role, actor = _load_for_review(db, actor, submission_id)
    _move(db, submission, lifecycle.APPROVE, role, reviewed_by=actor.id, reviewed_at=guards.now())
    _into_review(db, collaboration, actor, submission.version)
    collaborations.apply_transition(db, collaboration.id, collab_flow.APPROVE, actor,
                                    f"Version {submission.version} approved", values={"approved_at": guards.now()})
    title = _offer_title(db, collaboration)
    notify(db, collaboration.creator_id, NotificationType.CONTENT_APPROVED,
           params=params_for("content_approved", title=title), offer_id=collaboration.offer_id, collaboration_id=collaboration.id, related_user_id=actor.id)


def request_changes(db: Session, actor: Actor | None, submission_id: object, notes: object) -> None:
    """REJECTED with the business's notes; the collaboration goes back to VISITED for a new version."""
    submission, collaboration, role, actor = _load_for_review(db, actor, submission_id)
    text = _notes(notes)
    _move(db, submission, lifecycle.REQUEST_CHANGES, role, reviewer_notes=text, reviewed_by=actor.id,
          reviewed_at=guards.now())
    _into_review(db, collaboration, actor, submission.version)
    collaborations.apply_transition(db, collaboration.id, collab_flow.REQUEST_CHANGES, actor, text)
    title = _offer_title(db, collaboration)
    notify(db, collaboration.creator_id, NotificationType.CONTENT_CHANGES_REQUESTED,
           params=params_for("content_changes_requested", title=title, notes=text), offer_id=collaboration.offer_id, collaboration_id=collaboration.id, related_user_id=actor.id)


def _load_for_review(db: Session, actor: Actor | None,
                     submission_id: object) -> tuple[ContentSubmission, Collaboration, str, Actor]:
    submission, collaboration, role, actor = _load(db, actor, submission_id)
    if role != OWNER:
        raise NotAllowed(BUSINESS_ONLY)
    if not _is_latest(db, submission):
        raise ServiceError(NOT_LATEST)
    return submission, collaboration, role, actor


def _into_review(db: Session, collaboration: Collaboration, actor: Actor, version: int) -> None:
    """A decision taken straight from CONTENT_SUBMITTED starts the review first (the timeline shows both)."""
    db.refresh(collaboration)
    if collaboration.status is CollaborationStatus.CONTENT_SUBMITTED:
        collaborations.apply_transition(db, collaboration.id, collab_flow.START_REVIEW, actor,
                                        f"Reviewing version {version}")


def _notes(value: object) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not NOTES_MIN <= len(text) <= NOTES_MAX:
        raise ServiceError(_("Tell the creator what to change, in {NOTES_MIN} to {NOTES_MAX:,} characters.").format(NOTES_MIN=NOTES_MIN, NOTES_MAX=NOTES_MAX),
                           "notes")
    return text


def _move(db: Session, submission: ContentSubmission, action: str, role: str, **values) -> None:
    """The submission's move as a conditional UPDATE on the status it was read in."""
    try:
        target = lifecycle.submission_transition(submission.status, action, role)
    except TransitionRefused as refusal:
        if refusal.kind == "wrong_role":
            raise NotAllowed(refusal.message) from None
        raise ServiceError(refusal.message) from None
    move_status(db, submission, target, CHANGED, **values)


# ---- reading ----------------------------------------------------------------------------------


def list_versions(db: Session, actor: Actor | None, collab_id: object) -> list[SubmissionView]:
    """Every version of the collaboration's content, newest first, for its parties and admins."""
    collaboration, role, _actor = checks.load_collaboration(db, actor, collab_id)
    rows = db.exec(select(ContentSubmission).where(ContentSubmission.collaboration_id == collaboration.id)
                   .order_by(ContentSubmission.version.desc())).all()
    media = _media_of(db, [r.id for r in rows])
    latest = rows[0].version if rows else None
    return [_view(r, collaboration, role, media.get(r.id, []), r.version == latest) for r in rows]


def get_submission(db: Session, actor: Actor | None, submission_id: object) -> SubmissionView:
    submission, collaboration, role, _actor = _load(db, actor, submission_id)
    media = _media_of(db, [submission.id])
    return _view(submission, collaboration, role, media.get(submission.id, []), _is_latest(db, submission))


def media_url(storage_key: str) -> str:
    return MEDIA_ROUTE.format(name=storage_key.removeprefix(storage.SUBMISSIONS + "/"))


def _load(db: Session, actor: Actor | None,
          submission_id: object) -> tuple[ContentSubmission, Collaboration, str, Actor]:
    actor = guards.signed_in(actor)
    key = guards.object_id(submission_id, SUBMISSION_NOT_FOUND)
    submission = db.get(ContentSubmission, key, populate_existing=True)
    collaboration = db.get(Collaboration, submission.collaboration_id, populate_existing=True) \
        if submission else None
    role = checks.role_in(collaboration, actor) if collaboration is not None else None
    if role is None:
        raise NotAllowed(SUBMISSION_NOT_FOUND)
    return submission, collaboration, role, actor


def _is_latest(db: Session, submission: ContentSubmission) -> bool:
    newer = db.exec(select(ContentSubmission.id).where(
        ContentSubmission.collaboration_id == submission.collaboration_id,
        ContentSubmission.version > submission.version)).first()
    return newer is None


def _require_status(collaboration: Collaboration, action: str, role: str) -> None:
    try:
        collab_flow.check(collaboration.status, action, role, approved=collaboration.approved_at is not None)
    except TransitionRefused as refusal:
        raise ServiceError(refusal.message) from None


def _offer_title(db: Session, collaboration: Collaboration) -> str:
    return db.exec(select(Offer.title).where(Offer.id == collaboration.offer_id)).one()


def _media_of(db: Session, submission_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[MediaView]]:
    if not submission_ids:
        return {}
    rows = db.exec(select(SubmissionMedia).where(SubmissionMedia.submission_id.in_(submission_ids))
                   .order_by(SubmissionMedia.submission_id, SubmissionMedia.position)).all()
    found: dict[uuid.UUID, list[MediaView]] = {}
    for row in rows:
        found.setdefault(row.submission_id, []).append(MediaView(
            url=media_url(row.storage_key), kind=row.content_type.split("/")[0], content_type=row.content_type,
            width=row.width, height=row.height, size_bytes=row.size_bytes, name=row.original_name,
        ))
    return found


def _view(row: ContentSubmission, collaboration: Collaboration, role: str, media: list[MediaView],
          is_latest: bool) -> SubmissionView:
    done = row.analysis_status is AnalysisStatus.DONE
    failed = row.analysis_status is AnalysisStatus.FAILED
    return SubmissionView(
        id=str(row.id), collaboration_id=str(row.collaboration_id), version=row.version, is_latest=is_latest,
        status=row.status.value, status_label=label(row.status), content_urls=list(row.content_urls),
        media=media, captions=dict(row.captions), platform=row.platform.value,
        platform_post_id=row.platform_post_id, paid_partnership=row.paid_partnership,
        analysis_status=row.analysis_status.value, ai_score=row.ai_score if done else None,
        analysis=dict(row.ai_analysis) if done else None,
        analysis_error=str((row.ai_analysis or {}).get("error") or analysis.FAILED_GENERIC) if failed else None,
        passed_requirements=row.passed_requirements if done else None, reviewer_notes=row.reviewer_notes,
        submitted_at=row.submitted_at, reviewed_at=row.reviewed_at, viewer_role=role,
        actions=_actions(row, collaboration, role, is_latest),
    )


def _actions(row: ContentSubmission, collaboration: Collaboration, role: str, is_latest: bool) -> list[str]:
    actions: list[str] = []
    reviewable = collaboration.status in (CollaborationStatus.CONTENT_SUBMITTED, CollaborationStatus.IN_REVIEW)
    if role == OWNER and is_latest and reviewable and collaboration.approved_at is None:
        actions += lifecycle.SUBMISSION_LIFECYCLE.allowed(row.status, role)
    if role in (CREATOR, OWNER) and analysis.can_retry(row):
        actions.append(analysis.RETRY)
    return actions

