"""/api/v1/messages: send (text and up to 5 attachments, multipart), the conversations, the chat
with one person (older messages by cursor), read receipts. Rules: services/messages.py and
services/message_files.py (who may message whom, limits, file checks)."""

from __future__ import annotations

import hashlib
import uuid

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from influfinder.api.v1.door import Caller, SignedIn
from influfinder.api.v1.idempotency import IdempotencyKey, once
from influfinder.api.v1.pagination import CursorQuery, Paged, page_answer, page_of
from influfinder.api.v1.problems import RESPONSES, TOO_LARGE, ProblemError
from influfinder.api.v1.schemas import as_json, examples, object_id
from influfinder.services import message_files, messages
from influfinder.services.messages import ConversationView, MessageView, PersonView

router = APIRouter(prefix="/messages", tags=["messages"], responses=RESPONSES)


class ConversationPage(Paged[ConversationView]):
    pass


class Chat(BaseModel):
    other: PersonView
    items: list[MessageView]
    can_send: bool
    next: str | None = None  # older messages


class Count(BaseModel):
    model_config = examples({"count": 2})
    count: int


async def _files(attachments: list[UploadFile]) -> list[tuple[str, bytes]]:
    """The uploads as (name, bytes) for the service's checks; an oversized one is refused before it is read."""
    if len(attachments) > message_files.MAX_FILES:
        raise ProblemError(422, f"Attach at most {message_files.MAX_FILES} files to one message.", field="attachments")
    files = []
    for upload in attachments:
        if upload.size is not None and upload.size > message_files.MAX_BYTES:
            raise ProblemError(413, f"“{upload.filename}” is larger than 10 MB.", field="attachments")
        files.append((upload.filename or "file", await upload.read(message_files.MAX_BYTES + 1)))
    return files


@router.post("", status_code=201, response_model=MessageView, responses=TOO_LARGE,
             summary="Send a message to someone you share an application or collaboration with")
async def send(request: Request, recipient_id: uuid.UUID = Form(), text: str = Form(default="", max_length=8000),
               attachments: list[UploadFile] = File(default=[], description="Photos (PNG, JPEG, WebP) or PDFs"),
               caller: Caller = SignedIn, idempotency_key: str | None = IdempotencyKey) -> JSONResponse:
    files = await _files(attachments)

    async def make() -> JSONResponse:
        sent = await caller.run(messages.send, recipient_id, text, files)
        return JSONResponse(as_json(sent), status_code=201)

    content = "\n".join([str(recipient_id), text, *(hashlib.sha256(data).hexdigest() for _, data in files)])
    return await once(request, caller, idempotency_key, make, content=content.encode())


@router.get("", response_model=ConversationPage, summary="One row per person, newest first")
async def conversations(request: Request, cursor: str | None = CursorQuery, caller: Caller = SignedIn) -> dict:
    page = page_of(cursor)
    return page_answer(request, page, await caller.run(messages.conversations, page, 20))


@router.get("/unread-count", response_model=Count, summary="Unread messages in all")
async def unread_count(caller: Caller = SignedIn) -> dict:
    return {"count": await caller.run(messages.unread_count)}


@router.get("/{user_id}", response_model=Chat, summary="The chat with one person: the newest 30, oldest first")
async def chat(request: Request, user_id: uuid.UUID = object_id("user"),
               before: uuid.UUID | None = Query(default=None, description="Older than this message (the `next` link)."),
               caller: Caller = SignedIn) -> dict:
    found = await caller.run(messages.chat, user_id, before)
    older = None
    if found.has_older and found.messages:
        url = request.url.include_query_params(before=found.messages[0].id)
        older = f"{url.path}?{url.query}"
    return {"other": found.other, "items": found.messages, "can_send": found.can_send, "next": older}


@router.post("/{user_id}/read", response_model=Count, summary="Mark what they sent you read; answers how many")
async def read(user_id: uuid.UUID = object_id("user"), caller: Caller = SignedIn) -> dict:
    return {"count": await caller.run(messages.mark_read, user_id)}
