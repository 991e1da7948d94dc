"""Content submissions on real databases (SQLite and PostgreSQL, built by the migrations): files
checked by content and stored privately, versions after "Request changes", who may review, the
race of twenty approvals, the AI analysis in the background (local analyzer, and a broken OpenAI
endpoint then a retry), the creator's pre-check, and the private media route over HTTP.

The app's own engine, storage and analysis worker are used: each test points DATABASE_URL at the
module's database and UPLOAD_DIR at its own folder. Users, offers and collaborations are fresh
for each test. The visit itself is the collaboration service's business (tested beside it): here
the business marks it by hand.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest
from sqlmodel import select
from starlette.applications import Starlette

from influfinder import database
from influfinder.api import media_routes
from influfinder.domain.enums import (
    AnalysisStatus, CollaborationStatus, NotificationType, SubmissionStatus, UserType,
)
from influfinder.integrations import rate_limit
from influfinder.models import Collaboration, CollaborationEvent, ContentSubmission, Notification, Profile, User
from influfinder.models.submission import SubmissionMedia
from influfinder.services import (
    analysis, applications, collaborations, effects, events, offer_management, sessions, submissions,
)
from influfinder.services.actors import Actor
from influfinder.services.domain_events import AnalysisFinished
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.early_access import released
from tests.support.media import CAMERA_MAKE, mp4, photo, png_header, zip_bytes

pytestmark = pytest.mark.integration

CAPTION = "Weekend brunch at Café Aurora: pancakes and coffee on the terrace #CafeAurora @cafe.aurora #ad"
BARE_CAPTION = "Weekend brunch: pancakes and coffee on the terrace"
NOTES = "Please show the terrace and add the required hashtag."
BRIEF_FIELDS = {
    "hashtags_found", "hashtags_missing", "mentions_found", "mentions_missing", "quality_rating",
    "relevance_rating", "compliance_percentage", "suggestions", "advice", "disclosure_found", "ai_score",
}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('submissions') / 'submissions.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    database.migrate(url)
    return url


@pytest.fixture
def app(settings_env, db_url, tmp_path) -> Iterator[Path]:
    """The app on the module's database, with its own upload folder (returned)."""
    uploads = tmp_path / "uploads"
    settings_env.set(DATABASE_URL=db_url, UPLOAD_DIR=str(uploads))
    _clear_caches()
    yield uploads
    effects.drain()
    analysis.drain()
    _clear_caches()


def _clear_caches() -> None:
    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()
    collaborations.visit_code_limiter.cache_clear()


def call(fn, *args, **kwargs):
    """One service call in its own transaction, as the app runs it."""
    with database.session_scope() as db:
        return fn(db, *args, **kwargs)


def settle() -> None:
    """Let the after-commit effects and the analyses queued by them finish."""
    effects.drain()
    analysis.drain()


# ---- builders ---------------------------------------------------------------------------------


def make_user(kind=UserType.CREATOR, *, admin=False) -> Actor:
    tag = uuid.uuid4().hex[:10]
    user = User(email=f"u{tag}@example.com", username=f"u{tag}", user_type=kind, is_verified=True, is_admin=admin)
    with database.session_scope() as db:
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name=f"Name {tag}", company_name=f"Company {tag}",
                       instagram_followers=5000, instagram_engagement=3.0, tier_level=1))
    return Actor(id=user.id, session_id="test", username=user.username, email=user.email,
                 display_name=f"Name {tag}", user_type=kind, is_admin=admin, is_verified=True)


def offer_form() -> dict:
    now = datetime.now(timezone.utc)
    return {
        "title": "Weekend brunch at Café Aurora",
        "description": "Try our brunch menu: pancakes, eggs and specialty coffee on the garden terrace.",
        "category": "FOOD", "platforms": ["INSTAGRAM"], "budget_min": "150", "budget_max": "300",
        "currency": "EUR", "compensation_type": "PAID", "requirements": {},
        "content_specs": {"formats": ["POST"], "required_hashtags": ["#CafeAurora"],
                          "required_mentions": ["@cafe.aurora"]},
        "application_deadline": now + timedelta(days=10), "content_deadline": now + timedelta(days=30),
        "requires_visit": True, "city": "Madrid", "address": "Calle Mayor 1", "slots": 3, "min_tier": 0,
    }


