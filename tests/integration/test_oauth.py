"""Sign-in with Google, Facebook, Instagram and TikTok through the real HTTP routes.

The app's Starlette routes run in-process (as the browser would call them); the provider is a real
OAuth server on 127.0.0.1 (tests/support/oauth_server.py) that the app reaches over HTTP for the
token and the user info. A flow is followed hop by hop, like a browser follows redirects.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import sqlalchemy as sa

from influfinder import database
from influfinder.api.routes import build_api
from influfinder.domain.enums import UserType
from influfinder.integrations import rate_limit
from influfinder.models import OAuthIdentity, Profile, User
from influfinder.services import accounts, effects, oauth_accounts, sessions
from influfinder.services.actors import actor_for_token
from influfinder.services.errors import ServiceError
from tests.support.oauth_server import OAuthServer

PUBLIC_URL = "http://localhost:3000"
PASSWORD = "sunny river lamp 42"


@pytest.fixture
def oauth_server():
    with OAuthServer() as server:
        yield server


def _drop_service_caches() -> None:
    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()


@pytest.fixture
def app(settings_env, sqlite_url, oauth_server):
    """The HTTP routes on SQLite, in development mode, with all four providers pointed at the local server."""
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="oauth-test", BCRYPT_ROUNDS="4", PUBLIC_URL=PUBLIC_URL,
                     ADMIN_EMAILS="boss@example.com", **oauth_server.env())
    _drop_service_caches()
    database.migrate()
    yield build_api()
    effects.drain()
    _drop_service_caches()


@dataclass
class Outcome:
    location: str  # where the browser ends up (the last redirect)
    session_token: str | None  # the session cookie, when the sign-in worked

    @property
    def error(self) -> str | None:
        query = parse_qs(urlparse(self.location).query)
        return query.get("oauth_error", [None])[0]

    def user(self) -> User | None:
        with database.session_scope() as db:
            actor = actor_for_token(db, self.session_token)
            return db.get(User, actor.id) if actor else None


class Browser:
    """One browser: a cookie jar for the app's origin, and plain HTTP to the provider's pages."""

    def __init__(self, app) -> None:
        self.app = app
        self.cookies = httpx.Cookies()

    def sign_in(self, provider: str, *, role: str | None = None, next_path: str | None = None,
                tamper=None) -> Outcome:
        return asyncio.run(self._flow(provider, role, next_path, tamper))

    async def _flow(self, provider, role, next_path, tamper) -> Outcome:
        params = {k: v for k, v in (("role", role), ("next", next_path)) if v is not None}
        transport = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC_URL, cookies=self.cookies) as site, \
                httpx.AsyncClient() as outside:
            response = await site.get(f"/auth/oauth/{provider}/start", params=params)
            location = response.headers["location"]
            if location.startswith(PUBLIC_URL):  # refused before leaving the site
                return Outcome(location, None)
            consent = await outside.get(location)  # the provider's page answers with a redirect back
            callback = consent.headers["location"]
            assert callback.startswith(f"{PUBLIC_URL}/auth/oauth/{provider}/callback?")
            response = await site.get(tamper(callback) if tamper else callback)
            if urlparse(response.headers["location"]).path == "/auth/complete":  # signed in: take the cookie
                response = await site.get(response.headers["location"])
            self.cookies = site.cookies
            return Outcome(response.headers["location"], site.cookies.get(sessions.COOKIE_NAME))


@pytest.fixture
def browser(app):
    return Browser(app)


def _count(model) -> int:
    with database.session_scope() as db:
        return db.exec(sa.select(sa.func.count()).select_from(model)).scalar_one()


def _password_account(email="ana@example.com", username="ana_creates", *, verified=True) -> User:
    with database.session_scope() as db:
        user_id = accounts.sign_up(db, accounts.SignUpInput(email, username, PASSWORD, "CREATOR"), ip_address="10.0.0.1")
        user = db.get(User, user_id)
        user.is_verified = verified
        db.add(user)
    return user


def _profile(user_id) -> Profile:
    with database.session_scope() as db:
        return db.exec(sa.select(Profile).where(Profile.user_id == user_id)).scalar_one()


SIGN_UPS = {
    # provider: (who the provider says it is, expected username, verified email?, handle on the profile)
    "google": (dict(email="Lucia.Romero@Example.com", email_verified=True, name="Lucía Romero"),
               "lucia_romero", True, None),
    "facebook": (dict(email="marco@example.com", name="Marco Díaz"), "marco_diaz", False, None),
    "instagram": (dict(handle="sofia.films"), "sofia.films", False, "sofia.films"),
    "tiktok": (dict(name="Diego N", handle="diego_dances"), "diego_dances", False, "diego_dances"),
}


@pytest.mark.parametrize("provider", list(SIGN_UPS))
def test_a_new_person_signs_up_with_each_provider_and_lands_signed_in(browser, oauth_server, provider):
    details, username, verified, handle = SIGN_UPS[provider]
    oauth_server.sign_in_as(provider, f"{provider}-subject-1", **details)

    outcome = browser.sign_in(provider)

    assert outcome.location == f"{PUBLIC_URL}/welcome"
    user = outcome.user()
    assert user is not None, "the session cookie should name the new account"
    assert (user.username, user.user_type, user.is_verified, user.password_hash) == (
        username, UserType.CREATOR, verified, None)
    assert user.auth_providers == {provider: f"{provider}-subject-1"}
    if details.get("email"):
        assert user.email == details["email"].lower()
    else:  # Instagram and TikTok give no address: a unique one that can never receive mail
        assert user.email.endswith("@" + oauth_accounts.NO_EMAIL_DOMAIN)
    if handle:
        assert getattr(_profile(user.id), f"{provider}_handle") == handle
    # PKCE where the provider takes it: the code was bound to a verifier only this flow knew.
    challenged = oauth_server.authorize_requests[-1].get("code_challenge_method")
    assert challenged == (None if provider == "instagram" else "S256")


def test_signing_in_again_finds_the_same_account_and_follows_next(browser, oauth_server):
    oauth_server.sign_in_as("google", "g-42", email="ana@example.com", email_verified=True, name="Ana")
    first = browser.sign_in("google").user()

    again = Browser(browser.app).sign_in("google", next_path="/offers?city=Madrid")

    assert again.location == f"{PUBLIC_URL}/offers?city=Madrid"
    assert again.user().id == first.id
    assert _count(User) == 1 and _count(OAuthIdentity) == 1


def test_the_role_on_the_start_link_is_the_new_accounts_role(browser, oauth_server):
    oauth_server.sign_in_as("google", "g-biz", email="cafe@example.com", email_verified=True, name="Café Aurora")
    assert browser.sign_in("google", role="business").user().user_type is UserType.BUSINESS
    oauth_server.sign_in_as("tiktok", "t-x", handle="someone")
    assert Browser(browser.app).sign_in("tiktok", role="admin").user().user_type is UserType.CREATOR


def test_a_verified_provider_email_links_to_the_account_with_that_email(browser, oauth_server):
    existing = _password_account()
    oauth_server.sign_in_as("google", "g-ana", email="ANA@example.com", email_verified=True, name="Ana")

    outcome = browser.sign_in("google", next_path="/settings")

    assert outcome.location == f"{PUBLIC_URL}/settings"
    assert outcome.user().id == existing.id
    assert outcome.user().auth_providers == {"email": "ana@example.com", "google": "g-ana"}
    with database.session_scope() as db:  # the password still works
        assert accounts.authenticate(db, "ana@example.com", PASSWORD, ip_address="10.0.0.1") == existing.id


@pytest.mark.parametrize("provider, details", [
    ("google", dict(email="ana@example.com", email_verified=False, name="Not Ana")),
    ("facebook", dict(email="ana@example.com", name="Not Ana")),  # Facebook never says it verified
])
def test_an_unverified_provider_email_never_takes_over_an_account(browser, oauth_server, provider, details):
    _password_account()
    oauth_server.sign_in_as(provider, "intruder", **details)

    outcome = browser.sign_in(provider)

    assert outcome.error == "email_unverified" and outcome.session_token is None
    assert outcome.location.startswith(f"{PUBLIC_URL}/login?")
    assert _count(OAuthIdentity) == 0 and _count(User) == 1


def test_an_account_that_never_confirmed_its_email_is_not_linked(browser, oauth_server):
    """Someone may have signed up with another person's address: the owner's Google must not join them."""
    _password_account(verified=False)
    oauth_server.sign_in_as("google", "g-owner", email="ana@example.com", email_verified=True, name="Ana")

    outcome = browser.sign_in("google")

    assert outcome.error == "account_unconfirmed" and outcome.session_token is None
    assert _count(OAuthIdentity) == 0


def test_a_state_that_does_not_match_this_browser_is_refused(browser, oauth_server, app):
    oauth_server.sign_in_as("google", "g-1", email="ana@example.com", email_verified=True, name="Ana")

    def other_state(url: str) -> str:
        return url.replace("state=", "state=forged")

    forged = browser.sign_in("google", tamper=other_state)
    assert forged.error == "state" and forged.session_token is None

    # A callback opened in another browser (no flow cookie) is refused the same way.
    captured = {}

    def steal(url: str) -> str:
        captured["url"] = url
        return "/auth/oauth/google/callback?state=x&code=y"

    Browser(app).sign_in("google", tamper=steal)
    stranger = asyncio.run(_get(app, captured["url"]))
    assert parse_qs(urlparse(stranger.headers["location"]).query)["oauth_error"] == ["state"]
    assert _count(User) == 0


async def _get(app, url: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC_URL) as client:
        return await client.get(url)


def test_refusing_consent_comes_back_to_login_and_changes_nothing(browser, oauth_server):
    oauth_server.refuse_consent("facebook")

    outcome = browser.sign_in("facebook")

    assert outcome.error == "denied" and outcome.session_token is None
    assert "cancelled" in oauth_accounts.message(outcome.error, "facebook")
    assert _count(User) == 0


def test_a_provider_that_fails_the_exchange_is_reported_and_changes_nothing(browser, oauth_server, settings_env):
    settings_env.set(GOOGLE_CLIENT_SECRET="not-the-secret")
    oauth_server.sign_in_as("google", "g-1", email="ana@example.com", email_verified=True, name="Ana")

    outcome = browser.sign_in("google")

    assert outcome.error == "provider" and _count(User) == 0


def test_a_deactivated_account_is_refused(browser, oauth_server):
    oauth_server.sign_in_as("google", "g-banned", email="ana@example.com", email_verified=True, name="Ana")
    user = browser.sign_in("google").user()
    with database.session_scope() as db:
        db.exec(sa.update(User).where(User.id == user.id).values(is_active=False))

    outcome = Browser(browser.app).sign_in("google")

    assert outcome.error == "deactivated" and outcome.session_token is None
    assert "deactivated" in oauth_accounts.message("deactivated", "google")


def test_a_deleted_account_lets_its_provider_account_sign_up_afresh(browser, oauth_server):
    oauth_server.sign_in_as("google", "g-leaver", email="ana@example.com", email_verified=True, name="Ana")
    first = browser.sign_in("google")
    deleted = first.user()
    with database.session_scope() as db:  # no password on this account: its username confirms
        accounts.delete_account(db, actor_for_token(db, first.session_token), deleted.username)

    again = Browser(browser.app).sign_in("google")

    assert again.location == f"{PUBLIC_URL}/welcome"
    assert again.user().id != deleted.id
    assert _count(OAuthIdentity) == 1


@pytest.mark.parametrize("next_path", ["//evil.example/steal", "https://evil.example/", "/\\evil.example"])
def test_next_pointing_to_another_host_is_ignored(browser, oauth_server, next_path):
    oauth_server.sign_in_as("google", "g-1", email="ana@example.com", email_verified=True, name="Ana")
    browser.sign_in("google")  # the account exists, so the next sign-in follows `next`

    outcome = Browser(browser.app).sign_in("google", next_path=next_path)

    assert outcome.location == f"{PUBLIC_URL}/"
    assert outcome.user() is not None


def test_an_unknown_or_unconfigured_provider_is_not_started(app, settings_env):
    settings_env.set(TIKTOK_CLIENT_ID=None)
    for name in ("tiktok", "myspace"):
        response = asyncio.run(_get(app, f"/auth/oauth/{name}/start"))
        assert parse_qs(urlparse(response.headers["location"]).query)["oauth_error"] == ["unavailable"]


def test_an_admin_email_verified_by_the_provider_makes_an_admin(browser, oauth_server):
    oauth_server.sign_in_as("google", "g-boss", email="boss@example.com", email_verified=True, name="Boss")
    assert browser.sign_in("google").user().is_admin


def test_usernames_stay_unique(browser, oauth_server):
    _password_account(email="other@example.com", username="lucia_romero")
    oauth_server.sign_in_as("google", "g-lucia", email="lucia@example.com", email_verified=True, name="Lucía Romero")

    username = browser.sign_in("google").user().username

    assert username.startswith("lucia_romero_") and len(username) == len("lucia_romero_") + 4


def test_unlinking_needs_a_password_to_fall_back_on(browser, oauth_server):
    oauth_server.sign_in_as("google", "g-only", email="solo@example.com", email_verified=True, name="Solo")
    oauth_only = browser.sign_in("google")
    with database.session_scope() as db:
        actor = actor_for_token(db, oauth_only.session_token)
        linked = oauth_accounts.linked_accounts(db, actor)
        assert ([p.provider for p in linked.providers], linked.can_unlink) == (["google"], False)
        with pytest.raises(ServiceError, match="no password"):
            oauth_accounts.unlink(db, actor, "google")

    _password_account()
    oauth_server.sign_in_as("google", "g-ana", email="ana@example.com", email_verified=True, name="Ana")
    linked = Browser(browser.app).sign_in("google")
    with database.session_scope() as db:
        oauth_accounts.unlink(db, actor_for_token(db, linked.session_token), "google")
    assert linked.user().auth_providers == {"email": "ana@example.com"}
    assert _count(OAuthIdentity) == 1  # the OAuth-only account keeps its link
