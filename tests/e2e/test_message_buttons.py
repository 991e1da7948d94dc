"""Messaging from where the work is, and the collaboration's steps, in Chromium on the live app.

A business opens its offer's applicants and presses Message on the applicant: the chat opens (its
header links the application) and what it sends shows in the creator's open chat, live. Then the
business accepts; the creator presses Message on the collaboration page and lands in the same chat,
now about the collaboration. A confirmed visit whose day passed unmarked is flagged on the
collaboration page and in the Collaborations list. Screenshots of each page at 1280 and 390 px.
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
from influfinder.models import Collaboration, User
from influfinder.services import applications, collaborations
from influfinder.services.actors import Actor
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_live_messages import (  # noqa: F401 - two_people is a fixture used here
    APPLY_MESSAGE, _person, _published_offer, log_in, mark_document, same_document, two_people,
)

pytestmark = pytest.mark.e2e

WIDTHS = {"desktop": (1280, 900), "mobile": (390, 844)}


@dataclass(frozen=True)
class Work:
    business: Actor
    creator: Actor
    admin_email: str
    offer_id: str
    offer_title: str
    application_id: str


@pytest.fixture
def work(live_app) -> Iterator[Work]:
    engine = database.make_engine(live_app.database_url)
    tag = uuid.uuid4().hex[:8]
    business = _person(engine, UserType.BUSINESS, tag, f"Aurora Brunch {tag}", company_name=f"Aurora Brunch {tag}")
    creator = _person(engine, UserType.CREATOR, tag, f"Lola Reels {tag}", instagram_handle=f"lola_{tag}",
                      instagram_followers=3_200, instagram_engagement=4.2)
    admin = _person(engine, UserType.BUSINESS, f"adm{tag}", f"Admin {tag}")
    with Session(engine) as db:
        db.get(User, admin.id).is_admin = True
        db.commit()
    title = f"Weekday brunch {tag}"
    offer_id = _published_offer(engine, business, title)
    with Session(engine, expire_on_commit=False) as db:
        application_id = applications.apply(db, creator, offer_id, {"message": APPLY_MESSAGE})
        db.commit()
    yield Work(business, creator, admin.email, str(offer_id), title, str(application_id))
    engine.dispose()


def shots(page, name: str) -> None:
    """The page at both widths, for a person to look at (tests/output/screenshots)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_business_messages_an_applicant_from_the_list_and_the_creator_reads_it_live(two_people, work, live_app,
                                                                                       console):
    business, creator = two_people
    console.attach(business)
    console.attach(creator)
    log_in(business, work.business.email)
    log_in(creator, work.creator.email)
    creator.goto(f"/messages/{work.business.id}")
    expect(creator.get_by_role("heading", name=work.business.display_name)).to_be_visible()
    mark_document(creator)

    business.goto(f"/my-offers/{work.offer_id}/applications")
    applicant = business.get_by_test_id("applicant").filter(has_text=work.creator.display_name)
    expect(applicant).to_be_visible()
    shots(business, "applicants-message")
    expect(applicant.get_by_test_id("message-button")).to_have_text("Message")  # in the page's language
    applicant.get_by_test_id("message-button").click()
    expect(business).to_have_url(re.compile(rf"/messages/{work.creator.id}$"))
    about = business.get_by_test_id("chat-about")
    expect(about).to_have_text(f"Application: {work.offer_title}")
    expect(about).to_have_attribute("href", re.compile(rf"/applications/{work.application_id}$"))
    text = f"Thanks for applying! Can you come on Thursday? {uuid.uuid4().hex[:6]}"
    business.get_by_label("Message", exact=True).fill(text)
    business.get_by_label("Message", exact=True).press("Enter")
    expect(business.get_by_test_id("chat-line").filter(has_text=text)).to_have_attribute("data-mine", "true")
    shots(business, "chat-about")

    # The creator's open chat shows it without a reload.
    expect(creator.get_by_test_id("chat-line").filter(has_text=text)).to_have_attribute("data-mine", "false")
    assert same_document(creator)
    creator.goto("/messages")
    expect(creator.get_by_test_id("conversation-about").first).to_have_text(f"About {work.offer_title}")
    shots(creator, "conversations-about")

    # The application page has the button on both sides.
    creator.goto(f"/applications/{work.application_id}")
    expect(creator.get_by_test_id("message-button")).to_have_attribute(
        "href", re.compile(rf"/messages/{work.business.id}$"))
    business.goto(f"/applications/{work.application_id}")
    expect(business.get_by_test_id("message-button")).to_have_attribute(
        "href", re.compile(rf"/messages/{work.creator.id}$"))
    shots(business, "application-message")

    # An admin has it on each user's row (not on their own).
    business.context.clear_cookies()
    log_in(business, work.admin_email)
    business.goto(f"/admin/users?q={work.creator.username}")
    row = business.get_by_test_id("admin-user").filter(has_text=work.creator.username)
    expect(row.get_by_test_id("message-button")).to_have_attribute("href", re.compile(rf"/messages/{work.creator.id}$"))
    expect(row.get_by_test_id("message-button")).to_have_text("Message")
    shots(business, "admin-users-message")
    assert console.unexpected() == []


def test_the_creator_messages_from_the_collaboration_whose_overdue_visit_is_flagged(two_people, work, live_app,
                                                                                   console):
    engine = database.make_engine(live_app.database_url)
    with Session(engine, expire_on_commit=False) as db:  # accepted, a visit proposed and confirmed...
        collab_id = applications.accept(db, work.business, work.application_id, "150")
        collaborations.propose_visit(db, work.creator, collab_id, datetime.now(timezone.utc) + timedelta(days=2))
        collaborations.confirm_visit(db, work.business, collab_id)
        db.commit()
    with Session(engine) as db:  # ... for three days ago, and never marked
        row = db.get(Collaboration, collab_id)
        row.proposed_date = row.scheduled_date = datetime.now(timezone.utc) - timedelta(days=3)
        db.commit()
    engine.dispose()

    creator, _ = two_people
    console.attach(creator)
    log_in(creator, work.creator.email)
    creator.goto("/collaborations")
    card = creator.get_by_role("link").filter(has_text=work.offer_title)
    expect(card.get_by_test_id("late-badge")).to_have_text("Visit overdue")
    shots(creator, "collaborations-overdue")

    creator.goto(f"/collaborations/{collab_id}")
    stepper = creator.get_by_test_id("stepper")
    expect(stepper.locator('[aria-current="step"]')).to_have_text(re.compile("Visit scheduled"))
    expect(stepper.get_by_test_id("step-who")).to_have_text("Waiting for the business")
    expect(stepper.get_by_test_id("step-late")).to_contain_text("The visit date has passed")
    shots(creator, "collaboration-stepper")

    creator.get_by_test_id("message-button").click()
    expect(creator).to_have_url(re.compile(rf"/messages/{work.business.id}$"))
    about = creator.get_by_test_id("chat-about")
    expect(about).to_have_text(f"Collaboration: {work.offer_title}")
    expect(about).to_have_attribute("href", re.compile(rf"/collaborations/{collab_id}$"))
    assert console.unexpected() == []