@dataclass
class Deal:
    id: uuid.UUID
    business: Actor
    creator: Actor


def deal(*, visited: bool = True) -> Deal:
    """A collaboration from a real application, accepted; visited unless asked otherwise."""
    business, creator = make_user(UserType.BUSINESS), make_user()
    offer_id = call(offer_management.create_draft, business, offer_form())
    call(offer_management.publish, business, offer_id)
    call(released, offer_id)
    application = call(applications.apply, creator, offer_id, {"message": "I film brunch every weekend in Madrid."})
    collab_id = call(applications.accept, business, application)
    if visited:
        when = datetime.now(timezone.utc) + timedelta(days=2)
        call(collaborations.propose_visit, creator, collab_id, when)
        call(collaborations.mark_visited_by_hand, business, collab_id, "She came on Saturday.")
    return Deal(collab_id, business, creator)


def submit(d: Deal, files=None, caption: str = CAPTION, **fields) -> uuid.UUID:
    files = [("brunch.jpg", photo())] if files is None else files
    return call(submissions.submit_content, d.creator, d.id, files, fields.pop("content_urls", []),
                {"INSTAGRAM": caption}, fields.pop("platform", "INSTAGRAM"), fields.pop("platform_post_id", None),
                fields.pop("paid_partnership", False))


def status_of(collab_id: uuid.UUID) -> CollaborationStatus:
    with database.session_scope() as db:
        return db.get(Collaboration, collab_id).status


def submission(submission_id: uuid.UUID) -> ContentSubmission:
    with database.session_scope() as db:
        return db.get(ContentSubmission, submission_id)


def rows(model, **where) -> list:
    with database.session_scope() as db:
        return db.exec(select(model).filter_by(**where)).all()


def stored_files(uploads: Path) -> list[Path]:
    folder = uploads / "submissions"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.exists() else []


# ---- submitting -------------------------------------------------------------------------------


def test_a_photo_is_stored_privately_without_its_metadata_and_the_business_is_told(app):
    d = deal()
    sid = submit(d, content_urls=["https://www.instagram.com/p/Cx1/"], platform_post_id="Cx1")
    row = submission(sid)
    assert (row.version, row.status) == (1, SubmissionStatus.SUBMITTED)
    assert status_of(d.id) is CollaborationStatus.CONTENT_SUBMITTED
    [media] = rows(SubmissionMedia, submission_id=sid)
    assert media.storage_key.startswith("submissions/") and "brunch" not in media.storage_key
    assert (media.content_type, media.width, media.height, media.original_name) == ("image/jpeg", 1200, 900,
                                                                                    "brunch.jpg")
    [stored] = stored_files(app)
    assert stored.read_bytes()[:3] == b"\xff\xd8\xff" and CAMERA_MAKE.encode() not in stored.read_bytes()
    assert not (app / "avatars").exists()  # not in a public folder
    [note] = rows(Notification, user_id=d.business.id, type=NotificationType.CONTENT_SUBMITTED)
    assert note.related_collaboration_id == d.id
    events = [e.action for e in rows(CollaborationEvent, collaboration_id=d.id)]
    assert events[-1] == "submit_content"
    view = call(submissions.get_submission, d.business, sid)
    assert view.media[0].url == "/media/submissions/" + stored.name
    assert view.content_urls == ["https://www.instagram.com/p/Cx1/"] and view.platform_post_id == "Cx1"


