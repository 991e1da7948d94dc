"""The public pages of the production build, as a visitor sees them on a desktop and a phone."""

import re
from datetime import datetime, timezone

import httpx
import pytest
from playwright.sync_api import expect

import sqlalchemy as sa

from influfinder.database import make_engine
from influfinder.domain.enums import OfferStatus
from influfinder.domain.tier_benefits import EARLY_ACCESS
from influfinder.models import Offer
from influfinder.services.demo_data import planned_offers
from influfinder.state.offers import PAGE_SIZE
from tests.support.demo import NOW

pytestmark = pytest.mark.e2e  # tests/conftest.py gives e2e tests time for the first build


def demo_open_offers() -> int:
    """How many demo offers a visitor sees: active, public and out of the Pro creators' early-access day."""
    return sum(1 for o in planned_offers(NOW)
               if o.status is OfferStatus.ACTIVE and o.is_public and o.published_at <= NOW - EARLY_ACCESS)


def public_offer_titles(live_app) -> list[str]:
    """The live app's open public offers, newest first: what /offers must list. Read from its database
    because other browser tests publish offers on the same server (the demo's are among them)."""
    engine = make_engine(live_app.database_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(
                sa.select(Offer.title)
                .where(Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True),
                       # Offers published in the last day are for Pro creators and up only.
                       Offer.published_at <= datetime.now(timezone.utc) - EARLY_ACCESS)
                .order_by(Offer.created_at.desc(), Offer.id.desc())
            ).scalars())
    finally:
        engine.dispose()


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_production_build_serves_health_and_info_beside_the_pages(live_app):
    health = httpx.get(f"{live_app.api_url}/health", timeout=10)
    assert health.json() == {"status": "ok", "database": "ok", "redis": "disabled"}
    assert httpx.get(f"{live_app.api_url}/info", timeout=10).json()["environment"] == "production"


def test_a_second_visit_reuses_the_builds_scripts_without_asking_again(live_app):
    """Scripts named after their content are kept a year; the page itself is asked for again."""
    page = httpx.get(f"{live_app.api_url}/en/offers/", timeout=10)
    scripts = re.findall(r'/assets/[\w.-]+\.js', page.text)
    assert scripts, "the page names its scripts"
    for path in sorted(set(scripts))[:5]:
        script = httpx.get(f"{live_app.api_url}{path}", timeout=10)
        assert script.status_code == 200
        assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "immutable" not in page.headers.get("cache-control", "")
    assert "immutable" not in httpx.get(f"{live_app.api_url}/styles.css", timeout=10).headers.get("cache-control", "")


def test_the_landing_page_shows_its_headline_and_calls_to_action(page, console, screenshot):
    page.goto("/")
    expect(page.get_by_role("heading", name="Real collaborations between creators and the places they love")).to_be_visible()
    browse = page.get_by_role("link", name="Browse offers").first  # the hero's; the page repeats it lower down
    expect(browse).to_be_visible()
    expect(page.get_by_role("link", name="Sign up").first).to_have_attribute("href", "/en/signup")  # English pages
    console.wait_for_live_socket(page)
    assert fits_the_screen(page)
    screenshot("landing")
    browse.click()
    expect(page).to_have_url(re.compile(r"/offers/?$"))
    expect(page.locator('[data-testid="offer-card"]').first).to_be_visible()
    assert console.unexpected() == []


def test_offers_lists_the_open_offers_twenty_a_page_with_the_total(page, live_app, console, screenshot):
    titles = public_offer_titles(live_app)
    pages = -(-len(titles) // PAGE_SIZE)
    assert len(titles) >= demo_open_offers(), "the demo's open offers are there"
    cards = page.locator('[data-testid="offer-card"]')
    page.goto("/offers")
    expect(cards).to_have_count(PAGE_SIZE)
    expect(page.get_by_text(re.compile(rf"\b{len(titles)} open\b")).first).to_be_visible()
    expect(page.get_by_text(f"Page 1 of {pages}")).to_be_visible()
    assert cards.get_by_role("heading").all_inner_texts() == titles[:PAGE_SIZE]
    # The first screen's covers load at once, the first before anything else; the rest when scrolled near.
    covers = cards.locator("img.cover")
    assert [covers.nth(i).get_attribute("loading") for i in (0, 2, 3)] == ["eager", "eager", "lazy"]
    assert [covers.nth(i).get_attribute("fetchpriority") for i in (0, 3)] == ["high", "auto"]
    assert fits_the_screen(page)
    screenshot("offers")

    page.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2\b"))
    expect(cards).to_have_count(min(PAGE_SIZE, len(titles) - PAGE_SIZE))
    expect(page.get_by_text(f"Page 2 of {pages}")).to_be_visible()
    assert cards.get_by_role("heading").all_inner_texts() == titles[PAGE_SIZE:2 * PAGE_SIZE]
    screenshot("offers-page-2")
    assert console.unexpected() == []


def test_an_unknown_address_shows_the_404_page(page, live_app, console, screenshot):
    response = page.goto("/no-such-page")
    assert response.status == 404
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible()
    expect(page.get_by_role("link", name="Go home")).to_have_attribute("href", "/en")  # English pages
    console.wait_for_live_socket(page)
    assert fits_the_screen(page)
    screenshot("not-found")
    # Chromium reports the 404 status of the page itself as a console error: that one is the point.
    assert console.unexpected(expected_404=f"{live_app.base_url}/en/no-such-page") == []  # an English browser is sent to /en first
