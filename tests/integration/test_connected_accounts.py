"""Connecting Instagram, TikTok and Facebook for verified audience figures, against local provider APIs.

The app's real HTTP routes run in-process; the providers are tests/support/oauth_server.py on
127.0.0.1, which speaks the Instagram API with Instagram Login, TikTok's Display API and Facebook's
Pages API, and fails on demand the way each does. The daily refresh is the job runner's own function.
Every failure must leave the last good snapshot in place and say in Settings what happened.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import sqlalchemy as sa

from influfinder import database
from influfinder.api.routes import build_api
from influfinder.domain.enums import UserType
from influfinder.integrations import rate_limit, token_vault
from influfinder.models import AudienceSnapshot, ConnectedAccount, Profile, User
from influfinder.services import accounts, audience_refresh, connected_accounts, effects, profiles, sessions
from influfinder.services.unit_of_work import Credentials, call
from influfinder.settings import reset_settings_cache
from tests.support.oauth_server import OAuthServer
from tests.support.people import person, session_for

PUBLIC_URL = "http://localhost:3000"


@pytest.fixture
def provider():
    with OAuthServer() as server:
        yield server


@pytest.fixture
def app(settings_env, sqlite_url, provider):
    settings_env.set(DATABASE_URL=sqlite_url, SECRET_KEY="connect-test", BCRYPT_ROUNDS="4", PUBLIC_URL=PUBLIC_URL,
                     **provider.env("instagram", "tiktok", "facebook"))
    sessions.store.cache_clear()
    rate_limit.limiter.cache_clear()
    database.migrate()
    yield build_api()
    effects.drain()
    sessions.store.cache_clear()


@pytest.fixture
def creator(app):
    return person(UserType.CREATOR, name="Sofía Films")


def connect(app, actor, provider_name: str) -> str:
    """Click "Connect <provider>" in Settings and follow the redirects; returns the ?connect= code."""
    async def flow() -> str:
        cookies = {sessions.COOKIE_NAME: session_for(actor)}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC_URL,
                                     cookies=cookies) as site, httpx.AsyncClient() as outside:
            response = await site.get(f"/auth/oauth/{provider_name}/connect")
            location = response.headers["location"]
            if not location.startswith(PUBLIC_URL):
                location = (await outside.get(location)).headers["location"]  # the consent page
                response = await site.get(location)
                location = response.headers["location"]
            assert urlparse(location).path == "/settings", location
            return parse_qs(urlparse(location).query)["connect"][0]
    return asyncio.run(flow())


def settings_card(actor) -> connected_accounts.ConnectedAccounts:
    with database.session_scope() as db:
        return connected_accounts.my_connected_accounts(db, actor)


def snapshots(actor) -> list[AudienceSnapshot]:
    with database.session_scope() as db:
        return list(db.exec(sa.select(AudienceSnapshot).join(ConnectedAccount).where(
            ConnectedAccount.user_id == actor.id).order_by(AudienceSnapshot.taken_on)).scalars())


def profile(actor) -> Profile:
    with database.session_scope() as db:
        return db.exec(sa.select(Profile).where(Profile.user_id == actor.id)).scalar_one()


def tomorrow(days: int = 1) -> datetime:
    return datetime.now(timezone.utc) + timedelta(days=days, minutes=1)


def due_now(actor) -> None:
    """The account's daily turn has come (so the refresh runs at the real now, which Settings words against)."""
    with database.session_scope() as db:
        db.exec(sa.update(ConnectedAccount).where(ConnectedAccount.user_id == actor.id)
                .values(next_refresh_at=datetime.now(timezone.utc) - timedelta(minutes=1)))


def given_instagram(provider, followers=12_000):
    provider.sign_in_as("instagram", "ig-1", handle="sofia.films", name="Sofía")
    provider.audience_of("instagram", followers=followers, following=300, posts=120,
                         likes=[500, 400, 300], comments=[40, 30, 50])


def given_tiktok(provider, followers=48_000):
    provider.sign_in_as("tiktok", "tt-1", handle="sofia_dances", name="Sofía")
    provider.audience_of("tiktok", followers=followers, following=80, posts=60, verified=True,
                         total_likes=144_000)


# --- connecting -------------------------------------------------------------------------------------