def test_a_video_is_accepted_as_mp4(app):
    d = deal()
    sid = submit(d, files=[("reel.mp4", mp4()), ("cover.png", photo(fmt="PNG"))])
    kinds = [m.content_type for m in sorted(rows(SubmissionMedia, submission_id=sid), key=lambda m: m.position)]
    assert kinds == ["video/mp4", "image/png"]
    assert sorted(p.suffix for p in stored_files(app)) == [".mp4", ".png"]


def test_a_video_in_the_uploads_temporary_file_is_stored_from_there(app, tmp_path):
    """The page hands the service the upload's open file, as Reflex spooled it to disk."""
    d = deal()
    video = mp4(media=b"\x01" * (3 * 1024 * 1024))
    (tmp_path / "spooled").write_bytes(video)
    with (tmp_path / "spooled").open("rb") as handle:
        sid = submit(d, files=[("reel.mp4", handle)])
    [media] = rows(SubmissionMedia, submission_id=sid)
    assert media.content_type == "video/mp4" and media.size_bytes == len(video)
    assert [p.read_bytes() for p in stored_files(app)] == [video]


@pytest.mark.parametrize("name,data,message", [
    ("holiday.png", mp4(), "is a video, but its name says .png"),
    ("reel.mp4", zip_bytes(), "is not an MP4 video"),
    ("bomb.png", png_header(30_000, 30_000), "too large"),
    ("notes.pdf", b"%PDF-1.7 not a picture", "Only PNG, JPEG or WebP photos and MP4 videos"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "could not be read"),
], ids=["video-renamed-png", "zip-renamed-mp4", "30000x30000-png", "pdf", "truncated-jpeg"])
def test_bad_files_are_refused_by_name_and_nothing_is_kept(app, name, data, message):
    d = deal()
    with pytest.raises(ServiceError, match=message) as refused:
        submit(d, files=[("good.jpg", photo()), (name, data)])
    assert name in refused.value.message and refused.value.field == "files"
    assert status_of(d.id) is CollaborationStatus.VISITED
    assert rows(ContentSubmission, collaboration_id=d.id) == []
    assert stored_files(app) == []


@pytest.mark.parametrize("fields,message", [
    ({"content_urls": ["javascript:alert(1)"]}, "http:// or https://"),
    ({"content_urls": ["https://user:pw@evil.example/"]}, "http:// or https://"),
    ({"content_urls": [f"https://example.com/{i}" for i in range(11)]}, "at most 10 links"),
    ({"caption": "x" * 2201}, "under 2,200 characters"),
    ({"platform": "MYSPACE"}, "Choose a platform"),
    ({"platform_post_id": "<script>"}, "post id"),
    ({"paid_partnership": "yes"}, "yes or no"),
    ({"files": []}, "at least one photo or video"),
], ids=["script-link", "credentials-link", "11-links", "long-caption", "platform", "post-id", "flag", "nothing"])
def test_bad_form_fields_are_refused_and_change_nothing(app, fields, message):
    d = deal()
    with pytest.raises(ServiceError, match=message):
        submit(d, **fields)
    assert status_of(d.id) is CollaborationStatus.VISITED and stored_files(app) == []


@pytest.mark.parametrize("who", ["business", "other_creator", "admin"])
def test_only_the_collaborations_creator_may_submit(app, who):
    d = deal()
    actor = {"business": d.business, "other_creator": make_user(),
             "admin": make_user(UserType.BUSINESS, admin=True)}[who]
    with pytest.raises(NotAllowed) as refused:
        call(submissions.submit_content, actor, d.id, [("a.jpg", photo())], [], {"INSTAGRAM": CAPTION})
    if who == "other_creator":
        assert refused.value.message == "We could not find that collaboration."
    assert rows(ContentSubmission, collaboration_id=d.id) == [] and stored_files(app) == []


