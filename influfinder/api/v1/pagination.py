"""Cursor pagination: every list answers {items, total, next}; `next` is the link to the next page.

The cursor is opaque to clients (base64 of the position); today the position is the services'
page number, so a client that follows `next` links keeps working if the services move to keyset
paging later.
"""

from __future__ import annotations

import base64
import json
from typing import Generic, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel, Field

from influfinder.api.v1.problems import ProblemError
from influfinder.services.pagination import MAX_PAGE

T = TypeVar("T")
BAD_CURSOR = "The cursor is not valid: follow the `next` link of the previous page."

CursorQuery = Query(default=None, max_length=200, description="The `next` cursor of the previous page; omit for the first.")


class Paged(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(examples=[42], description="Matches in all (searches without words stop counting at 1,000).")
    next: str | None = Field(default=None, examples=["/api/v1/offers?cursor=eyJwIjogMn0"],
                             description="The link to the next page; null on the last page.")


def page_of(cursor: str | None) -> int:
    if cursor is None or cursor == "":
        return 1
    try:
        position = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4)))
        page = position["p"]
    except (ValueError, TypeError, KeyError, UnicodeEncodeError):
        raise ProblemError(400, BAD_CURSOR, field="cursor") from None
    if type(page) is not int or not 1 <= page <= MAX_PAGE:
        raise ProblemError(400, BAD_CURSOR, field="cursor")
    return page


def cursor_for(page: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"p": page}).encode()).decode("ascii").rstrip("=")


def next_link(request: Request, page: int, has_next: bool) -> str | None:
    """The path and query of the next page (same filters, the next cursor); None on the last page."""
    if not has_next or page >= MAX_PAGE:
        return None
    url = request.url.remove_query_params("cursor").include_query_params(cursor=cursor_for(page + 1))
    return f"{url.path}?{url.query}"


def page_answer(request: Request, number: int, page, **extra) -> dict:
    """A services Page as the API's list answer, with the link to the next page."""
    return {"items": page.items, "total": page.total, "next": next_link(request, number, page.has_next), **extra}