def test_connecting_instagram_imports_its_figures_as_verified(app, provider, creator):
    given_instagram(provider)

    assert connect(app, creator, "instagram") == "connected"

    [view] = settings_card(creator).accounts
    assert (view.label, view.handle, view.followers, view.following, view.posts) == (
        "Instagram", "sofia.films", 12_000, 300, 120)
    assert view.engagement == pytest.approx(100 * 440 / 12_000, abs=0.01)  # (likes + comments) per post / followers
    assert view.source == "Verified via Instagram, updated today" and view.problem == ""
    # the consent page asked for read-only figures, not the sign-in scope alone
    assert provider.authorize_requests[-1]["scope"] == "instagram_business_basic"
    kept = profile(creator)
    assert kept.verified_audience["instagram"]["followers"] == 12_000 and kept.instagram_handle == "sofia.films"
    with database.session_scope() as db:  # the token is kept sealed, never as the provider gave it
        row = db.exec(sa.select(ConnectedAccount)).scalar_one()
        assert row.access_token.startswith("gAAAA") and token_vault.open_sealed(row.access_token)


def test_connecting_tiktok_reads_the_display_api_and_keeps_the_refresh_token(app, provider, creator):
    given_tiktok(provider)

    assert connect(app, creator, "tiktok") == "connected"

    [view] = settings_card(creator).accounts
    assert (view.followers, view.posts, view.provider_verified) == (48_000, 60, True)
    assert view.engagement == pytest.approx(100 * 144_000 / 60 / 48_000, abs=0.01)
    assert provider.authorize_requests[-1]["scope"] == "user.info.basic,user.info.profile,user.info.stats"
    with database.session_scope() as db:
        assert db.exec(sa.select(ConnectedAccount.refresh_token)).scalar_one() is not None


def test_connecting_facebook_reads_the_page_with_most_followers(app, provider, creator):
    provider.sign_in_as("facebook", "fb-1", name="Sofía")
    provider.audience_of("facebook", pages=[
        {"id": "p1", "name": "Side project", "followers_count": 90, "fan_count": 80},
        {"id": "p2", "name": "Sofía Films", "username": "sofiafilms", "followers_count": 7_300, "fan_count": 7_000}])

    assert connect(app, creator, "facebook") == "connected"

    [view] = settings_card(creator).accounts
    assert (view.handle, view.followers, view.engagement) == ("sofiafilms", 7_300, None)


def test_one_provider_account_cannot_verify_two_creators(app, provider, creator):
    given_instagram(provider)
    assert connect(app, creator, "instagram") == "connected"

    other = person(UserType.CREATOR)
    assert connect(app, other, "instagram") == "taken"
    assert settings_card(other).accounts == []


def test_a_business_cannot_connect_an_account(app, provider):
    given_instagram(provider)
    business = person(UserType.BUSINESS)
    assert connect(app, business, "instagram") == "creators_only"
    assert provider.authorize_requests == []  # never sent to the consent page


def test_refusing_consent_changes_nothing(app, provider, creator):
    given_instagram(provider)
    provider.refuse_consent("instagram")
    assert connect(app, creator, "instagram") == "denied"
    assert settings_card(creator).accounts == []


def test_an_answer_in_the_wrong_shape_at_connect_keeps_nothing(app, provider, creator):
    given_instagram(provider)
    provider.fail("instagram", "malformed")
    assert connect(app, creator, "instagram") == "malformed"
    assert settings_card(creator).accounts == [] and profile(creator).verified_audience == {}


def test_a_flow_started_by_one_person_never_connects_to_another(app, provider, creator):
    given_instagram(provider)
    other = person(UserType.CREATOR)

    async def flow() -> str:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC_URL,
                                     cookies={sessions.COOKIE_NAME: session_for(creator)}) as site, \
                httpx.AsyncClient() as outside:
            consent = (await site.get("/auth/oauth/instagram/connect")).headers["location"]
            callback = (await outside.get(consent)).headers["location"]
            site.cookies.set(sessions.COOKIE_NAME, session_for(other))  # someone else signs in meanwhile
            return (await site.get(callback)).headers["location"]

    assert "connect=state" in asyncio.run(flow())
    assert settings_card(creator).accounts == [] and settings_card(other).accounts == []


def test_connecting_needs_a_signed_in_session_and_a_provider_with_figures(app, provider):
    async def start(path: str, cookies: dict | None = None) -> str:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC_URL,
                                     cookies=cookies or {}) as site:
            return (await site.get(path)).headers["location"]

    assert asyncio.run(start("/auth/oauth/instagram/connect")) == f"{PUBLIC_URL}/login?next=/settings"
    forged = {sessions.COOKIE_NAME: "not-a-session"}
    assert "connect=creators_only" in asyncio.run(start("/auth/oauth/instagram/connect", forged))
    assert "connect=unavailable" in asyncio.run(start("/auth/oauth/google/connect"))  # sign-in only
    assert provider.authorize_requests == []


# --- the daily refresh ------------------------------------------------------------------------------


