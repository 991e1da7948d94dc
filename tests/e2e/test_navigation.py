"""Navigation by role, in a real browser at 1280 and 390 px (components/nav_links.py, role_nav.py).

Each kind of user sees exactly its own places: on a wide screen in the top bar, on a phone in a
bottom bar (one menu of places; the account menu keeps only account things). Counts of what
waits for a business are the live database's. Screenshots: tests/output/screenshots/nav-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect
from sqlmodel import Session, select

from influfinder import database
from influfinder.models import User
from influfinder.services import waiting_work
from tests.support import OUTPUT_DIR
from tests.support.browser import DESKTOP, MOBILE
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

DEMO_PASSWORD = "influfinder-demo-2026"
CREATOR, BUSINESS, AGENCY, ADMIN = ("lucia@creators.demo", "hello@cafeaurora.demo", "brands@novaagency.demo",
                                    "admin@influfinder.demo")
BUSINESS_WIDE = ["Dashboard", "My offers", "Collaborations", "Messages", "Create offer"]
BUSINESS_PHONE = ["Dashboard", "My offers", "Create", "Collabs", "Messages"]
# Who signs in -> the places in the top bar (1280 px) and in the bottom bar (390 px), in their order.
ROLES = {
    "visitor": (None, ["Offers", "Log in", "Sign up"], ["Offers", "Log in", "Sign up"]),
    "creator": (CREATOR, ["Offers", "My applications", "Collaborations", "Messages", "Progress"],
                ["Offers", "Applications", "Collabs", "Messages", "Progress"]),
    "business": (BUSINESS, BUSINESS_WIDE, BUSINESS_PHONE),
    "agency": (AGENCY, BUSINESS_WIDE, BUSINESS_PHONE),
    "admin": (ADMIN, ["Admin", *BUSINESS_WIDE], ["Admin", *BUSINESS_PHONE]),
}
# The visible links' accessible names, in document order (what a screen reader lists).
VISIBLE_LINK_NAMES = """root => [...root.querySelectorAll('a')]
    .filter(a => a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden')
    .map(a => (a.getAttribute('aria-label') || a.innerText).trim())"""


@pytest.fixture(scope="module")
def live_db(live_app) -> Iterator[sa.Engine]:
    engine = database.make_engine(live_app.database_url)
    yield engine
    engine.dispose()


def log_in(page, console, email: str) -> None:
    log_in_with(page, email, DEMO_PASSWORD)
    page.wait_for_load_state("networkidle")  # the landing page's own requests end before the test moves on


def shoot(page, name: str) -> None:
    """What the user sees on opening the page (the bars are fixed: a full-page shot would move them)."""
    (OUTPUT_DIR / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / "screenshots" / f"{name}.png"))


def places(names: list[str]) -> list[str]:
    """"Messages, 2 unread" -> "Messages": the place, without what waits there."""
    return [name.split(",")[0] for name in names]


def bottom_bar(page):
    return page.get_by_test_id("bottom-bar")


def shown_places(page, viewport) -> list[str]:
    if viewport.name == "desktop":
        names = page.locator("header").evaluate(VISIBLE_LINK_NAMES)
        return [n for n in places(names) if n not in ("Influfinder home", "Notifications")]
    expect(bottom_bar(page)).to_be_visible()
    return places(bottom_bar(page).evaluate(VISIBLE_LINK_NAMES))


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_sees_exactly_its_places(page, viewport, console, role):
    email, wide, phone = ROLES[role]
    if email:
        log_in(page, console, email)
    page.goto("/offers")
    console.wait_for_live_socket(page)
    expected = wide if viewport.name == "desktop" else phone
    home = page.locator("header").get_by_role("link", name="Influfinder home")
    expect(home).to_be_visible()
    if email:  # the page knows who is signed in before its places are read
        expect(page.get_by_test_id("account-menu")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(f"^{re.escape(expected[-1])}")).first).to_be_visible()
    assert shown_places(page, viewport) == expected
    if viewport.name == "mobile":  # one menu of places: the top bar holds no other link than the logo and the bell
        names = places(page.locator("header").evaluate(VISIBLE_LINK_NAMES))
        assert names == (["Influfinder home", "Notifications"] if email else ["Influfinder home"])
        # The page's end is not under the fixed bottom bar.
        # The offers arrive after first paint and lengthen the page: scroll to the end it has once they
        # are in (a scroll made before would leave the footer thousands of pixels below the bar).
        expect(page.get_by_test_id("offer-card").first).to_be_visible()
        page.wait_for_function("""() => {
            const end = document.documentElement.scrollHeight;
            window.scrollTo(0, end);
            return Math.ceil(window.scrollY + window.innerHeight) >= end - 1;
        }""")
        footer_end = page.locator("footer").evaluate("f => f.getBoundingClientRect().bottom")
        bar_top = bottom_bar(page).evaluate("b => b.getBoundingClientRect().top")
        assert footer_end <= bar_top + 1
    shoot(page, f"nav-{role}-{viewport.name}")
    assert console.unexpected() == []


def test_a_visitor_sees_no_messages_and_no_bell(page, viewport, console):
    page.goto("/")
    console.wait_for_live_socket(page)
    expect(page.get_by_role("link", name="Offers").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^(Messages|Notifications)"))).to_have_count(0)
    expect(page.get_by_test_id("bell-count")).to_have_count(0)
    footer = page.locator("footer")
    expect(footer.get_by_role("link", name="Sign up")).to_be_visible()
    expect(footer.get_by_role("link", name="Create offer")).to_have_count(0)


@pytest.mark.parametrize("viewport", [MOBILE], ids=["mobile"])  # the bottom bar is the phone's
def test_a_creator_reaches_my_applications_from_the_bottom_bar_and_the_account_menu_keeps_account_things(
        page, viewport, console):
    log_in(page, console, CREATOR)
    page.goto("/offers")
    console.wait_for_live_socket(page)
    bottom_bar(page).get_by_role("link", name="Applications").click()
    expect(page).to_have_url(re.compile(r"/my-applications/?$"))
    expect(page.get_by_role("heading", name="My applications", level=1)).to_be_visible()
    expect(bottom_bar(page).get_by_role("link", name="Applications")).to_have_attribute("aria-current", "page")
    expect(bottom_bar(page).get_by_role("link", name="Offers")).not_to_have_attribute("aria-current", "page")
    page.get_by_test_id("account-menu").click()
    items = page.get_by_role("menu").get_by_role("menuitem")
    expect(items).to_have_text(["Public profile", "Settings", "Saved searches", "Log out"])
    footer = page.locator("footer")
    expect(footer.get_by_role("link", name="Create offer")).to_have_count(0)
    expect(footer.get_by_role("link", name="Log in")).to_have_count(0)
    shoot(page, "nav-creator-account-menu-mobile")


# The bottom bar draws the same counts from the same place: checked once, at the top bar's width.
@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"])
def test_a_business_sees_what_waits_for_it_counted_in_its_links(page, viewport, console, live_db):
    log_in(page, console, BUSINESS)
    page.goto("/dashboard")
    console.wait_for_live_socket(page)
    with Session(live_db) as db:
        business_id = db.exec(select(User.id).where(User.email == BUSINESS)).one()
        waiting = waiting_work.waiting_counts(db, business_id)
    nav = page.locator("header").get_by_role("navigation")
    for key, place, words in (("applicants", "My offers", "applicant"), ("reviews", "Collaborations", "submission")):
        link = nav.get_by_role("link", name=re.compile(f"^{place}"))
        if waiting[key]:
            expect(page.get_by_test_id(f"{key}-count")).to_have_text(str(waiting[key]))
            expect(link).to_have_accessible_name(re.compile(rf"^{place}, {waiting[key]} {words}"))
        else:
            expect(page.get_by_test_id(f"{key}-count")).to_have_count(0)
            expect(link).to_have_accessible_name(place)
    expect(page.locator("header").get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")
    page.locator("header").get_by_role("link", name="Create offer").click()
    expect(page).to_have_url(re.compile(r"/offers/new/?$"))
    expect(page.locator("header").get_by_role("link", name="Create offer")).to_have_attribute("aria-current", "page")
    footer = page.locator("footer")
    expect(footer.get_by_role("link", name="Find creators")).to_be_visible()
    expect(footer.get_by_role("link", name="Sign up")).to_have_count(0)


def test_the_keyboard_reaches_every_place_and_each_has_a_name(page, viewport, console):
    log_in(page, console, CREATOR)
    page.goto("/offers")
    console.wait_for_live_socket(page)
    expected = ROLES["creator"][1 if viewport.name == "desktop" else 2]
    area = page.locator("header") if viewport.name == "desktop" else bottom_bar(page)
    expect(area.get_by_role("link", name=re.compile(f"^{expected[-1]}"))).to_be_visible()
    reached: list[str] = []
    page.locator("body").focus()
    for _ in range(30):  # the skip link, the header's links, the bottom bar's (read right after the header)
        page.keyboard.press("Tab")
        name = page.evaluate("""() => { const a = document.activeElement;
            return a && a.tagName === 'A' ? (a.getAttribute('aria-label') || a.innerText).trim() : ''; }""")
        if name:
            reached.append(name.split(",")[0])
        if all(place in reached for place in expected):
            break
    assert [place for place in expected if place not in reached] == []
    for place in expected:
        expect(area.get_by_role("link", name=re.compile(f"^{place}")).first).to_have_accessible_name(
            re.compile(rf"^{place}"))
