"""Calling /api/v1 in-process, as an app would: the site's whole HTTP app (the v1 mount included)."""

from __future__ import annotations

from starlette.testclient import TestClient

from influfinder import database
from influfinder.api.routes import api
from influfinder.services import api_tokens
from influfinder.services.actors import Actor

V1 = "/api/v1"


def client() -> TestClient:
    return TestClient(api, base_url="http://127.0.0.1", raise_server_exceptions=False)


def tokens_for(actor: Actor) -> api_tokens.TokenPair:
    """A fresh login of the actor, as POST /auth/login would hand it out."""
    with database.session_scope() as db:
        return api_tokens.issue_pair(db, actor.id)


def bearer(actor: Actor | api_tokens.TokenPair | str) -> dict[str, str]:
    token = actor if isinstance(actor, str) else getattr(actor, "access_token", None) or tokens_for(actor).access_token
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response, status: int, detail: str | None = None) -> dict:
    """An RFC 9457 problem document with that status (and detail, when given)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"] == "about:blank"
    if detail is not None:
        assert body["detail"] == detail
    return body