def test_the_daily_refresh_adds_a_dated_snapshot(app, provider, creator):
    given_instagram(provider)
    connect(app, creator, "instagram")
    provider.audience_of("instagram", followers=12_600, following=301, posts=121, likes=[600], comments=[30])

    assert audience_refresh.refresh_due(tomorrow()) == 1

    history = snapshots(creator)
    assert [s.followers for s in history] == [12_000, 12_600]
    assert history[1].taken_on == tomorrow().date()
    assert profile(creator).verified_audience["instagram"]["followers"] == 12_600
    assert settings_card(creator).accounts[0].followers == 12_600


def test_nothing_is_refreshed_before_its_day(app, provider, creator):
    given_instagram(provider)
    connect(app, creator, "instagram")
    calls = len(provider.api_requests)

    assert audience_refresh.refresh_due(datetime.now(timezone.utc) + timedelta(hours=20)) == 0
    assert len(provider.api_requests) == calls


def test_an_expired_tiktok_token_is_renewed_with_the_refresh_token(app, provider, creator):
    given_tiktok(provider)
    connect(app, creator, "tiktok")
    provider.fail("tiktok", "expired")
    provider.audience_of("tiktok", followers=50_000, posts=61, verified=True, total_likes=150_000)

    assert audience_refresh.refresh_due(tomorrow()) == 1

    [view] = settings_card(creator).accounts
    assert (view.followers, view.problem) == (50_000, "")
    assert any(r.get("grant_type") == "refresh_token" for r in provider.token_requests)


@pytest.mark.parametrize("mode, says", [
    ("expired", "Instagram says our access has expired. Connect Instagram again"),
    ("revoked", "Instagram no longer lets us read your account"),
    ("rate_limited", "Instagram asked us to slow down. We will try again in 3 hours."),
    ("malformed", "Instagram sent figures we could not read. We will try again in 60 minutes."),
])
def test_a_failed_refresh_keeps_the_last_good_snapshot_and_says_why(app, provider, creator, mode, says):
    given_instagram(provider)
    connect(app, creator, "instagram")
    provider.fail("instagram", mode, retry_after=3 * 3600)
    due_now(creator)

    assert audience_refresh.refresh_due() == 0

    [view] = settings_card(creator).accounts
    assert view.followers == 12_000 and view.source.startswith("Verified via Instagram")
    assert view.problem.startswith(says), view.problem
    assert profile(creator).verified_audience["instagram"]["followers"] == 12_000
    assert [s.followers for s in snapshots(creator)] == [12_000]


def test_a_revoked_tiktok_account_waits_for_its_owner_to_connect_again(app, provider, creator):
    given_tiktok(provider)
    connect(app, creator, "tiktok")
    provider.fail("tiktok", "revoked")

    audience_refresh.refresh_due(tomorrow())
    calls = len(provider.api_requests)
    audience_refresh.refresh_due(tomorrow(3))

    assert len(provider.api_requests) == calls, "retrying a revoked access cannot help"
    [view] = settings_card(creator).accounts
    assert view.followers == 48_000 and "no longer lets us read" in view.problem

    provider.recover("tiktok")
    assert connect(app, creator, "tiktok") == "connected"
    assert settings_card(creator).accounts[0].problem == ""


def test_a_rate_limited_account_is_not_asked_again_before_retry_after(app, provider, creator):
    given_tiktok(provider)
    connect(app, creator, "tiktok")
    provider.fail("tiktok", "rate_limited", retry_after=6 * 3600)
    first = tomorrow()
    audience_refresh.refresh_due(first)
    calls = len(provider.api_requests)

    audience_refresh.refresh_due(first + timedelta(hours=5))
    assert len(provider.api_requests) == calls

    provider.recover("tiktok")
    assert audience_refresh.refresh_due(first + timedelta(hours=6, minutes=1)) == 1
    assert settings_card(creator).accounts[0].problem == ""


def test_tokens_sealed_with_an_old_secret_key_still_open_and_are_resealed(app, provider, creator, settings_env):
    given_tiktok(provider)
    connect(app, creator, "tiktok")
    settings_env.set(SECRET_KEY="rotated-key", OLD_SECRET_KEYS="connect-test")
    reset_settings_cache()

    assert audience_refresh.refresh_due(tomorrow()) == 1

    settings_env.set(OLD_SECRET_KEYS="")
    reset_settings_cache()
    with database.session_scope() as db:
        row = db.exec(sa.select(ConnectedAccount)).scalar_one()
        assert token_vault.open_sealed(row.access_token)  # opens with the new key alone


