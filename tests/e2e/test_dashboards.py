"""The dashboards in Chromium on the live app (issue 11, item 6).

Café Aurora (the demo business) gets a new applicant on one offer and a collaboration completed
to the end on another, both through the real services. Its dashboard shows the to-do first and
the weekly charts with their figures in words; its offer table leads to the offer's numbers, which
another business cannot open (the not-found page). The creator who completed the collaboration
sees karma charted on the progress page and the collaboration's numbers on its page. The demo
admin's 30-day chart has 30 points (the days before the first snapshot are backfilled).
Screenshots of each page at 1280 and 390 px (tests/output/screenshots/dashboards-*).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import Profile, User
from influfinder.services import applications, collaborations, ratings
from influfinder.services.actors import Actor
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_live_messages import APPLY_MESSAGE, _person, _published_offer
from tests.e2e.test_live_messages import log_in as log_in_person
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

DEMO_PASSWORD = "influfinder-demo-2026"
CAFE = "hello@cafeaurora.demo"
ADMIN = "admin@influfinder.demo"
WIDTHS = {"desktop": (1280, 900), "mobile": (390, 844)}


@dataclass(frozen=True)
class Story:
    cafe: Actor
    creator: Actor
    other_business: Actor
    done_offer: str
    done_title: str
    collab: str


def _cafe(engine) -> Actor:
    with Session(engine) as db:
        user = db.exec(select(User).where(User.email == CAFE)).one()
        name = db.exec(select(Profile.display_name).where(Profile.user_id == user.id)).one()
    return Actor(id=user.id, session_id="e2e", username=user.username, email=user.email, display_name=name,
                 user_type=UserType.BUSINESS, is_admin=False, is_verified=True)


def _run(engine, fn, *args):
    with Session(engine, expire_on_commit=False) as db:
        result = fn(db, *args)
        db.commit()
        return result


def _completed(engine, cafe: Actor, creator: Actor, title: str) -> tuple[uuid.UUID, uuid.UUID]:
    """An offer of the café and a collaboration on it taken to COMPLETED by the real services."""
    offer_id = _published_offer(engine, cafe, title)
    application = _run(engine, applications.apply, creator, offer_id, {"message": APPLY_MESSAGE})
    collab = _run(engine, applications.accept, cafe, application, "180")
    visit = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=2)
    _run(engine, collaborations.propose_visit, creator, collab, visit)
    _run(engine, collaborations.confirm_visit, cafe, collab)
    _run(engine, collaborations.mark_visited_by_hand, cafe, collab)
    _run(engine, collaborations.apply_transition, collab, "submit_content", creator, "Version 1")
    _run(engine, collaborations.apply_transition, collab, "start_review", cafe, "")
    _run(engine, collaborations.apply_transition, collab, "approve", cafe, "Lovely reel")
    _run(engine, ratings.rate, cafe, collab, 5, "")
    _run(engine, ratings.rate, creator, collab, 4, "")
    return offer_id, collab


@pytest.fixture(scope="module")
def story(live_app) -> Iterator[Story]:
    engine = database.make_engine(live_app.database_url)
    tag = uuid.uuid4().hex[:8]
    cafe = _cafe(engine)
    creator = _person(engine, UserType.CREATOR, tag, f"Nora Clips {tag}", instagram_handle=f"nora_{tag}",
                      instagram_followers=3_400, instagram_engagement=4.1)
    other = _person(engine, UserType.BUSINESS, tag, f"Torre Bar {tag}", company_name=f"Torre Bar {tag}")
    waiting = _published_offer(engine, cafe, f"Afternoon tea {tag}")
    _run(engine, applications.apply, creator, waiting, {"message": APPLY_MESSAGE})
    title = f"Breakfast reel {tag}"
    done_offer, collab = _completed(engine, cafe, creator, title)
    yield Story(cafe, creator, other, str(done_offer), title, str(collab))
    engine.dispose()


@pytest.fixture
def tab(browser, live_app) -> Iterator:
    context = browser.new_context(base_url=live_app.base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def log_in_demo(page, email: str) -> None:
    log_in_with(page, email, DEMO_PASSWORD)


def shots(page, name: str) -> None:
    """The page at both widths, for a person to look at; at 390 px nothing may be wider than the screen."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(400)  # the charts measure their box again after a resize
        page.screenshot(path=str(SCREENSHOTS / f"dashboards-{name}-{label}.png"), full_page=True)
        if width == 390:
            figures = page.locator("figure")
            for i in range(figures.count()):
                box = figures.nth(i).bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, i, box)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_cafe_sees_its_to_dos_its_charts_and_one_offers_numbers(tab, story):
    page = tab
    log_in_demo(page, CAFE)
    page.goto("/dashboard")
    todos = page.get_by_test_id("todos")
    expect(todos.get_by_role("link", name=re.compile(r"\d+ applicants? to review"))).to_be_visible()
    views = page.get_by_test_id("chart-views")
    expect(views.locator(".recharts-surface")).to_be_visible()
    expect(page.get_by_test_id("chart-completed-caption")).to_contain_text("Collaborations completed per week")
    expect(page.get_by_test_id("chart-spend-caption")).to_contain_text("Total: €")
    # The drawing is hidden from screen readers; its figures are said in the caption, week by week.
    assert views.locator("[aria-hidden='true']").first.locator(".recharts-surface").count() == 1
    table = page.get_by_test_id("offer-metrics")
    expect(table.get_by_role("columnheader", name="Success rate")).to_be_visible()
    # The to-dos come before the table and the charts.
    assert todos.bounding_box()["y"] < table.bounding_box()["y"] < views.bounding_box()["y"]
    shots(page, "business")

    table.get_by_role("link", name=story.done_title).click()
    expect(page).to_have_url(re.compile(rf"/my-offers/{story.done_offer}/metrics$"))
    expect(page.get_by_role("heading", name=story.done_title)).to_be_visible()
    figures = page.get_by_test_id("offer-figures")
    expect(figures).to_contain_text("100%")  # one application, one completed collaboration
    expect(figures).to_contain_text("€180")  # the average agreed fee of the completed one
    expect(page.get_by_test_id("chart-completed-caption")).to_contain_text("Total: 1.")
    shots(page, "offer")


