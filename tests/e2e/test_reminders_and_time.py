"""Overdue steps and time zones in Chromium on the live app.

A creator whose browser is in Mexico City and a business in Madrid share a collaboration whose
confirmed visit (in Madrid) was three days ago and never marked. Each one's Collaborations list
flags it and says who must act; the visit reads on the venue's clock with its zone named, the
page names the viewer's own zone, and the creator's zone is kept on their account. Signed out,
the offer's deadlines read on the venue's clock too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect
from sqlmodel import Session

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import Application, Collaboration, User
from influfinder.services import applications, collaborations
from influfinder.services.actors import Actor
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_live_messages import _person, _published_offer, log_in

pytestmark = pytest.mark.e2e

ZONES = {"creator": "America/Mexico_City", "business": "Europe/Madrid"}


@pytest.fixture
def overdue(live_app) -> Iterator[tuple[Actor, Actor, str, str, str]]:
    """(creator, business, collaboration id, offer title, offer id): a Madrid visit confirmed for three days ago."""
    engine = database.make_engine(live_app.database_url)
    tag = uuid.uuid4().hex[:8]
    business = _person(engine, UserType.BUSINESS, tag, f"Aurora Brunch {tag}", company_name=f"Aurora Brunch {tag}")
    creator = _person(engine, UserType.CREATOR, tag, f"Lola Reels {tag}", instagram_handle=f"lola_{tag}",
                      instagram_followers=3_200, instagram_engagement=4.2)
    title = f"Weekday brunch {tag}"
    offer_id = _published_offer(engine, business, title)  # in Madrid
    with Session(engine, expire_on_commit=False) as db:
        application = Application(offer_id=offer_id, creator_id=creator.id, message="I film brunch every week.")
        db.add(application)
        db.commit()
        collab_id = applications.accept(db, business, application.id, "150")
        collaborations.propose_visit(db, creator, collab_id, datetime.now(timezone.utc) + timedelta(days=2))
        collaborations.confirm_visit(db, business, collab_id)
        db.commit()
        row = db.get(Collaboration, collab_id)
        row.proposed_date = row.scheduled_date = datetime.now(timezone.utc) - timedelta(days=3)
        db.commit()
    yield creator, business, str(collab_id), title, str(offer_id)
    engine.dispose()


@pytest.fixture
def browsers(browser, live_app) -> Iterator[dict]:
    """A creator's browser in Mexico City and a business's in Madrid."""
    contexts = {who: browser.new_context(base_url=live_app.base_url, viewport={"width": 390, "height": 844},
                                         timezone_id=zone, locale="en-GB") for who, zone in ZONES.items()}
    pages = {who: context.new_page() for who, context in contexts.items()}
    for page in pages.values():
        page.set_default_timeout(30_000)
    yield pages
    for context in contexts.values():
        context.close()


def test_an_overdue_visit_is_flagged_for_both_sides_with_who_acts_and_times_name_their_zones(overdue, browsers,
                                                                                              live_app):
    creator, business, collab_id, title, offer_id = overdue
    page = browsers["creator"]
    page.goto(f"/offers/{offer_id}")  # signed out, in Mexico City: the offer's deadlines are Madrid's
    expect(page.get_by_text(re.compile(r"^\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Spain \(Madrid\) Time\)$"))
           .filter(visible=True)).to_have_count(2)
    log_in(page, creator.email)
    page.goto("/collaborations")
    card = page.get_by_role("link").filter(has_text=title)
    expect(card.get_by_test_id("late-badge")).to_have_text("Visit overdue")
    expect(card.get_by_test_id("late-who")).to_have_text("The business must mark the visit")
    expect(card).to_contain_text(re.compile(r"Visit \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Spain \(Madrid\) Time\)"))
    expect(page.get_by_test_id("viewer-zone")).to_contain_text("Mexico (Mexico City) Time")
    page.screenshot(path=str(SCREENSHOTS / "collaborations-overdue-who-390.png"), full_page=True)

    page.goto(f"/collaborations/{collab_id}")
    expect(page.get_by_test_id("stepper").get_by_test_id("step-late")).to_contain_text("The visit date has passed")
    # (the phone layout also holds a hidden copy of the aside: the visible one counts)
    expect(page.get_by_text(re.compile(r"At the venue: .*\(Spain \(Madrid\) Time\)")).filter(visible=True)
           .first).to_be_visible()
    expect(page.get_by_text(re.compile(r"Times are in Mexico \(Mexico City\) Time")).filter(visible=True)
           .first).to_be_visible()
    with Session(database.make_engine(live_app.database_url)) as db:  # the browser's zone, kept on the account
        assert db.get(User, creator.id).time_zone == "America/Mexico_City"

    page = browsers["business"]
    log_in(page, business.email)
    page.goto("/collaborations")
    card = page.get_by_role("link").filter(has_text=title)
    expect(card.get_by_test_id("late-who")).to_have_text("You must mark the visit")
    expect(page.get_by_test_id("viewer-zone")).to_contain_text("Spain (Madrid) Time")