# --- unlinking and deleting -------------------------------------------------------------------------


def test_disconnecting_revokes_the_token_and_deletes_the_figures(app, provider, creator):
    given_tiktok(provider)
    connect(app, creator, "tiktok")

    call(Credentials(session_for(creator)), connected_accounts.disconnect, "tiktok")
    effects.drain()

    assert settings_card(creator).accounts == [] and snapshots(creator) == []
    assert profile(creator).verified_audience == {}
    assert len(provider.revoked) == 1


def test_deleting_the_account_revokes_every_connected_token(app, provider, creator):
    given_tiktok(provider)
    provider.sign_in_as("facebook", "fb-9", name="Sofía")
    provider.audience_of("facebook", pages=[{"id": "p9", "name": "Sofía", "followers_count": 10}])
    connect(app, creator, "tiktok")
    connect(app, creator, "facebook")

    with database.session_scope() as db:
        username = db.get(User, creator.id).username
    call(Credentials(session_for(creator)), accounts.delete_account, username)
    effects.drain()

    assert len(provider.revoked) == 2
    with database.session_scope() as db:
        assert db.exec(sa.select(sa.func.count()).select_from(ConnectedAccount)).scalar_one() == 0


# --- the total Find creators filters and sorts by ---------------------------------------------------


def test_the_total_find_creators_uses_follows_settings_connecting_refreshing_and_unlinking(app, provider, creator):
    """Profile.audience_followers (per platform the verified followers where there are, else the typed ones)
    and audience_verified (some platform has verified figures)."""
    def save_settings(instagram: int, tiktok: int) -> None:
        call(Credentials(session_for(creator)), profiles.update_profile, {
            "instagram": {"handle": "sofia.films", "followers": instagram}, "tiktok": {"followers": tiktok}})

    def audience(actor) -> tuple[int, bool]:
        kept = profile(actor)
        return kept.audience_followers, kept.audience_verified

    save_settings(instagram=500_000, tiktok=2_000)
    assert audience(creator) == (502_000, False)  # all typed

    given_instagram(provider, followers=3_000)
    connect(app, creator, "instagram")
    assert audience(creator) == (5_000, True)  # 3,000 beat 500,000

    provider.audience_of("instagram", followers=3_600, following=300, posts=121, likes=[60], comments=[3])
    audience_refresh.refresh_due(tomorrow())
    assert audience(creator) == (5_600, True)

    save_settings(instagram=900_000, tiktok=4_000)  # typing more on a connected platform changes nothing
    assert audience(creator) == (7_600, True)

    call(Credentials(session_for(creator)), connected_accounts.disconnect, "instagram")
    effects.drain()
    assert audience(creator) == (904_000, False)  # typed again


# --- what the Settings card shows (its Reflex state, as a page event runs it) ------------------------


def test_the_settings_card_shows_the_figures_the_problem_and_the_outcome_of_connecting(app, provider, creator):
    from influfinder.state.connected_accounts import ConnectedAccountsState
    from tests.support.pages import open_page, run

    given_tiktok(provider)
    connect(app, creator, "tiktok")
    provider.fail("tiktok", "rate_limited", retry_after=2 * 3600)
    due_now(creator)
    audience_refresh.refresh_due()

    page = open_page(ConnectedAccountsState, "/settings?connect=connected&provider=tiktok", session_for(creator))
    run(page, "load")

    assert page.notice == "TikTok is connected: your figures from it are now shown as verified."
    [row] = page.accounts
    assert (row.label, row.handle, row.followers, row.badge) == ("TikTok", "sofia_dances", "48K", True)
    assert row.source == "Verified via TikTok, updated today"
    assert row.problem == "TikTok asked us to slow down. We will try again in 2 hours."
    assert sorted(c.name for c in page.can_connect) == ["facebook", "instagram"]
    assert run(page, "connect", "tiktok") == []  # already connected: nowhere to go
    assert "/auth/oauth/instagram/connect" in str(run(page, "connect", "instagram"))

    run(page, "disconnect", {"$ne": "x"})
    assert page.error == "That account is not connected." and len(page.accounts) == 1
    run(page, "disconnect", "tiktok")
    assert page.accounts == [] and "Disconnected" in page.notice


def test_a_refused_connection_is_told_as_an_error(app, provider, creator):
    from influfinder.state.connected_accounts import ConnectedAccountsState
    from tests.support.pages import open_page, run

    page = open_page(ConnectedAccountsState, "/settings?connect=taken&provider=instagram", session_for(creator))
    run(page, "load")

    assert page.error == "This Instagram account is already connected to another Influfinder account."
    assert page.notice == "" and page.accounts == []
