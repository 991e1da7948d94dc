"""Idempotency-Key on POSTs that create: a retried request gets the first answer, not a second object.

The first answer (status and body) is kept for 24 hours per caller and key, with a digest of the
request. The same key with another request is refused (422); a retry while the first is still
running is told to wait (409). Keys live in Redis when REDIS_URL is set (integrations/expiring_keys).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from typing import Awaitable, Callable

from fastapi import Header, Request
from fastapi.responses import JSONResponse

from influfinder.api.v1.door import Caller
from influfinder.api.v1.problems import ProblemError
from influfinder.api.v1.schemas import created
from influfinder.integrations import expiring_keys

KEEP_SECONDS = 24 * 3600
PENDING = "pending"

IdempotencyKey = Header(default=None, alias="Idempotency-Key", max_length=255, pattern=r"^[\x21-\x7e]+$",
                        description="Send the same key to retry safely: the first answer is returned again.")


async def once(request: Request, caller: Caller, key: str | None, create: Callable[[], Awaitable[JSONResponse]],
               *, content: bytes | None = None) -> JSONResponse:
    """`create()` once per key; `content` stands for the request when its body was parsed as a form."""
    if not key:
        return await create()
    content = await request.body() if content is None else content
    digest = hashlib.sha256(request.method.encode() + request.url.path.encode() + content).hexdigest()
    record = f"idempotency:{caller.key}:{hashlib.sha256(key.encode()).hexdigest()}"
    kept = await asyncio.to_thread(expiring_keys.put, record, json.dumps({"state": PENDING, "digest": digest}),
                                   KEEP_SECONDS, only_new=True)
    if not kept:
        return await _replay(record, digest)
    try:
        response = await create()
    except BaseException:
        await asyncio.to_thread(expiring_keys.put, record, "{}", 1)  # a refusal is not kept: the retry runs again
        raise
    answer = {"state": "done", "digest": digest, "status": response.status_code,
              "body": json.loads(response.body), "location": response.headers.get("location")}
    await asyncio.to_thread(expiring_keys.put, record, json.dumps(answer), KEEP_SECONDS)
    return response


async def create_once(request: Request, caller: Caller, key: str | None, location: str, service: Callable, *args,
                      content: bytes | None = None) -> JSONResponse:
    """`service` through the door, once per key: 201 with what it made, at `location` (its {id} filled in)."""
    async def make() -> JSONResponse:
        made = await caller.run(service, *args)
        return created(location.format(id=made.id), made)

    return await once(request, caller, key, make, content=content)


async def _replay(record: str, digest: str) -> JSONResponse:
    stored = json.loads(await asyncio.to_thread(expiring_keys.get, record) or "{}")
    if stored.get("digest") not in (None, digest):
        raise ProblemError(422, "This Idempotency-Key was used with a different request.", field="Idempotency-Key")
    if stored.get("state") != "done":
        raise ProblemError(409, "A request with this Idempotency-Key is still running. Retry in a moment.")
    headers = {"Idempotent-Replayed": "true"}
    if stored.get("location"):
        headers["Location"] = stored["location"]
    return JSONResponse(stored["body"], status_code=stored["status"], headers=headers)
