"""/api/v1/submissions: the creator sends content (multipart: photos, MP4 videos, links); the
business reviews it (start, approve, request changes); either party retries a failed analysis.
Rules: services/submissions.py, submission_checks.py and analysis.py."""

from __future__ import annotations

import hashlib
import uuid

from fastapi import APIRouter, Body, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from influfinder.api.v1.door import Caller, SignedIn
from influfinder.api.v1.idempotency import IdempotencyKey, create_once
from influfinder.api.v1.problems import RESPONSES, TOO_LARGE, ProblemError
from influfinder.api.v1.schemas import examples, object_id, then_read
from influfinder.domain.enums import Platform
from influfinder.services import analysis, submission_checks, submissions
from influfinder.services.submissions import SubmissionView

router = APIRouter(tags=["submissions"], responses=RESPONSES)


class Notes(BaseModel):
    model_config = examples({"notes": "Please tag @cafe_aurora in the first frame and add #ad."})
    notes: str = Field(max_length=4000)


async def _files(uploads: list[UploadFile]) -> list[tuple[str, bytes]]:
    """The uploads for the service's checks; too many or too large is refused before reading them."""
    if len(uploads) > submission_checks.MAX_FILES:
        raise ProblemError(422, f"Send at most {submission_checks.MAX_FILES} files at a time.", field="files")
    if sum(upload.size or 0 for upload in uploads) > submission_checks.MAX_TOTAL_BYTES:
        raise ProblemError(413, "The files add up to more than 300 MB.", field="files")
    return [(upload.filename or "", await upload.read()) for upload in uploads]


def _submit(db, actor, collaboration_id: uuid.UUID, files, urls: list[str], captions: dict, platform: str,
            post_id: str | None, paid: bool) -> SubmissionView:
    submission_id = submissions.submit_content(db, actor, collaboration_id, files, urls, captions, platform,
                                               post_id, paid)
    return submissions.get_submission(db, actor, submission_id)


@router.post("/submissions", status_code=201, response_model=SubmissionView, responses=TOO_LARGE,
             summary="The creator submits a collaboration's content (a new version after requested changes)")
async def submit(request: Request, collaboration_id: uuid.UUID = Form(description="The collaboration's id."),
                 files: list[UploadFile] = File(default=[], description="Photos (PNG, JPEG, WebP) and MP4 videos"),
                 content_urls: list[str] = Form(default=[], description="Links to the published posts"),
                 caption: str = Form(default="", max_length=2200), platform: Platform = Form(default=Platform.INSTAGRAM),
                 platform_post_id: str | None = Form(default=None, max_length=200),
                 paid_partnership: bool = Form(default=False), caller: Caller = SignedIn,
                 idempotency_key: str | None = IdempotencyKey) -> JSONResponse:
    data = await _files(files)
    captions = {platform.value: caption} if caption.strip() else {}

    fingerprint = "\n".join([str(collaboration_id), *content_urls, caption, platform.value, str(platform_post_id),
                             str(paid_partnership), *(hashlib.sha256(d).hexdigest() for _, d in data)])
    return await create_once(request, caller, idempotency_key, "/api/v1/submissions/{id}", _submit, collaboration_id,
                             data, content_urls, captions, platform.value, platform_post_id or None, paid_partnership,
                             content=fingerprint.encode())


@router.get("/collaborations/{collaboration_id}/submissions", response_model=list[SubmissionView],
            summary="Every version of a collaboration's content, newest first")
async def versions(collaboration_id: uuid.UUID = object_id("collaboration"), caller: Caller = SignedIn) -> list:
    return await caller.run(submissions.list_versions, collaboration_id)


@router.get("/submissions/{submission_id}", response_model=SubmissionView, summary="One version of the content")
async def detail(submission_id: uuid.UUID = object_id("submission"), caller: Caller = SignedIn) -> SubmissionView:
    return await caller.run(submissions.get_submission, submission_id)


def _then_view(action):
    return then_read(action, submissions.get_submission)


_start = _then_view(submissions.start_review)
_approve = _then_view(submissions.approve)
_request_changes = _then_view(submissions.request_changes)
_analyze = _then_view(analysis.retry_analysis)


@router.post("/submissions/{submission_id}/start-review", response_model=SubmissionView,
             summary="The business opens the content for review")
async def start_review(submission_id: uuid.UUID = object_id("submission"), caller: Caller = SignedIn) -> SubmissionView:
    return await caller.run(_start, submission_id)


@router.post("/submissions/{submission_id}/approve", response_model=SubmissionView,
             summary="The business approves the content; both parties may then rate")
async def approve(submission_id: uuid.UUID = object_id("submission"), caller: Caller = SignedIn) -> SubmissionView:
    return await caller.run(_approve, submission_id)


@router.post("/submissions/{submission_id}/reject", response_model=SubmissionView,
             summary="The business rejects this version with notes; the creator sends a new one")
async def request_changes(submission_id: uuid.UUID = object_id("submission"), body: Notes = Body(),
                          caller: Caller = SignedIn) -> SubmissionView:
    return await caller.run(_request_changes, submission_id, body.notes)


@router.post("/submissions/{submission_id}/analyze-ai", status_code=202, response_model=SubmissionView,
             summary="Run the AI analysis again after it failed (it runs by itself on every new version)")
async def analyze(submission_id: uuid.UUID = object_id("submission"), caller: Caller = SignedIn) -> SubmissionView:
    return await caller.run(_analyze, submission_id)
