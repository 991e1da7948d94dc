"""/api/v1/auth and /users/me: sign up, log in, tokens, email and password, the profile."""

from __future__ import annotations

import pytest
from sqlmodel import select

from influfinder import database
from influfinder.domain.enums import TokenPurpose, UserType
from influfinder.models import User
from influfinder.services import accounts, tokens
from tests.support.api_client import V1, assert_problem, bearer, tokens_for
from tests.support.people import person

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]

PASSWORD = "correct horse battery staple"


def signup(client, **changes):
    tag = changes.pop("tag", "x")
    body = {"email": f"{tag}@example.com", "username": f"user_{tag}", "password": PASSWORD, "user_type": "CREATOR"}
    return client.post(f"{V1}/auth/register/email", json={**body, **changes})


def user_row(email: str) -> User | None:
    with database.session_scope() as db:
        return db.exec(select(User).where(User.email == email)).first()


def test_register_makes_an_account_and_hands_out_a_working_token_pair(client):
    response = signup(client, tag="reg1")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["created"] is True and body["token_type"] == "Bearer" and body["expires_in"] == 1800
    me = client.get(f"{V1}/users/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["profile"]["username"] == "user_reg1" and me.json()["profile"]["is_verified"] is False
    assert "password_hash" not in me.text


def test_register_refuses_a_taken_username_and_a_weak_password_naming_the_field(client):
    assert signup(client, tag="reg2").status_code == 201
    taken = assert_problem(signup(client, tag="reg3", username="user_reg2"), 422)
    assert taken["errors"] == [{"field": "username", "message": "That username is taken. Choose another."}]
    weak = assert_problem(signup(client, tag="reg4", password="123"), 422)
    assert weak["errors"][0]["field"] == "password"
    assert user_row("reg3@example.com") is None and user_row("reg4@example.com") is None


def test_register_refuses_unknown_fields_and_roles_before_any_service_runs(client):
    body = assert_problem(signup(client, tag="reg5", user_type="ADMIN"), 422)
    assert body["errors"][0]["field"] == "user_type"
    assert_problem(signup(client, tag="reg6", is_admin=True), 422)
    assert_problem(client.post(f"{V1}/auth/register/email", content=b"{not json", headers={"content-type": "application/json"}), 400)
    assert user_row("reg5@example.com") is None and user_row("reg6@example.com") is None


def test_register_with_an_idempotency_key_makes_one_account_and_replays_the_answer(client):
    headers = {"Idempotency-Key": "signup-once-1"}
    body = {"email": "idem@example.com", "username": "idem_user", "password": PASSWORD, "user_type": "BUSINESS"}
    first = client.post(f"{V1}/auth/register/email", json=body, headers=headers)
    again = client.post(f"{V1}/auth/register/email", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    other = client.post(f"{V1}/auth/register/email", json={**body, "username": "idem_other"}, headers=headers)
    assert_problem(other, 422, "This Idempotency-Key was used with a different request.")
    assert user_row("idem@example.com") is not None


def test_login_with_email_or_username_and_refusal_without_saying_which_was_wrong(client):
    signup(client, tag="log1")
    by_email = client.post(f"{V1}/auth/login", json={"identifier": "log1@example.com", "password": PASSWORD})
    by_name = client.post(f"{V1}/auth/login", json={"identifier": "user_log1", "password": PASSWORD})
    assert by_email.status_code == by_name.status_code == 200
    assert by_email.json()["access_token"] != by_name.json()["access_token"]
    wrong = client.post(f"{V1}/auth/login", json={"identifier": "log1@example.com", "password": "nope"})
    assert_problem(wrong, 422, accounts.WRONG_LOGIN)
    nobody = client.post(f"{V1}/auth/login", json={"identifier": "ghost@example.com", "password": PASSWORD})
    assert_problem(nobody, 422, accounts.WRONG_LOGIN)
    assert_problem(client.post(f"{V1}/auth/login", json={"identifier": "x"}), 422)


def test_login_is_rate_limited_per_account_with_429_and_retry_after(client):
    signup(client, tag="log2")
    for _ in range(10):
        client.post(f"{V1}/auth/login", json={"identifier": "user_log2", "password": "wrong"})
    limited = client.post(f"{V1}/auth/login", json={"identifier": "user_log2", "password": PASSWORD})
    assert_problem(limited, 429)
    assert int(limited.headers["retry-after"]) > 0


def test_users_me_needs_a_token_and_patch_changes_only_ones_own_profile(client):
    lucia = person(UserType.CREATOR)
    other = person(UserType.CREATOR)
    assert_problem(client.get(f"{V1}/users/me"), 401)
    changed = client.patch(f"{V1}/users/me", headers=bearer(lucia),
                           json={"display_name": "Lucía", "city": "Madrid", "instagram": {"handle": "@lucia", "followers": 900}})
    assert changed.status_code == 200, changed.text
    profile = changed.json()["profile"]
    assert profile["display_name"] == "Lucía" and profile["audience"]["instagram"]["handle"] == "lucia"
    assert client.get(f"{V1}/users/me", headers=bearer(other)).json()["profile"]["display_name"] != "Lucía"
    bad = assert_problem(client.patch(f"{V1}/users/me", headers=bearer(lucia), json={"website": "not a url"}), 422)
    assert bad["errors"][0]["field"] == "website"
    # Found by Schemathesis: a valid URL longer than the column was a 500.
    long = client.patch(f"{V1}/users/me", headers=bearer(lucia), json={"website": "https://" + "a" * 250 + ".com"})
    assert assert_problem(long, 422)["errors"][0]["field"] == "website"
    assert_problem(client.patch(f"{V1}/users/me", json={"city": "Sevilla"}), 401)


def test_verify_email_with_the_mailed_token_once(client):
    lucia = person(UserType.CREATOR, verified=False)
    with database.session_scope() as db:
        token = tokens.issue(db, lucia.id, TokenPurpose.VERIFY_EMAIL)
    assert client.post(f"{V1}/auth/verify-email", json={"token": token}).status_code == 204
    assert client.get(f"{V1}/users/me", headers=bearer(lucia)).json()["profile"]["is_verified"] is True
    assert_problem(client.post(f"{V1}/auth/verify-email", json={"token": token}), 422, tokens.USED)
    assert_problem(client.post(f"{V1}/auth/verify-email", json={"token": "made-up"}), 422, tokens.INVALID)


def test_resend_verification_for_the_signed_in_unverified_account_only(client):
    unverified = person(UserType.CREATOR, verified=False)
    verified = person(UserType.CREATOR)
    assert client.post(f"{V1}/auth/resend-verification", headers=bearer(unverified)).status_code == 202
    assert_problem(client.post(f"{V1}/auth/resend-verification", headers=bearer(verified)), 422,
                   "Your email is already verified.")
    assert_problem(client.post(f"{V1}/auth/resend-verification"), 401)


def test_forgot_password_answers_the_same_whether_the_account_exists(client):
    signup(client, tag="fgt1")
    known = client.post(f"{V1}/auth/forgot-password", json={"email": "fgt1@example.com"})
    unknown = client.post(f"{V1}/auth/forgot-password", json={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json() == {"detail": accounts.FORGOT_ANSWER}
    assert_problem(client.post(f"{V1}/auth/forgot-password", json={"email": "not-an-email"}), 422)


def test_reset_password_sets_the_new_one_and_revokes_every_api_login(client):
    signup(client, tag="rst1")
    user = user_row("rst1@example.com")
    old = client.post(f"{V1}/auth/login", json={"identifier": "user_rst1", "password": PASSWORD}).json()
    with database.session_scope() as db:
        token = tokens.issue(db, user.id, TokenPurpose.RESET_PASSWORD)
    new_password = "a brand new pass phrase 42"
    assert client.post(f"{V1}/auth/reset-password", json={"token": token, "password": new_password}).status_code == 204
    assert_problem(client.get(f"{V1}/users/me", headers=bearer(old["access_token"])), 401)
    assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": old["refresh_token"]}), 401)
    assert client.post(f"{V1}/auth/login", json={"identifier": "user_rst1", "password": new_password}).status_code == 200
    assert_problem(client.post(f"{V1}/auth/reset-password", json={"token": "made-up", "password": new_password}), 422)


def test_change_password_needs_the_current_one_and_ends_the_other_logins(client):
    signup(client, tag="chg1")
    login = {"identifier": "user_chg1", "password": PASSWORD}
    here = client.post(f"{V1}/auth/login", json=login).json()
    elsewhere = client.post(f"{V1}/auth/login", json=login).json()
    wrong = client.post(f"{V1}/auth/change-password", headers=bearer(here["access_token"]),
                        json={"current_password": "wrong", "new_password": "another long pass phrase"})
    assert_problem(wrong, 422, "Your current password is not right.")
    changed = client.post(f"{V1}/auth/change-password", headers=bearer(here["access_token"]),
                          json={"current_password": PASSWORD, "new_password": "another long pass phrase"})
    assert changed.status_code == 200, changed.text
    assert client.get(f"{V1}/users/me", headers=bearer(changed.json()["access_token"])).status_code == 200
    for old in (here, elsewhere):
        assert_problem(client.get(f"{V1}/users/me", headers=bearer(old["access_token"])), 401)
        assert_problem(client.post(f"{V1}/auth/refresh", json={"refresh_token": old["refresh_token"]}), 401)
    assert_problem(client.post(f"{V1}/auth/change-password", json={"current_password": "", "new_password": "x"}), 401)


def test_provider_login_is_404_when_the_provider_is_not_configured_and_checks_its_input(client):
    body = {"code": "abc", "redirect_uri": "com.influfinder.app:/oauth"}
    assert_problem(client.post(f"{V1}/auth/login/oauth", json={**body, "provider": "google"}), 404)
    assert_problem(client.post(f"{V1}/auth/register/google", json=body), 404)
    assert_problem(client.post(f"{V1}/auth/register/myspace", json=body), 422)
    assert_problem(client.post(f"{V1}/auth/login/oauth", json={**body, "provider": "myspace"}), 422)
    assert_problem(client.post(f"{V1}/auth/login/oauth", json={"provider": "google", "code": ""}), 422)


def test_a_business_token_reads_its_own_account(client):
    shop = person(UserType.BUSINESS)
    pair = tokens_for(shop)
    me = client.get(f"{V1}/users/me", headers=bearer(pair)).json()
    assert me["id"] == str(shop.id) and me["profile"]["user_type"] == "BUSINESS"


@pytest.fixture
def provider(settings_env):
    """Every provider pointed at a local OAuth server on 127.0.0.1 (tests/support/oauth_server.py)."""
    from tests.support.oauth_server import OAuthServer
    from tests.support.people import reset_app_caches

    with OAuthServer() as server:
        settings_env.set(**server.env())
        reset_app_caches()
        yield server


def provider_code(server, name: str, verifier: str, redirect_uri: str = "com.influfinder.app:/oauth") -> str:
    """What an app gets back from the provider's consent page: an authorization code (PKCE S256)."""
    import base64
    import hashlib
    from urllib.parse import parse_qs, urlparse

    import httpx

    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    client = {"client_key" if name == "tiktok" else "client_id": f"{name}-client"}  # TikTok's own word
    answer = httpx.get(f"{server.base_url}/{name}/authorize", params={
        **client, "response_type": "code", "redirect_uri": redirect_uri, "state": "s",
        "code_challenge": challenge, "code_challenge_method": "S256"})
    return parse_qs(urlparse(answer.headers["location"]).query)["code"][0]


@pytest.mark.parametrize("name", ["google", "tiktok"])
def test_register_then_log_in_with_a_providers_authorization_code(client, provider, name):
    details = {"email": f"{name}-ana@example.com", "email_verified": True, "name": "Ana"} if name == "google" \
        else {"handle": "ana_films"}
    provider.sign_in_as(name, f"{name}-subject-1", **details)
    verifier = "v" * 64
    body = {"code": provider_code(provider, name, verifier), "redirect_uri": "com.influfinder.app:/oauth",
            "code_verifier": verifier, "role": "BUSINESS"}
    made = client.post(f"{V1}/auth/register/{name}", json=body)
    assert made.status_code == 201, made.text
    me = client.get(f"{V1}/users/me", headers=bearer(made.json()["access_token"])).json()
    assert me["profile"]["user_type"] == "BUSINESS"
    again = client.post(f"{V1}/auth/login/oauth",
                        json={**body, "provider": name, "code": provider_code(provider, name, verifier)})
    assert again.status_code == 200 and again.json()["user_id"] == made.json()["user_id"] and again.json()["created"] is False
    reused = client.post(f"{V1}/auth/login/oauth", json={**body, "provider": name})  # a code works once
    assert_problem(reused, 401)
