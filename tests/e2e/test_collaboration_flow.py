"""A collaboration from acceptance to COMPLETED in a real browser, two people in two contexts.

Set up through the services against the live app's database (a business with a published offer,
a fresh creator whose application it accepted), then everything else in Chromium: the creator
proposes a visit date, the business confirms it, the creator's page shows the visit code, the
business marks the visit with it, the creator checks and submits a real photo with captions, the
local analyzer's result appears without a reload, the business approves, both rate; the creator's
progress page then shows EXPLORER with 100 karma.

Both pages stay open on the collaboration from start to end and are never loaded again: each
shows the other party's move by itself (the live push), which is what the business and the
creator see in real life with the page open.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from PIL import Image, ImageDraw
from playwright.sync_api import expect
from sqlmodel import Session

from influfinder import database
from influfinder.domain.enums import CollaborationStatus, UserType
from influfinder.models import Collaboration, Profile, User
from influfinder.services import applications, offer_management
from influfinder.services.actors import Actor
from influfinder.services.passwords import hash_password
from tests.support.early_access import released
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

PASSWORD = "lantern orchard meadow 47"
ZONE = "Europe/Madrid"  # both browsers' clock; the page shows and reads times in it
HASHTAG, MENTION = "#AuroraBrunch", "@cafe_aurora_e2e"
CAPTION = f"Sunday brunch at Café Aurora: pancakes, coffee and the best terrace in town {HASHTAG} {MENTION} #ad"


@dataclass(frozen=True)
class Person:
    actor: Actor
    username: str


@pytest.fixture(scope="module")
def engine(live_app) -> Iterator[sa.Engine]:
    built = database.make_engine(live_app.database_url)
    yield built
    built.dispose()


@contextmanager
def transaction(engine: sa.Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as db:
        yield db
        db.commit()


def person(engine: sa.Engine, kind: UserType, name: str) -> Person:
    """A verified account with a password, and a profile that meets the offer's audience rules."""
    tag = uuid.uuid4().hex[:8]
    user = User(email=f"flow{tag}@example.com", username=f"flow_{tag}", user_type=kind, is_verified=True,
                password_hash=hash_password(PASSWORD, rounds=4), email_verified_at=datetime.now(timezone.utc))
    with transaction(engine) as db:
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name=name, city="Madrid", instagram_followers=1200,
                       instagram_engagement=3.5, company_name=name if kind is not UserType.CREATOR else None))
    actor = Actor(id=user.id, session_id="setup", username=user.username, email=user.email, display_name=name,
                  user_type=kind, is_admin=False, is_verified=True)
    return Person(actor, user.username)


def accepted_collaboration(engine: sa.Engine, business: Person, creator: Person) -> str:
    """The marketplace's way: the business publishes, the creator applies, the business accepts."""
    now = datetime.now(timezone.utc)
    form = {
        "title": "Brunch on the terrace", "description": "Try our Sunday brunch and share it with your followers.",
        "category": "FOOD", "platforms": ["INSTAGRAM"], "budget_min": "120", "budget_max": "200", "currency": "EUR",
        "compensation_type": "PAID", "requirements": {"regular": {"min_followers": 500, "min_engagement": 1.5}},
        "content_specs": {"formats": ["POST"], "required_hashtags": [HASHTAG], "required_mentions": [MENTION]},
        "application_deadline": now + timedelta(days=10), "content_deadline": now + timedelta(days=30),
        "requires_visit": True, "city": "Madrid", "address": "Calle del Prado 5", "slots": 1, "min_tier": 0,
    }
    with transaction(engine) as db:
        offer_id = offer_management.create_draft(db, business.actor, form)
    with transaction(engine) as db:
        offer_management.publish(db, business.actor, offer_id)
        released(db, offer_id)  # a Newbie applies: let the early-access day pass
    with transaction(engine) as db:
        application_id = applications.apply(db, creator.actor, offer_id, {"message": "I post brunch every week."})
    with transaction(engine) as db:
        return str(applications.accept(db, business.actor, application_id, "150"))


def status_of(engine: sa.Engine, collab_id: str) -> CollaborationStatus:
    with Session(engine) as db:
        return db.get(Collaboration, uuid.UUID(collab_id)).status


