"""/api/v1/applications: a creator applies and withdraws; the offer's business lists, opens,
accepts (starting a collaboration) or rejects. Rules: services/applications.py."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from influfinder.api.v1.door import Caller, SignedIn
from influfinder.api.v1.idempotency import IdempotencyKey, create_once
from influfinder.api.v1.pagination import CursorQuery, Paged, page_answer, page_of
from influfinder.api.v1.problems import RESPONSES
from influfinder.api.v1.schemas import examples, object_id, then_read
from influfinder.domain.enums import ApplicationStatus
from influfinder.services import applications
from influfinder.services.application_views import ApplicantRow, ApplicationDetail, MyApplicationRow

router = APIRouter(tags=["applications"], responses=RESPONSES)


class Apply(BaseModel):
    model_config = examples({"offer_id": "4f6c1f9e-3f5e-4c1e-9f59-0c9b1f1f2a10",
                             "message": "I film food every week and my audience is in Madrid.",
                             "proposed_fee": "180.00", "links": ["https://instagram.com/p/abc"]})
    offer_id: uuid.UUID
    # The rest is the application form, checked by the service with the page's messages.
    message: Any = Field(default="", json_schema_extra={"type": "string", "minLength": 20, "maxLength": 2000})
    proposed_fee: Any = Field(default=None, json_schema_extra={"anyOf": [{"type": "number"}, {"type": "string"},
                                                                         {"type": "null"}]})
    links: Any = Field(default_factory=list, json_schema_extra={"type": "array", "maxItems": 5,
                                                                "items": {"type": "string", "format": "uri"}})


class Review(BaseModel):
    model_config = examples({"decision": "accept", "agreed_fee": "200.00"}, {"decision": "reject",
                                                                              "reason": "We need TikTok this time."})
    decision: Literal["open", "accept", "reject"]
    agreed_fee: Decimal | None = Field(default=None, description="accept: the fee agreed (default: the proposed one).")
    reason: str = Field(default="", max_length=2000, description="reject: why, shown to the creator.")


class Reviewed(BaseModel):
    application: ApplicationDetail
    collaboration_id: str | None = None


class MyApplicationPage(Paged[MyApplicationRow]):
    counts: dict[str, int]


class ApplicantPage(Paged[ApplicantRow]):
    pass


def _apply(db, actor, body: Apply) -> ApplicationDetail:
    form = body.model_dump(mode="json", exclude={"offer_id"})
    application_id = applications.apply(db, actor, body.offer_id, form)
    return applications.get_application(db, actor, application_id)


@router.post("/applications", status_code=201, response_model=ApplicationDetail, summary="Apply to an offer")
async def apply(request: Request, body: Apply, caller: Caller = SignedIn,
                idempotency_key: str | None = IdempotencyKey) -> JSONResponse:
    return await create_once(request, caller, idempotency_key, "/api/v1/applications/{id}", _apply, body)


@router.get("/applications", response_model=MyApplicationPage, summary="The creator's own applications")
async def mine(request: Request, status: ApplicationStatus | None = Query(default=None),
               cursor: str | None = CursorQuery, caller: Caller = SignedIn) -> dict:
    page = page_of(cursor)
    found = await caller.run(applications.my_applications, status, page, 20)
    return page_answer(request, page, found.page, counts=found.counts)


@router.get("/offers/{offer_id}/applications", response_model=ApplicantPage,
            summary="An offer's applications, for its business (Legend creators first)")
async def for_offer(request: Request, offer_id: uuid.UUID = object_id("offer"),
                    status: ApplicationStatus | None = Query(default=None), cursor: str | None = CursorQuery,
                    caller: Caller = SignedIn) -> dict:
    page = page_of(cursor)
    return page_answer(request, page, await caller.run(applications.list_for_offer, offer_id, status, page, 20))


@router.get("/applications/{application_id}", response_model=ApplicationDetail, summary="One application")
async def detail(application_id: uuid.UUID = object_id("application"), caller: Caller = SignedIn) -> ApplicationDetail:
    return await caller.run(applications.get_application, application_id)


def _review(db, actor, application_id: uuid.UUID, review: Review) -> dict:
    collaboration_id = None
    if review.decision == "open":
        return {"application": applications.open_application(db, actor, application_id)}
    if review.decision == "accept":
        collaboration_id = str(applications.accept(db, actor, application_id, review.agreed_fee))
    else:
        applications.reject(db, actor, application_id, review.reason)
    return {"application": applications.get_application(db, actor, application_id),
            "collaboration_id": collaboration_id}


@router.post("/applications/{application_id}/review", response_model=Reviewed,
             summary="The business opens, accepts (a collaboration starts) or rejects an application")
async def review(application_id: uuid.UUID = object_id("application"), body: Review = Body(),
                 caller: Caller = SignedIn) -> dict:
    return await caller.run(_review, application_id, body)


_withdraw = then_read(applications.withdraw, applications.get_application)


@router.post("/applications/{application_id}/withdraw", response_model=ApplicationDetail,
             summary="The creator withdraws an application still undecided")
async def withdraw(application_id: uuid.UUID = object_id("application"), caller: Caller = SignedIn) -> ApplicationDetail:
    return await caller.run(_withdraw, application_id)
