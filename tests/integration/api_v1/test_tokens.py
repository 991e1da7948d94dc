"""API tokens: expiry, tampering, audience, key rotation, refresh rotation and reuse, revocation in Redis."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone

import pytest
import redis
from joserfc import jwt

from influfinder.domain.enums import UserType
from influfinder.services import api_tokens
from tests.support.api_client import V1, assert_problem, bearer, tokens_for
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]


def me(client, token: str):
    return client.get(f"{V1}/users/me", headers=bearer(token))


def claims_of(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def signed(claims: dict, *, kid: str = "main") -> str:
    """A token signed with the app's own key, so only the claims decide."""
    _kid, keys = api_tokens.signing_keys()
    return jwt.encode({"alg": "HS256", "kid": kid}, claims, keys.get_by_kid(kid), algorithms=["HS256"])


def test_an_access_token_carries_the_claims_and_lives_thirty_minutes(client):
    lucia = person(UserType.CREATOR)
    token = tokens_for(lucia).access_token
    claims = claims_of(token)
    assert claims["sub"] == str(lucia.id) and claims["type"] == "access" and claims["aud"] == "influfinder-api"
    assert claims["iss"] == "http://localhost:3000" and claims["jti"] and claims["sid"]
    assert claims["exp"] - claims["iat"] == 1800
    assert json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "==="))["kid"] == "main"
    assert me(client, token).status_code == 200


def test_an_expired_access_token_is_refused(client):
    lucia = person(UserType.CREATOR)
    old = api_tokens.issue_access(lucia.id, "family", now=datetime.now(timezone.utc) - timedelta(minutes=31))
    body = assert_problem(me(client, old), 401)
    assert body["detail"] == api_tokens.INVALID
    assert me(client, old).headers["www-authenticate"].startswith("Bearer")


def test_a_tampered_token_is_refused(client):
    lucia, other = person(UserType.CREATOR), person(UserType.BUSINESS)
    header, payload, signature = tokens_for(lucia).access_token.split(".")
    claims = claims_of(f"{header}.{payload}.{signature}")
    forged = base64.urlsafe_b64encode(json.dumps({**claims, "sub": str(other.id)}).encode()).decode().rstrip("=")
    assert_problem(me(client, f"{header}.{forged}.{signature}"), 401)
    unsigned = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').decode().rstrip("=")
    assert_problem(me(client, f"{unsigned}.{payload}."), 401)
    assert_problem(me(client, "not-a-token"), 401)


def test_the_wrong_audience_issuer_or_type_is_refused(client):
    lucia = person(UserType.CREATOR)
    good = claims_of(tokens_for(lucia).access_token)
    assert me(client, signed(good)).status_code == 200  # the helper signs like the app
    for change in ({"aud": "another-api"}, {"iss": "https://evil.example"}, {"type": "refresh"}):
        assert_problem(me(client, signed({**good, **change})), 401)


def test_keys_rotate_by_kid_old_tokens_stay_valid_while_their_key_is_listed(client, settings_env):
    lucia = person(UserType.CREATOR)
    settings_env.set(JWT_KEYS="2026-11=" + "o" * 40)
    old = tokens_for(lucia).access_token
    settings_env.set(JWT_KEYS="2026-12=" + "n" * 40 + ",2026-11=" + "o" * 40)
    new = tokens_for(lucia).access_token
    assert json.loads(base64.urlsafe_b64decode(new.split(".")[0] + "==="))["kid"] == "2026-12"
    assert me(client, old).status_code == me(client, new).status_code == 200
    settings_env.set(JWT_KEYS="2026-12=" + "n" * 40)
    assert_problem(me(client, old), 401)
    assert me(client, new).status_code == 200


def test_refresh_rotates_and_a_reused_refresh_token_revokes_the_whole_family(client):
    lucia = person(UserType.CREATOR)
    first = tokens_for(lucia)
    second = client.post(f"{V1}/auth/refresh", json={"refresh_token": first.refresh_token})
    assert second.status_code == 200, second.text
    second = second.json()
    assert second["refresh_token"] != first.refresh_token and me(client, second["access_token"]).status_code == 200
    third = client.post(f"{V1}/auth/refresh", json={"refresh_token": second["refresh_token"]}).json()
    # The first token, stolen and replayed: refused, and every token of this login dies with it.
    reuse = client.post(f"{V1}/auth/refresh", json={"refresh_token": first.refresh_token})
    assert_problem(reuse, 401, api_tokens.REFRESH_REUSED)
    assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": third["refresh_token"]}), 401)
    assert_problem(me(client, third["access_token"]), 401)
    # Another login of the same person is another family: untouched.
    assert me(client, tokens_for(lucia).access_token).status_code == 200
    assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": "made-up"}), 401,
                   api_tokens.REFRESH_INVALID)


def test_logout_revokes_the_access_token_through_redis_and_the_refresh_token(client, redis_url):
    lucia = person(UserType.CREATOR)
    pair, other_login = tokens_for(lucia), tokens_for(lucia)
    assert client.post(f"{V1}/auth/logout", headers=bearer(pair)).status_code == 204
    assert_problem(me(client, pair.access_token), 401)
    assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": pair.refresh_token}), 401)
    assert me(client, other_login.access_token).status_code == 200
    stored = redis.Redis.from_url(redis_url)
    try:
        claims = claims_of(pair.access_token)
        for key in (f"influfinder:api:revoked:jti:{claims['jti']}", f"influfinder:api:revoked:family:{claims['sid']}"):
            assert 1800 < stored.ttl(key) <= 1860
    finally:
        stored.close()
    assert_problem(client.post(f"{V1}/auth/logout"), 401)


def test_a_deleted_account_s_token_no_longer_works(client):
    from influfinder import database
    from influfinder.services import accounts

    lucia = person(UserType.CREATOR)
    pair = tokens_for(lucia)
    with database.session_scope() as db:
        accounts.delete_account(db, lucia, lucia.username)
    assert_problem(me(client, pair.access_token), 401)
    assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": pair.refresh_token}), 401)


def test_deactivating_an_account_ends_its_api_logins(client):
    from influfinder import database
    from influfinder.services import admin_users

    lucia, admin = person(UserType.CREATOR), person(UserType.BUSINESS, admin=True)
    pair = tokens_for(lucia)
    with database.session_scope() as db:
        admin_users.deactivate_user(db, admin, str(lucia.id))
    assert_problem(me(client, pair.access_token), 401)
    assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": pair.refresh_token}), 401)
