"""Who is calling over HTTP: the request's credentials for the door (services/unit_of_work)."""

from __future__ import annotations

from starlette.requests import Request

from influfinder.api.client_address import client_address
from influfinder.services import sessions
from influfinder.services.actors import Actor
from influfinder.services.unit_of_work import Credentials, call


def credentials_from_request(request: Request) -> Credentials:
    """The session cookie and the client's address and agent, as the door takes them."""
    return Credentials(
        session_token=request.cookies.get(sessions.cookie_name()),
        client_ip=client_address(request),
        user_agent=request.headers.get("user-agent", ""),
    )


def _actor(_db, actor: Actor | None) -> Actor | None:
    return actor


def actor_from_request(request: Request) -> Actor | None:
    """Blocking (a database read): call it from a thread in async routes."""
    return call(credentials_from_request(request), _actor)