def photo(path) -> None:
    """A sharp, well-lit 1600 x 1200 photo: shapes with hard edges on a gradient."""
    image = Image.linear_gradient("L").resize((1600, 1200)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(24):
        x, y = (i * 137) % 1400, (i * 89) % 1000
        draw.rectangle([x, y, x + 160, y + 120], fill=((i * 40) % 256, (i * 90) % 256, (i * 150) % 256),
                       outline=(0, 0, 0), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def browse(browser, live_app):
    """new() opens a desktop context in the test's time zone, reading English unless another locale
    is named (tests/e2e/test_spanish_collaboration.py); all are closed at the end."""
    contexts = []

    def new(locale: str = "en-US"):
        context = browser.new_context(base_url=live_app.base_url, viewport={"width": 1280, "height": 900},
                                      timezone_id=ZONE, locale=locale)
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        return page, problems

    yield new
    for context in contexts:
        context.close()


def log_in(page, who: Person) -> None:
    log_in_with(page, who.username, PASSWORD)


def open_collaboration(page, collab_id: str):
    page.goto(f"/collaborations/{collab_id}")
    step = page.get_by_test_id("next-step")
    expect(step).to_be_visible()
    return step


def still_the_same_page(page) -> None:
    """Marks the loaded page: the mark survives live changes, not a reload or a navigation."""
    page.evaluate("window.__still_the_same_page = true")


def was_not_reloaded(page) -> bool:
    return page.evaluate("window.__still_the_same_page === true")


def visit_moment() -> datetime:
    """Three days from now at 11:00, Madrid time: in the future and before the content deadline."""
    day = datetime.now(ZoneInfo(ZONE)) + timedelta(days=3)
    return day.replace(hour=11, minute=0, second=0, microsecond=0)


def test_a_collaboration_goes_from_acceptance_to_completed_and_the_creator_becomes_an_explorer(
        engine, browse, tmp_path):
    business = person(engine, UserType.BUSINESS, "Café Aurora Terrace")
    creator = person(engine, UserType.CREATOR, "Nora Flores")
    collab_id = accepted_collaboration(engine, business, creator)
    creator_page, creator_errors = browse()
    business_page, business_errors = browse()
    log_in(creator_page, creator)
    log_in(business_page, business)

    # The creator's list says what to do next; the detail page proposes the date. The business has
    # the same collaboration open meanwhile.
    creator_page.goto("/collaborations")
    row = creator_page.get_by_test_id("collaboration-row").filter(has_text="Brunch on the terrace")
    expect(row.get_by_text("Propose a visit date")).to_be_visible()
    row.click()
    expect(creator_page.get_by_role("heading", name="Schedule visit", exact=True)).to_be_visible()
    expect(open_collaboration(business_page, collab_id)).to_contain_text("Waiting for a visit date")
    still_the_same_page(creator_page)
    still_the_same_page(business_page)
    moment = visit_moment()
    creator_page.get_by_label("Visit date and time").fill(moment.strftime("%Y-%m-%dT%H:%M"))
    creator_page.get_by_role("button", name="Schedule visit", exact=True).click()
    expect(creator_page.get_by_role("heading", name="Waiting for confirmation")).to_be_visible()
    shown = f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"  # the time as typed, in the same zone
    expect(creator_page.get_by_test_id("next-step")).to_contain_text(shown)

    # The business's open page asks to confirm it, and the business does.
    step = business_page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Confirm the visit")).to_be_visible()
    expect(step).to_contain_text(shown)
    step.get_by_role("button", name="Confirm visit").click()
    expect(business_page.get_by_role("heading", name="Mark visited", exact=True)).to_be_visible()
    expect(business_page.get_by_role("link", name="Add to calendar")).to_have_attribute(
        "href", re.compile(rf"/collaborations/{collab_id}/visit\.ics$"))

    # The creator's open page now shows the one-time code, with its QR code.
    step = creator_page.get_by_test_id("next-step")
    code = step.get_by_test_id("visit-code")
    expect(code).to_have_text(re.compile(r"^[2-9A-Z]{8}$"))
    expect(step.get_by_role("img", name="QR code of your visit code")).to_be_visible()
    visit_code = code.inner_text()

    # A wrong code is refused next to the field; the right one marks the visit.
    business_page.get_by_label("Visit code", exact=True).fill("ZZZZ2222" if visit_code != "ZZZZ2222" else "YYYY3333")
    business_page.get_by_role("button", name="Mark visited", exact=True).click()
    expect(business_page.get_by_text("That visit code is not right")).to_be_visible()
    business_page.get_by_label("Visit code", exact=True).fill(visit_code.lower())
    business_page.get_by_role("button", name="Mark visited", exact=True).click()
    expect(business_page.get_by_role("heading", name="Waiting for the content")).to_be_visible()
    expect(business_page.get_by_test_id("timeline")).to_contain_text("Visit checked with the visit code")

    # The creator's page turns to the content form; the creator checks the draft first: the
    # pre-check names the missing mention.
    image = tmp_path / "brunch.png"
    photo(image)
    step = creator_page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Submit content", exact=True)).to_be_visible()
    step.locator('input[type="file"]').set_input_files(str(image))
    expect(step.get_by_text("brunch.png")).to_be_visible()
    step.get_by_label("Instagram caption").fill(CAPTION.replace(MENTION, ""))
    step.get_by_role("button", name="Check before submitting").click()
    precheck = step.get_by_test_id("precheck")
    expect(precheck).to_be_visible()
    expect(precheck).to_contain_text(f"Mention {MENTION}")
    step.get_by_label("Instagram caption").fill(CAPTION)
    step.get_by_role("button", name="Check before submitting").click()
    expect(precheck).to_contain_text("Everything the offer asks for is there.")

    # Submitting: the analysis result arrives on this same page, without a reload.
    step.get_by_role("button", name="Submit content", exact=True).click()
    analysis = creator_page.get_by_test_id("analysis")
    expect(analysis).to_contain_text(re.compile(r"\d+ / 100"), timeout=60_000)
    expect(analysis).to_contain_text("Quality")
    expect(analysis).to_contain_text(HASHTAG)
    expect(analysis).to_contain_text("Disclosed as advertising")
    expect(creator_page.get_by_test_id("latest-version").get_by_role("img", name="brunch.png")).to_be_visible()

    # The business's open page shows the photo, the caption and the analysis side by side; it approves.
    step = business_page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Review content")).to_be_visible()
    latest = business_page.get_by_test_id("latest-version")
    expect(latest.get_by_role("img", name="brunch.png")).to_be_visible()
    expect(latest).to_contain_text(CAPTION)
    expect(latest.get_by_test_id("analysis")).to_contain_text("Compliance")
    latest.get_by_role("button", name="Approve", exact=True).click()
    expect(business_page.get_by_role("heading", name="Rate", exact=True)).to_be_visible()

    # The creator's page asks for a rating as soon as the content is approved. Both rate; the
    # second rating completes the collaboration, on both pages.
    expect(creator_page.get_by_test_id("next-step").get_by_role("heading", name="Rate", exact=True)).to_be_visible()
    business_page.get_by_role("radio", name="5 stars").click()
    business_page.get_by_label("Feedback (optional)").fill("Lovely photos, on time, friendly.")
    business_page.get_by_role("button", name="Rate", exact=True).click()
    expect(business_page.get_by_role("heading", name="Waiting for the other rating")).to_be_visible()

    creator_page.get_by_role("radio", name="4 stars").click()
    creator_page.get_by_role("button", name="Rate", exact=True).click()
    expect(creator_page.get_by_role("heading", name="Collaboration completed")).to_be_visible()
    expect(creator_page.get_by_test_id("timeline")).to_contain_text("Completed")
    expect(business_page.get_by_role("heading", name="Collaboration completed")).to_be_visible()
    expect(business_page.get_by_test_id("next-step")).to_contain_text("They rated you")
    assert status_of(engine, collab_id) is CollaborationStatus.COMPLETED
    assert was_not_reloaded(creator_page) and was_not_reloaded(business_page)

    # The first completed collaboration: Explorer, 100 karma, one line of karma history.
    creator_page.goto("/progress")
    tier = creator_page.get_by_test_id("tier-card")
    expect(tier).to_contain_text("Explorer")
    expect(creator_page.get_by_test_id("karma")).to_have_text("100")
    expect(creator_page.get_by_role("row", name=re.compile("Brunch on the terrace"))).to_contain_text("+100")
    assert creator_errors == [] and business_errors == []
