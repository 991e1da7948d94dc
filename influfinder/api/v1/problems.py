"""Errors as RFC 9457 problem details: one shape (application/problem+json) for every refusal.

A service's refusal (ServiceError) keeps its message, written for people, as `detail`; the status
says what kind of refusal it was. Refusals that name an object the caller cannot see say "not
found" (404) whether the object is missing or someone else's, exactly as the pages do.
"""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from influfinder.services import (
    application_moves, applications, collaborations, messages, notifications, offer_management, submissions,
)
from influfinder.services.errors import LogInRequired, NotAllowed, RateLimited, ServiceError

log = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: "Bad request", 401: "Not signed in", 403: "Not allowed", 404: "Not found", 405: "Method not allowed",
    409: "Conflict", 413: "Too large", 415: "Unsupported media type", 422: "Refused", 429: "Too many requests",
    500: "Internal error",
}
# The services' "we could not find that ..." refusals: the object is missing, or the caller may not see it.
NOT_FOUND = frozenset({
    applications.NOT_FOUND, collaborations.NOT_FOUND, messages.NOT_FOUND, notifications.NOT_FOUND,
    offer_management.OFFER_NOT_FOUND, submissions.SUBMISSION_NOT_FOUND,
})
# Someone else moved the object first: reload and decide again.
CONFLICTS = (application_moves.CHANGED, applications.ALREADY_APPLIED, offer_management.CHANGED, submissions.CHANGED,
             submissions.NOT_LATEST, collaborations.CHANGED.split("{")[0])


class FieldProblem(BaseModel):
    field: str = Field(examples=["email"])
    message: str = Field(examples=["Enter a valid email address."])


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "type": "about:blank", "title": "Refused", "status": 422,
        "detail": "That username is taken. Choose another.", "instance": "/api/v1/auth/register",
        "errors": [{"field": "username", "message": "That username is taken. Choose another."}],
    }]})

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    instance: str = ""
    errors: list[FieldProblem] = Field(default_factory=list)


def _content(status: int) -> dict:
    return {"model": Problem, "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            "description": TITLES[status]}


# Every operation documents these, so a client (and Schemathesis) knows each refusal's shape.
RESPONSES = {status: _content(status) for status in (400, 401, 403, 404, 409, 422, 429)}
TOO_LARGE = {413: _content(413)}  # uploads


class ProblemError(Exception):
    def __init__(self, status: int, detail: str, *, field: str | None = None, headers: dict | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.field, self.headers = status, detail, field, headers or {}


def from_service_error(error: ServiceError, *, signed_in: bool) -> ProblemError:
    if isinstance(error, NotAllowed):
        if error.message in NOT_FOUND:
            return ProblemError(404, error.message)
        if not signed_in or isinstance(error, LogInRequired):  # no token, or its account is gone or deactivated
            return ProblemError(401, error.message, headers={"WWW-Authenticate": "Bearer"})
        return ProblemError(403, error.message)
    if isinstance(error, RateLimited):
        return ProblemError(429, error.message, field=error.field, headers={"Retry-After": str(error.retry_after)})
    if error.message in NOT_FOUND:
        return ProblemError(404, error.message)
    if error.message.startswith(CONFLICTS):
        return ProblemError(409, error.message, field=error.field)
    return ProblemError(422, error.message, field=error.field)


def problem_response(request: Request, status: int, detail: str, *, errors: list[dict] | None = None,
                     headers: dict | None = None) -> JSONResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status, "detail": detail,
            "instance": request.url.path, "errors": errors or []}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


async def on_problem(request: Request, error: ProblemError) -> JSONResponse:
    errors = [{"field": error.field, "message": error.detail}] if error.field else []
    return problem_response(request, error.status, error.detail, errors=errors, headers=error.headers)


async def on_validation(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = [{"field": ".".join(str(p) for p in e.get("loc", ())[1:]) or str(e.get("loc", [""])[0]),
                 "message": e.get("msg", "Not valid.")} for e in error.errors()]
    malformed = any(e.get("type") == "json_invalid" for e in error.errors())
    if malformed:
        return problem_response(request, 400, "The request body is not valid JSON.", errors=problems)
    return problem_response(request, 422, "Some fields are not valid: see errors.", errors=problems)


async def on_http(request: Request, error: StarletteHTTPException) -> JSONResponse:
    detail = error.detail if isinstance(error.detail, str) else TITLES.get(error.status_code, "Error")
    return problem_response(request, error.status_code, detail, headers=getattr(error, "headers", None))


async def on_crash(request: Request, error: Exception) -> JSONResponse:
    log.exception("API %s %s failed", request.method, request.url.path)
    return problem_response(request, 500, "Something went wrong on our side. Try again in a moment.")


HANDLERS = {ProblemError: on_problem, RequestValidationError: on_validation, StarletteHTTPException: on_http,
            Exception: on_crash}