def test_content_cannot_be_submitted_before_the_visit_or_twice(app):
    early = deal(visited=False)
    with pytest.raises(ServiceError, match="You cannot submit content for this collaboration: it is accepted"):
        submit(early)
    d = deal()
    submit(d)
    with pytest.raises(ServiceError, match="it is content submitted"):
        submit(d)
    assert len(rows(ContentSubmission, collaboration_id=d.id)) == 1 and len(stored_files(app)) == 1


# ---- reviewing --------------------------------------------------------------------------------


def test_request_changes_returns_the_collaboration_for_a_new_version_and_keeps_the_old_one(app):
    d = deal()
    first = submit(d, caption=BARE_CAPTION)
    call(submissions.start_review, d.business, first)
    assert status_of(d.id) is CollaborationStatus.IN_REVIEW
    call(submissions.request_changes, d.business, first, NOTES)
    old = submission(first)
    assert (old.status, old.reviewer_notes, old.reviewed_by) == (SubmissionStatus.REJECTED, NOTES, d.business.id)
    assert status_of(d.id) is CollaborationStatus.VISITED
    [note] = rows(Notification, user_id=d.creator.id, type=NotificationType.CONTENT_CHANGES_REQUESTED)
    assert NOTES in note.content
    second = submit(d)
    versions = call(submissions.list_versions, d.business, d.id)
    assert [(v.version, v.status_label, v.is_latest) for v in versions] == [
        (2, "Submitted", True), (1, "Changes requested", False)]
    assert versions[1].reviewer_notes == NOTES and len(versions[1].media) == 1  # the old media stays
    assert "approve" in versions[0].actions and versions[1].actions in ([], ["retry_analysis"])
    with pytest.raises(ServiceError, match="newer version"):
        call(submissions.approve, d.business, first)
    call(submissions.approve, d.business, second)
    assert submission(second).status is SubmissionStatus.APPROVED


@pytest.mark.parametrize("notes", ["", "ok", "x" * 2001, None, 12345])
def test_request_changes_needs_notes_of_5_to_2000_characters(app, notes):
    d = deal()
    sid = submit(d)
    with pytest.raises(ServiceError, match="5 to 2,000 characters"):
        call(submissions.request_changes, d.business, sid, notes)
    assert submission(sid).status is SubmissionStatus.SUBMITTED
    assert status_of(d.id) is CollaborationStatus.CONTENT_SUBMITTED


@pytest.mark.parametrize("who", ["creator", "other_business", "admin"])
def test_only_the_business_may_approve_or_request_changes(app, who):
    d = deal()
    sid = submit(d)
    actor = {"creator": d.creator, "other_business": make_user(UserType.BUSINESS),
             "admin": make_user(UserType.BUSINESS, admin=True)}[who]
    for decide, args in ((submissions.approve, ()), (submissions.request_changes, (NOTES,)),
                         (submissions.start_review, ())):
        with pytest.raises(NotAllowed) as refused:
            call(decide, actor, sid, *args)
        if who == "other_business":
            assert refused.value.message == "We could not find that submission."
    assert submission(sid).status is SubmissionStatus.SUBMITTED
    assert status_of(d.id) is CollaborationStatus.CONTENT_SUBMITTED


def test_approval_stamps_the_review_and_the_collaboration_and_tells_the_creator(app):
    d = deal()
    sid = submit(d)
    call(submissions.approve, d.business, sid)  # straight from CONTENT_SUBMITTED: the review starts first
    row = submission(sid)
    assert (row.status, row.reviewed_by) == (SubmissionStatus.APPROVED, d.business.id) and row.reviewed_at
    with database.session_scope() as db:
        collab = db.get(Collaboration, d.id)
        assert collab.status is CollaborationStatus.IN_REVIEW and collab.approved_at is not None
    actions = [e.action for e in rows(CollaborationEvent, collaboration_id=d.id)]
    assert actions[-3:] == ["submit_content", "start_review", "approve"]
    assert len(rows(Notification, user_id=d.creator.id, type=NotificationType.CONTENT_APPROVED)) == 1


