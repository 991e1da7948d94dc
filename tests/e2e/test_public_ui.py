"""The public UI a visitor uses: navbar on desktop and phone, colour mode, keyboard, offer detail."""

import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from sqlmodel import Session, select

from influfinder.database import make_engine
from influfinder.domain.enums import OfferStatus
from influfinder.domain.tier_benefits import EARLY_ACCESS
from influfinder.domain.moments import as_utc
from influfinder.models import Offer, User
from influfinder.services.demo_data import BUSINESSES, planned_offers

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]  # the first test may wait for the build

CARDS = '[data-testid="offer-card"]'


@pytest.fixture(scope="module")
def live_offers(live_app) -> list[Offer]:
    """The demo's current offers in the live app's database (the demo loaded them at start-up), not
    those other tests publish for the same businesses."""
    engine = make_engine(live_app.database_url)
    try:
        with Session(engine, expire_on_commit=False) as db:
            return list(db.exec(select(Offer).join(User, User.id == Offer.business_id)
                                .where(User.email.in_([b.email for b in BUSINESSES]),
                                       Offer.title.in_([p.title for p in planned_offers(datetime.now(timezone.utc))]))
                                .order_by(Offer.created_at)).all())
    finally:
        engine.dispose()


def demo_offers(live_offers, keep) -> list:
    return [o for o in live_offers if keep(o)]


def in_early_access(offer) -> bool:
    """Published less than a day ago: only Pro creators and up see it yet."""
    return as_utc(offer.published_at) > datetime.now(timezone.utc) - EARLY_ACCESS


def newest_public_offer(live_offers):
    """The newest open demo offer a visitor sees: on the first page of /offers, whatever other tests published."""
    offers = demo_offers(live_offers, lambda o: o.status is OfferStatus.ACTIVE and o.is_public and not in_early_access(o))
    return max(offers, key=lambda o: o.created_at)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_navbar_offers_a_visitors_places_in_the_top_bar_or_on_a_phone_in_the_bottom_bar(page, viewport, console):
    page.goto("/")
    console.wait_for_live_socket(page)
    # A visitor's places: Offers, Log in, Sign up; never Messages or the bell (tests/e2e/test_navigation.py).
    places = page.locator("header") if viewport.name == "desktop" else page.get_by_test_id("bottom-bar")
    for name in ("Offers", "Log in", "Sign up"):
        expect(places.get_by_role("link", name=name)).to_be_visible()
    expect(page.get_by_role("link", name="Messages")).to_have_count(0)
    expect(page.get_by_role("link", name="Notifications")).to_have_count(0)
    expect(page.get_by_role("button", name="Toggle dark mode")).to_be_visible()
    if viewport.name == "mobile":
        expect(page.get_by_test_id("bottom-bar")).to_be_visible()
        expect(page.locator("header").get_by_role("link", name="Offers")).to_be_hidden()
    places.get_by_role("link", name="Offers").click()
    expect(page).to_have_url(re.compile(r"/offers/?$"))
    expect(page.locator(CARDS).first).to_be_visible()
    # the current section is marked for screen readers
    expect(places.get_by_role("link", name="Offers")).to_have_attribute("aria-current", "page")
    expect(places.get_by_role("link", name="Log in")).not_to_have_attribute("aria-current", "page")
    assert console.unexpected() == []


def test_the_colour_mode_switches_to_dark_and_back(page, viewport, console):
    page.goto("/offers")
    console.wait_for_live_socket(page)
    html = page.locator("html")
    expect(html).not_to_have_class(re.compile(r"\bdark\b"))

    def toggle() -> None:  # in the top bar at every width (the phone has no second menu to hide it in)
        page.get_by_role("button", name="Toggle dark mode").click()

    toggle()
    expect(html).to_have_class(re.compile(r"\bdark\b"))
    toggle()
    expect(html).not_to_have_class(re.compile(r"\bdark\b"))
    assert console.unexpected() == []


def test_the_keyboard_reaches_the_page_with_a_visible_focus_ring(page, viewport, console):
    page.goto("/")
    console.wait_for_live_socket(page)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Tab")
    home = page.get_by_role("link", name="Influfinder home").first
    expect(home).to_be_focused()
    assert home.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    page.keyboard.press("Tab")
    if viewport.name == "mobile":  # the header's own button first: on a phone the places sit below it
        expect(page.get_by_role("button", name="Toggle dark mode")).to_be_focused()
        page.keyboard.press("Tab")
    # Next come the places: the top bar's on a wide screen, on a phone the bottom bar's (read right after the header).
    places = page.locator("header") if viewport.name == "desktop" else page.get_by_test_id("bottom-bar")
    expect(places.get_by_role("link", name="Offers")).to_be_focused()


def test_a_card_opens_the_offers_public_page_with_its_terms(page, console, screenshot, live_offers):
    offer = newest_public_offer(live_offers)
    page.goto("/offers")
    console.wait_for_live_socket(page)
    page.locator(f'{CARDS}[href="/en/offers/{offer.id}"]').first.click()  # an English page links to English pages
    expect(page).to_have_url(re.compile(rf"/offers/{offer.id}$"))
    detail = page.get_by_test_id("offer-detail")
    expect(detail.get_by_role("heading", level=1)).to_have_text(offer.title)
    expect(detail.get_by_text(offer.compensation_details)).to_be_visible()
    expect(detail.get_by_text(f"{offer.requirements['influencer']['min_followers']:,}")).to_be_visible()
    for tag in offer.content_specs["required_hashtags"] + offer.content_specs["required_mentions"]:
        expect(detail.get_by_text(tag, exact=True)).to_be_visible()
    if offer.requires_visit:
        expect(detail.get_by_text(offer.address)).to_be_visible()
    expect(detail.get_by_role("button", name="Apply")).to_be_disabled()
    expect(detail.get_by_text("Log in as a creator to apply")).to_be_visible()
    assert fits_the_screen(page)
    screenshot("offer-detail")
    assert console.unexpected() == []


KEEP = {
    "draft": lambda o: o.status is OfferStatus.DRAFT,
    "private": lambda o: o.status is OfferStatus.ACTIVE and not o.is_public,
    "early-access": lambda o: o.status is OfferStatus.ACTIVE and o.is_public and in_early_access(o),
}


@pytest.mark.parametrize("which", ["draft", "private", "early-access", "not-an-id"])
def test_an_offer_that_is_not_public_shows_offer_not_found(page, console, which, live_offers):
    if which == "not-an-id":
        offer_id = "not-an-id"
    else:
        offer = demo_offers(live_offers, KEEP[which])[0]
        offer_id = str(offer.id)
    page.goto(f"/offers/{offer_id}")
    not_found = page.get_by_test_id("offer-not-found")
    expect(not_found.get_by_role("heading", name="Offer not found")).to_be_visible()
    expect(page.get_by_test_id("offer-detail")).to_have_count(0)
    not_found.get_by_role("link", name="Browse offers").click()
    expect(page).to_have_url(re.compile(r"/offers/?$"))
    assert console.unexpected() == []


def test_the_landing_page_explains_tiers_trust_and_both_audiences(page, console):
    page.goto("/")
    for heading in ("For creators", "For businesses and agencies", "How it works", "Grow from Newbie to Legend",
                    "AI compliance check", "Ratings both ways", "Verified visits"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    for tier in ("Newbie", "Explorer", "Pro", "Elite", "Master", "Legend"):
        expect(page.get_by_text(tier, exact=True).first).to_be_visible()
    expect(page.get_by_role("link", name="Create offer").first).to_be_visible()
    assert fits_the_screen(page)
    assert console.unexpected() == []

