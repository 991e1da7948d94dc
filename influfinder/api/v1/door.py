"""The one dependency every /api/v1 route takes: the request's credentials, and the door with them.

    async def route(caller: Caller = SignedIn):
        return await caller.run(offer_management.publish, offer_id)

The API honours the bearer access token only, never the pages' session cookie, so a page open
in a browser cannot be driven cross-site through the API. A bearer token that is expired,
tampered with or revoked is refused with 401 before any service runs. `run` goes through the
door (services/unit_of_work) and turns a service's refusal into a problem response.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any, Callable, TypeVar

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from influfinder.api.request_actor import credentials_from_request
from influfinder.api.v1.problems import ProblemError, from_service_error
from influfinder.services import api_tokens, unit_of_work
from influfinder.services.errors import ServiceError

T = TypeVar("T")
_bearer = HTTPBearer(auto_error=False, description="An access token from POST /api/v1/auth/login.")


@dataclasses.dataclass(frozen=True)
class Caller:
    credentials: unit_of_work.Credentials
    claims: api_tokens.AccessClaims | None  # None: anonymous

    @property
    def key(self) -> str:
        """Who is calling, for per-caller records (idempotency): the account, or the address."""
        return f"user:{self.claims.user_id}" if self.claims else f"ip:{self.credentials.client_ip}"

    async def run(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return await unit_of_work.acall(self.credentials, service, *args, **kwargs)
        except ServiceError as error:
            raise from_service_error(error, signed_in=self.claims is not None) from None


def _unauthorized(message: str) -> ProblemError:
    return ProblemError(401, message, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


async def _caller(request: Request) -> Caller:
    credentials = dataclasses.replace(credentials_from_request(request), session_token=None)
    token = credentials.access_token
    if not token:
        return Caller(credentials, None)
    try:
        claims = await asyncio.to_thread(api_tokens.check_access, token)
    except api_tokens.InvalidToken as error:
        raise _unauthorized(str(error)) from None
    return Caller(credentials, claims)


async def _signed_in(request: Request, _scheme: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Caller:
    caller = await _caller(request)  # `_scheme` only documents the bearer scheme in OpenAPI
    if caller.claims is None:
        raise _unauthorized(api_tokens.INVALID)
    return caller


async def _anyone(request: Request) -> Caller:
    return await _caller(request)


# Operations that need an account declare the bearer scheme in the OpenAPI document; public ones
# (browse, register, login) read a token when one is sent, for what it changes (early access).
SignedIn = Depends(_signed_in)
Anyone = Depends(_anyone)