def test_approval_is_refused_from_the_wrong_state(app):
    d = deal()
    sid = submit(d)
    call(submissions.approve, d.business, sid)
    with pytest.raises(ServiceError, match="approve this submission: it is approved"):
        call(submissions.approve, d.business, sid)
    with pytest.raises(ServiceError):
        call(submissions.request_changes, d.business, sid, NOTES)
    disputed = deal()
    other = submit(disputed)
    call(collaborations.open_dispute, disputed.creator, disputed.id, "The business stopped answering.")
    with pytest.raises(ServiceError, match="disputed"):
        call(submissions.approve, disputed.business, other)
    assert submission(other).status is SubmissionStatus.SUBMITTED


def test_twenty_concurrent_approvals_make_one_transition(app):
    d = deal()
    sid = submit(d)
    call(submissions.start_review, d.business, sid)
    barrier, outcomes = threading.Barrier(20), []

    def click() -> None:
        barrier.wait()
        try:
            call(submissions.approve, d.business, sid)
            outcomes.append("approved")
        except ServiceError as refusal:
            outcomes.append(refusal.message)

    threads = [threading.Thread(target=click) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("approved") == 1 and len(outcomes) == 20
    assert [e.action for e in rows(CollaborationEvent, collaboration_id=d.id)].count("approve") == 1
    assert len(rows(Notification, user_id=d.creator.id, type=NotificationType.CONTENT_APPROVED)) == 1


def test_versions_are_read_by_the_parties_and_admins_only(app):
    d = deal()
    sid = submit(d)
    admin = make_user(UserType.BUSINESS, admin=True)
    for reader in (d.creator, d.business, admin):
        assert [v.id for v in call(submissions.list_versions, reader, d.id)] == [str(sid)]
        assert call(submissions.get_submission, reader, sid).version == 1
    for outsider in (make_user(), make_user(UserType.BUSINESS)):
        with pytest.raises(NotAllowed, match="could not find"):
            call(submissions.list_versions, outsider, d.id)
        with pytest.raises(NotAllowed, match="could not find"):
            call(submissions.get_submission, outsider, sid)
    with pytest.raises(NotAllowed, match="Log in"):
        call(submissions.list_versions, None, d.id)


# ---- the analysis -----------------------------------------------------------------------------


def test_the_local_analysis_runs_after_submitting_and_stores_the_briefs_fields(app):
    finished: list[uuid.UUID] = []
    hear = lambda event: finished.append(event.submission_id)  # noqa: E731
    events.subscribe(AnalysisFinished, hear)
    try:
        d = deal()
        sid = submit(d, caption=CAPTION)
        settle()
    finally:
        events.unsubscribe(AnalysisFinished, hear)
    row = submission(sid)
    assert row.analysis_status is AnalysisStatus.DONE and finished == [sid]
    result = row.ai_analysis
    assert set(result) == BRIEF_FIELDS
    assert result["hashtags_found"] == ["#CafeAurora"] and result["mentions_found"] == ["@cafe.aurora"]
    assert result["compliance_percentage"] == 100 and result["disclosure_found"] is True
    assert 1 <= result["quality_rating"] <= 10 and 1 <= result["relevance_rating"] <= 10
    expected = 100 * 0.5 + result["quality_rating"] * 10 * 0.25 + result["relevance_rating"] * 10 * 0.25
    assert row.ai_score == pytest.approx(expected) == result["ai_score"]
    assert row.passed_requirements is True
    view = call(submissions.get_submission, d.business, sid)
    assert view.analysis["hashtags_missing"] == [] and view.analysis_error is None


def test_missing_hashtags_and_disclosure_fail_the_requirements_but_not_the_submission(app):
    d = deal()
    sid = submit(d, caption=BARE_CAPTION)
    settle()
    row = submission(sid)
    assert row.analysis_status is AnalysisStatus.DONE and row.passed_requirements is False
    assert row.ai_analysis["hashtags_missing"] == ["#CafeAurora"]
    assert row.ai_analysis["mentions_missing"] == ["@cafe.aurora"]
    assert row.ai_analysis["disclosure_found"] is False
    call(submissions.approve, d.business, sid)  # the business decides, whatever the analysis says


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_failed_analysis_is_kept_as_failed_and_can_be_retried_once_fixed(app, settings_env):
    settings_env.set(OPENAI_API_KEY="test-key-not-real", OPENAI_BASE_URL=f"http://127.0.0.1:{closed_port()}/v1")
    d = deal()
    sid = submit(d)
    settle()
    row = submission(sid)
    assert row.analysis_status is AnalysisStatus.FAILED
    assert row.ai_analysis == {"error": "The AI service could not be reached. Try again later."}
    assert row.ai_score is None and row.status is SubmissionStatus.SUBMITTED
    view = call(submissions.get_submission, d.creator, sid)
    assert view.analysis_error == row.ai_analysis["error"] and "retry_analysis" in view.actions
    with pytest.raises(NotAllowed):
        call(analysis.retry_analysis, make_user(), sid)
    settings_env.set(OPENAI_API_KEY=None, OPENAI_BASE_URL=None)  # back to the local analyzer
    call(analysis.retry_analysis, d.business, sid)
    settle()
    fixed = submission(sid)
    assert fixed.analysis_status is AnalysisStatus.DONE and fixed.ai_analysis["compliance_percentage"] == 100
    with pytest.raises(ServiceError, match="nothing to retry"):
        call(analysis.retry_analysis, d.creator, sid)


def test_an_analysis_lost_in_a_restart_can_be_retried_but_a_running_one_cannot(app):
    d = deal()
    sid = submit(d)
    settle()

    def put(started_minutes_ago: int) -> None:
        """As a worker that died mid-analysis leaves the row."""
        with database.session_scope() as db:
            row = db.get(ContentSubmission, sid)
            row.analysis_status = AnalysisStatus.RUNNING
            row.analysis_started_at = datetime.now(timezone.utc) - timedelta(minutes=started_minutes_ago)

    put(1)
    with pytest.raises(ServiceError, match="nothing to retry"):
        call(analysis.retry_analysis, d.creator, sid)
    put(11)
    assert "retry_analysis" in call(submissions.get_submission, d.creator, sid).actions
    call(analysis.retry_analysis, d.creator, sid)
    settle()
    assert submission(sid).analysis_status is AnalysisStatus.DONE


def test_the_review_goes_on_while_the_analysis_has_failed(app, settings_env):
    settings_env.set(OPENAI_API_KEY="test-key-not-real", OPENAI_BASE_URL=f"http://127.0.0.1:{closed_port()}/v1")
    d = deal()
    sid = submit(d)
    settle()
    call(submissions.request_changes, d.business, sid, NOTES)
    assert status_of(d.id) is CollaborationStatus.VISITED


def test_the_pre_check_analyses_a_draft_and_stores_nothing(app):
    d = deal()
    result = analysis.precheck(d.creator, d.id, [("draft.jpg", photo())], {"INSTAGRAM": BARE_CAPTION},
                               "INSTAGRAM", False)
    assert result.hashtags_missing == ["#CafeAurora"] and result.disclosure_found is False
    assert any("#CafeAurora" in s for s in result.suggestions)
    fixed = analysis.precheck(d.creator, d.id, [photo()], {"INSTAGRAM": BARE_CAPTION + " #CafeAurora @cafe.aurora"},
                              "INSTAGRAM", True)
    assert fixed.compliance_percentage == 100 and fixed.disclosure_found is True  # the paid-partnership label
    assert rows(ContentSubmission, collaboration_id=d.id) == [] and stored_files(app) == []
    assert status_of(d.id) is CollaborationStatus.VISITED
    for outsider in (d.business, make_user()):
        with pytest.raises(NotAllowed):
            analysis.precheck(outsider, d.id, [], {"INSTAGRAM": CAPTION}, "INSTAGRAM", False)
    with pytest.raises(ServiceError, match="too large"):
        analysis.precheck(d.creator, d.id, [("bomb.png", png_header(30_000, 30_000))], {}, "INSTAGRAM", False)


def test_twenty_analyses_per_hour_then_the_pre_check_is_refused_and_a_submission_keeps_its_content(app):
    d = deal()
    for _ in range(20):
        analysis.precheck(d.creator, d.id, [], {"INSTAGRAM": CAPTION}, "INSTAGRAM", False)
    with pytest.raises(ServiceError, match="limit of 20 content analyses per hour"):
        analysis.precheck(d.creator, d.id, [], {"INSTAGRAM": CAPTION}, "INSTAGRAM", False)
    sid = submit(d)
    settle()
    row = submission(sid)
    assert row.status is SubmissionStatus.SUBMITTED and status_of(d.id) is CollaborationStatus.CONTENT_SUBMITTED
    assert row.analysis_status is AnalysisStatus.FAILED and "limit of 20" in row.ai_analysis["error"]


# ---- the private media route ------------------------------------------------------------------


def session_cookie(actor: Actor) -> str:
    token, _record = sessions.open_session(actor.id, remember=False, user_agent="pytest",
                                           ip_address="127.0.0.1")
    return token


def fetch(path: str, token: str | None = None) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=Starlette(routes=media_routes.routes))
        cookies = {sessions.COOKIE_NAME: token} if token else None
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", cookies=cookies) as client:
            return await client.get(path)

    return asyncio.run(go())


