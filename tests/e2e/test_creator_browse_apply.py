"""The creator's side of the marketplace in Chromium: search by a word and a filter (the URL carries
them and a reload keeps them), read the fit panel, apply (a too-short message is refused first),
follow the application on /my-applications and withdraw it; anonymous visitors cannot apply.

Each test makes its own business, offer and creator through the services, against the live app's
database, so nothing depends on the demo data or on other modules' tests; the offer is archived
afterwards, so other modules see the demo's offers only.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect
from sqlmodel import Session

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import Profile, User
from influfinder.services import offer_management
from influfinder.services.actors import Actor
from influfinder.services.passwords import hash_password
from tests.support.early_access import released
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

PASSWORD = "harbor lantern violet 42"
TOO_SHORT = "Count me in!"
MESSAGE = "I post smoothie and breakfast reels every week; my Madrid audience loves new brunch spots."


@dataclass(frozen=True)
class Market:
    offer_id: str
    title: str
    word: str  # a word found only in this offer's title
    creator_email: str


def _save(engine, *rows) -> None:
    with Session(engine, expire_on_commit=False) as db:
        for row in rows:
            db.add(row)
            db.flush()
        db.commit()


def _business(engine, tag: str) -> Actor:
    user = User(email=f"biz{tag}@example.com", username=f"biz_{tag}", user_type=UserType.BUSINESS, is_verified=True)
    _save(engine, user, Profile(user_id=user.id, company_name=f"Quokka Bowls {tag}", city="Madrid"))
    return Actor(id=user.id, session_id="e2e", username=user.username, email=user.email, display_name="Quokka",
                 user_type=UserType.BUSINESS, is_admin=False, is_verified=True)


def _offer_form(title: str) -> dict:
    now = datetime.now(timezone.utc)
    return {
        "title": title, "description": "Try our new smoothie bowls at the counter and film a reel of your visit.",
        "category": "FITNESS", "platforms": ["INSTAGRAM"], "budget_min": "100", "budget_max": "250",
        "currency": "EUR", "compensation_type": "PAID",
        "requirements": {"regular": {"min_followers": 1_000, "min_engagement": 2.0}},
        "content_specs": {"formats": ["REEL"], "required_hashtags": ["#ad"], "required_mentions": ["@quokka"]},
        "application_deadline": now + timedelta(days=12), "content_deadline": now + timedelta(days=30),
        "requires_visit": True, "city": "Madrid", "address": "Calle Mayor 1", "slots": 2, "min_tier": 0,
    }


def _creator(engine, tag: str, tier: int = 0) -> str:
    """A verified creator whose Instagram meets the offer's "regular creator" requirements."""
    email = f"creator{tag}@example.com"
    user = User(email=email, username=f"creator_{tag}", user_type=UserType.CREATOR, is_verified=True,
                password_hash=hash_password(PASSWORD))
    _save(engine, user, Profile(user_id=user.id, display_name=f"Creator {tag}", city="Madrid",
                                instagram_handle=f"creator_{tag}", instagram_followers=3_200,
                                instagram_engagement=4.2, tier_level=tier))
    return email


def _market(live_app, *, day_old: bool) -> Iterator[Market]:
    engine = database.make_engine(live_app.database_url)
    tag = uuid.uuid4().hex[:8]
    word = f"quokka{tag}"
    title = f"Quokka{tag} smoothie bowl morning"
    owner = _business(engine, tag)
    with Session(engine, expire_on_commit=False) as db:
        offer_id = offer_management.create_draft(db, owner, _offer_form(title))
        offer_management.publish(db, owner, offer_id)
        if day_old:
            released(db, offer_id)  # the creator is a Newbie: the day Pro creators see it first is over
        db.commit()
    yield Market(str(offer_id), title, word, _creator(engine, tag))
    # The live app is shared by every e2e module: leave /offers as the demo made it.
    with Session(engine, expire_on_commit=False) as db:
        offer_management.archive(db, owner, offer_id)
        db.commit()
    engine.dispose()


@pytest.fixture
def market(live_app) -> Iterator[Market]:
    """An offer published a day ago, and a Newbie creator who qualifies for it."""
    yield from _market(live_app, day_old=True)


@pytest.fixture
def new_market(live_app) -> Iterator[Market]:
    """The same, published this minute: for a day only Pro creators and up see it."""
    yield from _market(live_app, day_old=False)


def log_in(page, email: str) -> None:
    log_in_with(page, email, PASSWORD)


