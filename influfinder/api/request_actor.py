"""Who is calling over HTTP, and the one way a route reaches a service: through the door.

    found = await caller(request)(media_access.submission_file, name)

`caller(request)` takes the request's credentials (the session cookie, the client's address and
agent); calling it runs `service(db, actor, *args)` in one unit of work (services/unit_of_work.py),
in a worker thread. It takes only the request, so a FastAPI route can have it as a dependency
(`Depends(caller)`). No route opens a database session or resolves an actor itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from starlette.requests import Request

from influfinder.services import sessions
from influfinder.services.actors import Actor, acting
from influfinder.services.unit_of_work import Credentials, acall, call

T = TypeVar("T")


def credentials_from_request(request: Request) -> Credentials:
    """The session cookie and the client's address and agent, as the door takes them."""
    return Credentials(
        session_token=request.cookies.get(sessions.COOKIE_NAME),
        client_ip=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", ""),
    )


@dataclass(frozen=True)
class Caller:
    """The request's caller at the door."""

    credentials: Credentials

    async def __call__(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await acall(self.credentials, service, *args, **kwargs)


def caller(request: Request) -> Caller:
    return Caller(credentials_from_request(request))


def actor_from_request(request: Request) -> Actor | None:
    """Blocking (a database read): call it from a thread in async routes."""
    return call(credentials_from_request(request), acting)