def test_media_is_served_to_the_two_parties_and_admins_only(app):
    x, y = deal(), deal()
    sid = submit(x)
    submit(y)
    url = call(submissions.get_submission, x.creator, sid).media[0].url
    for reader in (x.creator, x.business, make_user(UserType.BUSINESS, admin=True)):
        response = fetch(url, session_cookie(reader))
        assert response.status_code == 200 and response.content[:3] == b"\xff\xd8\xff"
        assert response.headers["content-type"] == "image/jpeg"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "private, no-store"
        assert response.headers["content-disposition"] == "inline"
    missing = url.rsplit("/", 1)[0] + "/" + "A" * 22 + ".jpg"
    refused = [fetch(url, session_cookie(y.creator)), fetch(url, session_cookie(y.business)), fetch(url),
               fetch(url, "not-a-session"), fetch(missing, session_cookie(x.creator))]
    assert [r.status_code for r in refused] == [404] * 5
    assert len({r.content for r in refused}) == 1  # a refused file and a missing one look the same
    assert CAMERA_MAKE.encode() not in fetch(url, session_cookie(x.business)).content


def test_media_route_refuses_paths_outside_the_folder(app):
    d = deal()
    submit(d)
    token = session_cookie(d.creator)
    for path in ("/media/submissions/..%2F..%2Fsecret_key", "/media/submissions/%2e%2e", "/media/submissions/x.jpg",
                 "/media/submissions/" + stored_files(app)[0].stem + ".txt"):
        assert fetch(path, token).status_code == 404


def test_a_video_can_be_played_and_sought(app):
    d = deal()
    sid = submit(d, files=[("reel.mp4", mp4())])
    url = call(submissions.get_submission, d.business, sid).media[0].url
    token = session_cookie(d.business)

    async def ranged() -> httpx.Response:
        transport = httpx.ASGITransport(app=Starlette(routes=media_routes.routes))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1",
                                     cookies={sessions.COOKIE_NAME: token}) as client:
            return await client.get(url, headers={"Range": "bytes=4-7"})

    response = asyncio.run(ranged())
    assert response.status_code == 206 and response.content == b"ftyp"
    assert response.headers["content-type"] == "video/mp4"
    assert not rows(SubmissionMedia, submission_id=sid)[0].storage_key.endswith(".png")
