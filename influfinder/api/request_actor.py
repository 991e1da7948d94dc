"""The signed-in user behind an HTTP request, from the HttpOnly session cookie."""

from __future__ import annotations

from starlette.requests import Request

from influfinder.database import session_scope
from influfinder.services import sessions
from influfinder.services.actors import Actor, actor_for_token


def actor_from_request(request: Request) -> Actor | None:
    """Blocking (a database read): call it from a thread in async routes."""
    token = request.cookies.get(sessions.COOKIE_NAME)
    if not token:
        return None
    with session_scope() as db:
        return actor_for_token(db, token)