def test_another_business_gets_the_not_found_page_for_the_offers_numbers(tab, story):
    page = tab
    log_in_person(page, story.other_business.email)
    page.goto(f"/my-offers/{story.done_offer}/metrics")
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible()
    expect(page.get_by_text(story.done_title)).to_have_count(0)


def test_the_creator_sees_karma_charted_and_the_collaborations_numbers(tab, story):
    page = tab
    log_in_person(page, story.creator.email)
    page.goto("/progress")
    chart = page.get_by_test_id("karma-chart")
    expect(chart.locator(".recharts-surface")).to_be_visible()
    expect(page.get_by_test_id("karma-chart-caption")).to_contain_text(": 0; ")  # the day they joined
    expect(page.get_by_test_id("karma-chart-caption")).to_contain_text(": 100.")
    shots(page, "karma")

    page.goto(f"/collaborations/{story.collab}")
    numbers = page.get_by_test_id("collaboration-figures")
    expect(numbers.get_by_test_id("figure-creator_rating")).to_contain_text("5 of 5")
    expect(numbers.get_by_test_id("figure-business_rating")).to_contain_text("4 of 5")
    expect(numbers.get_by_test_id("figure-duration")).to_have_text(re.compile("Less than a day"))
    shots(page, "collaboration")


def test_the_admins_30_day_chart_has_30_points(tab, story):
    page = tab
    log_in_demo(page, ADMIN)
    page.goto("/admin")
    chart = page.get_by_test_id("history-chart")
    # Recharts draws each line's dots in a group of their own: 30 days, one dot each, on each of 4 lines.
    expect(chart.locator(".recharts-line-dots").first.locator(".recharts-line-dot")).to_have_count(30)
    expect(chart.locator(".recharts-line-dot")).to_have_count(4 * 30)
    expect(chart.locator("figcaption")).to_have_text(re.compile(r"^30 days, from "))
    expect(page.locator("details tbody tr")).to_have_count(30)  # the same days as a table
    shots(page, "admin")
