"""/api/v1/notifications: the caller's notifications, read, read all, delete, the unread count.
Rules: services/notifications.py."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from influfinder.api.v1.door import Caller, SignedIn
from influfinder.api.v1.pagination import CursorQuery, Paged, page_answer, page_of
from influfinder.api.v1.problems import RESPONSES
from influfinder.api.v1.schemas import examples, object_id
from influfinder.services import notifications
from influfinder.services.notifications import NotificationView

router = APIRouter(prefix="/notifications", tags=["notifications"], responses=RESPONSES)


class NotificationPage(Paged[NotificationView]):
    pass


class Count(BaseModel):
    model_config = examples({"count": 3})
    count: int


@router.get("", response_model=NotificationPage, summary="The caller's notifications, newest first")
async def listing(request: Request, unread_only: bool = Query(default=False), cursor: str | None = CursorQuery,
                  caller: Caller = SignedIn) -> dict:
    page = page_of(cursor)
    return page_answer(request, page, await caller.run(notifications.list_for_user, unread_only, page, 20))


@router.get("/unread-count", response_model=Count, summary="How many are unread (the bell)")
async def unread_count(caller: Caller = SignedIn) -> dict:
    return {"count": await caller.run(notifications.unread_count)}


@router.post("/read-all", response_model=Count, summary="Mark every notification read; answers how many were unread")
async def read_all(caller: Caller = SignedIn) -> dict:
    return {"count": await caller.run(notifications.mark_all_read)}


@router.patch("/{notification_id}/read", status_code=204, summary="Mark one notification read")
async def read(notification_id: uuid.UUID = object_id("notification"), caller: Caller = SignedIn) -> Response:
    await caller.run(notifications.mark_read, notification_id)
    return Response(status_code=204)


@router.delete("/{notification_id}", status_code=204, summary="Delete one notification")
async def delete(notification_id: uuid.UUID = object_id("notification"), caller: Caller = SignedIn) -> Response:
    await caller.run(notifications.delete, notification_id)
    return Response(status_code=204)