def choose(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def search(page, word: str) -> None:
    """Type a word, pick a category, apply: on a phone the filters first unfold."""
    cards = page.locator('[data-testid="offer-card"]')
    page.goto("/offers")
    expect(cards.first).to_be_visible()
    page.get_by_label("Search offers").fill(word)
    toggle = page.get_by_role("button", name=re.compile(r"^Filters"))
    if toggle.is_visible():
        toggle.click()
    choose(page, "Category", "Fitness")
    page.get_by_role("button", name="Apply filters").click()


def test_a_creator_finds_an_offer_checks_the_fit_applies_and_follows_it(page, console, market, screenshot):
    cards = page.locator('[data-testid="offer-card"]')
    log_in(page, market.creator_email)
    search(page, market.word)
    expect(page).to_have_url(re.compile(rf"[?&]q={market.word}\b"))
    expect(page).to_have_url(re.compile(r"[?&]category=fitness\b"))
    expect(cards).to_have_count(1)
    expect(cards.get_by_role("heading")).to_have_text(market.title)

    # The URL is the search: a reload shows the same result and the same filters.
    page.reload()
    expect(cards).to_have_count(1)
    expect(page.get_by_label("Search offers")).to_have_value(market.word)
    expect(page.get_by_test_id("active-filters")).to_contain_text("Fitness")
    screenshot("browse-filtered")

    cards.first.click()
    expect(page).to_have_url(re.compile(rf"/offers/{market.offer_id}/?$"))
    fit = page.get_by_test_id("fit-panel")
    expect(fit).to_contain_text("Followers")
    expect(fit).to_contain_text("3,200 on Instagram (self-reported); the offer asks for 1,000")
    expect(fit.locator('[data-met="false"]')).to_have_count(0)
    expect(page.get_by_test_id("business-record")).to_contain_text("Quokka Bowls")
    screenshot("offer-fit")

    page.get_by_test_id("apply-button").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Message").fill(TOO_SHORT)
    expect(dialog.get_by_test_id("message-counter")).to_have_text(f"{len(TOO_SHORT)} / 2,000")
    dialog.get_by_role("button", name="Send application").click()
    expect(dialog.get_by_text("Write a message of 20 to 2,000 characters.")).to_be_visible()

    dialog.get_by_label("Message").fill(MESSAGE)
    dialog.get_by_label(re.compile(r"^Proposed fee")).fill("180")
    dialog.get_by_label(re.compile(r"^Links to your work")).fill("https://instagram.com/p/quokka-bowls")
    dialog.get_by_role("button", name="Send application").click()
    expect(dialog.get_by_test_id("application-sent")).to_contain_text("Application sent")
    expect(dialog.get_by_role("link", name="Open my application")).to_have_attribute(
        "href", re.compile(r"^/en/applications/[0-9a-f-]{36}$"))  # an English page links to English pages
    dialog.get_by_role("button", name="Close").click()

    # Applying twice is not offered: the reason is given, with the way to the application.
    expect(page.get_by_test_id("apply-button")).to_be_disabled()
    expect(page.get_by_test_id("apply-reasons")).to_contain_text("You applied to this offer.")
    expect(page.get_by_role("link", name="View your application")).to_be_visible()

    page.goto("/my-applications")
    mine = page.get_by_test_id("my-application").filter(has_text=market.title)
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text("€180")
    screenshot("my-applications")
    mine.get_by_role("button", name="Withdraw").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Withdraw").click()
    expect(page.get_by_text(f"You withdrew your application to “{market.title}”.")).to_be_visible()
    expect(mine).to_contain_text("Withdrawn")
    expect(mine.get_by_role("button", name="Withdraw")).to_have_count(0)
    assert console.unexpected() == []


def test_a_new_offer_reaches_pro_creators_a_day_before_newbies(page, console, new_market, live_app, screenshot):
    cards = page.locator('[data-testid="offer-card"]')
    log_in(page, new_market.creator_email)  # a Newbie
    page.goto(f"/offers?q={new_market.word}")
    expect(page.get_by_test_id("no-offers")).to_be_visible()
    page.goto(f"/offers/{new_market.offer_id}")
    expect(page.get_by_text("Offer not found")).to_be_visible()

    page.get_by_test_id("account-menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))
    engine = database.make_engine(live_app.database_url)
    log_in(page, _creator(engine, uuid.uuid4().hex[:8], tier=2))  # a Pro creator
    engine.dispose()
    page.goto(f"/offers?q={new_market.word}")
    expect(cards).to_have_count(1)
    expect(cards.first.get_by_text("Early access")).to_be_visible()
    screenshot("browse-early-access")
    cards.first.click()
    expect(page.get_by_role("heading", name=new_market.title)).to_be_visible()
    expect(page.get_by_test_id("apply-button")).to_be_enabled()
    assert console.unexpected() == []


def test_an_anonymous_visitor_sees_apply_disabled_and_how_to_apply(page, console, market):
    page.goto(f"/offers/{market.offer_id}")
    expect(page.get_by_role("heading", name=market.title)).to_be_visible()
    expect(page.get_by_test_id("apply-button")).to_be_disabled()
    expect(page.get_by_text("Log in as a creator to apply")).to_be_visible()
    expect(page.get_by_test_id("fit-login")).to_be_visible()
    expect(page.get_by_test_id("offer-detail").get_by_role("link", name="Log in")).to_have_attribute(
        "href", f"/en/login?next=%2Fen%2Foffers%2F{market.offer_id}")
    assert console.unexpected() == []


def test_a_shared_link_with_a_bad_value_explains_it_and_still_shows_offers(page, console):
    page.goto("/offers?category=spaceships&sort=cheapest&page=2")
    problem = page.get_by_test_id("url-problem")
    expect(problem).to_contain_text("Unknown category")
    expect(problem).to_contain_text("Unknown sort")
    expect(page.locator('[data-testid="offer-card"]').first).to_be_visible()
    expect(page.get_by_text("Page 2 of")).to_be_visible()  # the good part of the link is kept
    assert console.unexpected() == []
