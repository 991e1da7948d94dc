"""/api/v1/collaborations: the parties' collaborations, the visit (schedule, confirm, mark visited),
calling it off (cancel, dispute) and rating. Rules: services/collaborations.py and ratings.py."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field

from influfinder.api.v1.door import Caller, SignedIn
from influfinder.api.v1.pagination import CursorQuery, Paged, page_answer, page_of
from influfinder.api.v1.problems import RESPONSES
from influfinder.api.v1.schemas import examples, object_id, then_read
from influfinder.domain.enums import CollaborationStatus
from influfinder.services import collaboration_views, collaborations, ratings
from influfinder.services.collaboration_views import CollaborationDetail, CollaborationRow, TimelineEntry

router = APIRouter(prefix="/collaborations", tags=["collaborations"], responses=RESPONSES)


class CollaborationPage(Paged[CollaborationRow]):
    counts: dict[str, int]


class Schedule(BaseModel):
    model_config = examples({"visit_date": "2026-12-12T13:30:00+01:00", "note": "Lunch time suits the kitchen."})
    visit_date: datetime = Field(description="ISO 8601; without a zone it is read as UTC.")
    note: str = Field(default="", max_length=2000)


class Visit(BaseModel):
    model_config = examples({"code": "K7P2QX"}, {"note": "She came on Friday; the code app was down."})
    code: str | None = Field(default=None, max_length=32, description="The creator's visit code; leave out to mark by hand.")
    note: str = Field(default="", max_length=2000, description="By hand: what happened.")


class Reason(BaseModel):
    model_config = examples({"reason": "The restaurant closed for works."})
    reason: str = Field(max_length=2000)


class Rating(BaseModel):
    model_config = examples({"stars": 5, "feedback": "On time, lovely reel."})
    stars: int = Field(ge=1, le=5)
    feedback: str = Field(default="", max_length=2000)


class VisitCode(BaseModel):
    model_config = examples({"code": "K7P2QX"})
    code: str | None = Field(description="Null until the visit date is confirmed, and after the visit.")


@router.get("", response_model=CollaborationPage, summary="The caller's collaborations, as creator or business")
async def mine(request: Request, status: CollaborationStatus | None = Query(default=None),
               cursor: str | None = CursorQuery, caller: Caller = SignedIn) -> dict:
    page = page_of(cursor)
    found = await caller.run(collaboration_views.list_my_collaborations, status, page, 20)
    return page_answer(request, page, found.page, counts=found.counts)


@router.get("/{collaboration_id}", response_model=CollaborationDetail, summary="One collaboration, for its parties")
async def detail(collaboration_id: uuid.UUID = object_id("collaboration"), caller: Caller = SignedIn) -> CollaborationDetail:
    return await caller.run(collaboration_views.get_collaboration, collaboration_id)


@router.get("/{collaboration_id}/timeline", response_model=list[TimelineEntry], summary="What happened, oldest first")
async def timeline(collaboration_id: uuid.UUID = object_id("collaboration"), caller: Caller = SignedIn) -> list:
    return await caller.run(collaboration_views.timeline, collaboration_id)


@router.get("/{collaboration_id}/visit-code", response_model=VisitCode, summary="The creator's visit code")
async def visit_code(collaboration_id: uuid.UUID = object_id("collaboration"), caller: Caller = SignedIn) -> dict:
    return {"code": await caller.run(collaborations.visit_code_for_creator, collaboration_id)}


def _then_detail(action):
    return then_read(action, collaboration_views.get_collaboration)


_schedule = _then_detail(collaborations.schedule_visit)
_confirm = _then_detail(collaborations.confirm_visit)
_visit_by_code = _then_detail(collaborations.mark_visited_by_code)
_visit_by_hand = _then_detail(collaborations.mark_visited_by_hand)
_cancel = _then_detail(collaborations.cancel)
_dispute = _then_detail(collaborations.open_dispute)
_rate = _then_detail(ratings.rate)


@router.post("/{collaboration_id}/schedule", response_model=CollaborationDetail,
             summary="Propose a visit date (the creator first; then either party may propose another)")
async def schedule(collaboration_id: uuid.UUID = object_id("collaboration"), body: Schedule = Body(),
                   caller: Caller = SignedIn) -> CollaborationDetail:
    return await caller.run(_schedule, collaboration_id, body.visit_date, body.note)


@router.post("/{collaboration_id}/confirm", response_model=CollaborationDetail,
             summary="Confirm the date the other party proposed (the creator's visit code is issued)")
async def confirm(collaboration_id: uuid.UUID = object_id("collaboration"), caller: Caller = SignedIn) -> CollaborationDetail:
    return await caller.run(_confirm, collaboration_id)


@router.post("/{collaboration_id}/visit", response_model=CollaborationDetail,
             summary="The business marks the visit: with the creator's code, or by hand with a note")
async def visit(collaboration_id: uuid.UUID = object_id("collaboration"), body: Visit = Body(),
                caller: Caller = SignedIn) -> CollaborationDetail:
    if body.code is not None:
        return await caller.run(_visit_by_code, collaboration_id, body.code)
    return await caller.run(_visit_by_hand, collaboration_id, body.note)


@router.post("/{collaboration_id}/cancel", response_model=CollaborationDetail, summary="Call it off before the visit")
async def cancel(collaboration_id: uuid.UUID = object_id("collaboration"), body: Reason = Body(),
                 caller: Caller = SignedIn) -> CollaborationDetail:
    return await caller.run(_cancel, collaboration_id, body.reason)


@router.post("/{collaboration_id}/dispute", response_model=CollaborationDetail, summary="Open a dispute for our team")
async def dispute(collaboration_id: uuid.UUID = object_id("collaboration"), body: Reason = Body(),
                  caller: Caller = SignedIn) -> CollaborationDetail:
    return await caller.run(_dispute, collaboration_id, body.reason)


@router.post("/{collaboration_id}/rate", response_model=CollaborationDetail,
             summary="Rate the other party once the content is approved")
async def rate(collaboration_id: uuid.UUID = object_id("collaboration"), body: Rating = Body(),
               caller: Caller = SignedIn) -> CollaborationDetail:
    return await caller.run(_rate, collaboration_id, body.stars, body.feedback)
