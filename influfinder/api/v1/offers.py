"""/api/v1/offers: browse with the Browse page's filters, the public offer, and the business's own
offers: create, change, publish, pause, resume, archive. Rules: services/offer_management.py,
services/offer_search.py, services/offers.py."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse, Response

from influfinder.api.v1.door import Anyone, Caller, SignedIn
from influfinder.api.v1.idempotency import IdempotencyKey, create_once
from influfinder.api.v1.pagination import CursorQuery, Paged, page_answer, page_of
from influfinder.api.v1.problems import RESPONSES
from influfinder.api.v1.schemas import DOCUMENTED, as_json, object_id, service_body, then_read
from influfinder.domain.enums import OfferStatus
from influfinder.domain.offer_rules import OfferInput
from influfinder.services import offer_management, offer_search, offers
from influfinder.services.offer_filters import OfferSearch
from influfinder.services.offer_management import MyOfferRow, OwnerOffer
from influfinder.services.offers import OfferDetail, OfferSummary

router = APIRouter(prefix="/offers", tags=["offers"], responses=RESPONSES)
NOT_MODIFIED = {304: {"description": "Not modified since the ETag sent in If-None-Match."}}


OFFER_EXAMPLE = {
    "title": "Brunch tasting for two", "description": "Come to Café Aurora, try the menu and film a reel.",
    "category": "FOOD", "platforms": ["INSTAGRAM"], "budget_min": "150", "budget_max": "300", "currency": "EUR",
    "compensation_type": "PAID", "requirements": {"regular": {"min_followers": 500, "min_engagement": 1.5}},
    "content_specs": {"formats": ["REEL"], "required_hashtags": ["#ad"], "required_mentions": ["@cafe"]},
    "application_deadline": "2026-12-20T23:00:00Z", "content_deadline": "2027-01-10T23:00:00Z",
    "requires_visit": True, "city": "Madrid", "address": "Calle Mayor 1", "slots": 2, "min_tier": 0,
}


def _browse_parameters() -> list[dict]:
    """Browse's filters as query parameters, described by the service's own model (minus its page)."""
    schema = OfferSearch.model_json_schema(ref_template="#/components/schemas/{model}")
    DOCUMENTED.update(schema.pop("$defs", {}))
    parameters = []
    for name, field in schema["properties"].items():
        if name == "page":
            continue
        # A query parameter is left out rather than null: document the non-null choice alone.
        choices = [c for c in field.pop("anyOf", []) if c.get("type") != "null"]
        field.pop("default", None)
        parameters.append({"name": name, "in": "query", "required": False, "schema": {**field, **choices[0]}
                           if choices else field})
    return parameters


class OfferPage(Paged[OfferSummary]):
    pass


class MyOfferPage(Paged[MyOfferRow]):
    counts: dict[str, int]
    views: dict[str, int]


def _browse(db, actor, params: dict) -> offer_search.SearchPage:
    return offer_search.search_offers(db, actor, OfferSearch.from_query_params(params))


@router.get("", response_model=OfferPage, summary="Browse active offers (the Browse page's filters)",
            openapi_extra={"parameters": _browse_parameters()})
async def browse(request: Request, cursor: str | None = CursorQuery, caller: Caller = Anyone) -> dict:
    params = {k: v for k, v in request.query_params.items() if k in OfferSearch.model_fields and k != "page"}
    page = page_of(cursor)
    return page_answer(request, page, await caller.run(_browse, {**params, "page": str(page)}))


def _create(db, actor, raw: Any) -> OwnerOffer:
    offer_id = offer_management.create_draft(db, actor, raw)
    return offer_management.get_offer_for_owner(db, actor, offer_id)


@router.post("", status_code=201, response_model=OwnerOffer, openapi_extra=service_body(OfferInput, OFFER_EXAMPLE),
             summary="Create an offer (a draft; publish it when complete)")
async def create(request: Request, body: Any = Body(), caller: Caller = SignedIn,
                 idempotency_key: str | None = IdempotencyKey) -> JSONResponse:
    return await create_once(request, caller, idempotency_key, "/api/v1/offers/me/created/{id}", _create, body)


@router.get("/me/created", response_model=MyOfferPage, summary="The business's own offers, any status")
async def my_offers(request: Request, status: OfferStatus | None = Query(default=None),
                    cursor: str | None = CursorQuery, caller: Caller = SignedIn) -> dict:
    page = page_of(cursor)
    mine = await caller.run(offer_management.my_offers, status, page, 20)
    return page_answer(request, page, mine.page, counts=mine.counts, views=mine.views)


@router.get("/me/created/{offer_id}", response_model=OwnerOffer, summary="One of the business's offers, any status")
async def my_offer(offer_id: uuid.UUID = object_id("offer"), caller: Caller = SignedIn) -> OwnerOffer:
    return await caller.run(offer_management.get_offer_for_owner, offer_id)


@router.get("/{offer_id}", response_model=OfferDetail, responses=NOT_MODIFIED,
            summary="An active offer's public page (ETag: send If-None-Match to revalidate)")
async def detail(request: Request, offer_id: uuid.UUID = object_id("offer"), caller: Caller = Anyone) -> Response:
    body = as_json(await caller.run(offers.offer_for_viewer, offer_id))
    content = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "private, no-cache", "Vary": "Authorization"}
    wanted = [tag.strip().removeprefix("W/") for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in wanted or "*" in wanted:
        return Response(status_code=304, headers=headers)
    return Response(content, media_type="application/json", headers=headers)


_update = then_read(offer_management.update_offer, offer_management.get_offer_for_owner)


@router.patch("/{offer_id}", response_model=OwnerOffer,
              openapi_extra=service_body(OfferInput, {"slots": 3, "city": "Bilbao"}, partial=True),
              summary="Change some fields of an offer (a live offer must stay complete)")
async def update(offer_id: uuid.UUID = object_id("offer"), body: Any = Body(), caller: Caller = SignedIn) -> OwnerOffer:
    return await caller.run(_update, offer_id, body)


def _transition(path: str, action, summary: str) -> None:
    step = then_read(action, offer_management.get_offer_for_owner)

    async def route(offer_id: uuid.UUID = object_id("offer"), caller: Caller = SignedIn) -> OwnerOffer:
        return await caller.run(step, offer_id)

    route.__name__ = f"offer_{path}"
    router.add_api_route(f"/{{offer_id}}/{path}", route, methods=["POST"], response_model=OwnerOffer, summary=summary)


_transition("publish", offer_management.publish, "Publish a complete draft (needs a confirmed email)")
_transition("pause", offer_management.pause, "Pause an active offer: it leaves Browse, applications stay")
_transition("resume", offer_management.resume, "Resume a paused offer")
_transition("archive", offer_management.archive, "Archive an offer")
