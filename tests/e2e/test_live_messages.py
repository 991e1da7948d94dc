"""Live messages and notifications in Chromium, two people side by side on the one live app.

A business (A) and a creator (B) share an application, set up through the services against the
live app's database. B has the chat with A open; A writes; B's open chat shows the message and
B's Messages badge rises, with no reload. Then B applies to another of A's offers through the
offer page, and the bell on A's open page counts it, again with no reload: a marker set in A's
page before is still there after, so the page was not loaded again.
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
from influfinder.services import applications, offer_management
from influfinder.services.actors import Actor
from influfinder.services.passwords import hash_password
from tests.support.early_access import released
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

PASSWORD = "harbor lantern violet 42"
APPLY_MESSAGE = "I film brunch reels every week and my Madrid audience loves new places to try."
MARKER = "window.__sameDocument"  # set before the live event, read after: a reload would drop it


@dataclass(frozen=True)
class Pair:
    business: Actor
    creator: Actor
    business_email: str
    creator_email: str
    second_offer_id: str
    second_offer_title: str


def _save(engine, *rows) -> None:
    with Session(engine, expire_on_commit=False) as db:
        for row in rows:
            db.add(row)
            db.flush()
        db.commit()


def _person(engine, kind: UserType, tag: str, name: str, **profile) -> Actor:
    user = User(email=f"{kind.value.lower()}{tag}@example.com", username=f"{kind.value.lower()}_{tag}",
                user_type=kind, is_verified=True, password_hash=hash_password(PASSWORD))
    _save(engine, user, Profile(user_id=user.id, display_name=name, city="Madrid", **profile))
    return Actor(id=user.id, session_id="e2e", username=user.username, email=user.email, display_name=name,
                 user_type=kind, is_admin=False, is_verified=True)


def _offer_form(title: str) -> dict:
    now = datetime.now(timezone.utc)
    return {
        "title": title, "description": "Come for brunch on a weekday morning and film a reel of your visit.",
        "category": "FOOD", "platforms": ["INSTAGRAM"], "budget_min": "100", "budget_max": "250",
        "currency": "EUR", "compensation_type": "PAID",
        "requirements": {"regular": {"min_followers": 1_000, "min_engagement": 2.0}},
        "content_specs": {"formats": ["REEL"], "required_hashtags": ["#ad"], "required_mentions": ["@aurora"]},
        "application_deadline": now + timedelta(days=12), "content_deadline": now + timedelta(days=30),
        "requires_visit": True, "city": "Madrid", "address": "Calle Mayor 1", "slots": 2, "min_tier": 0,
    }


def _published_offer(engine, owner: Actor, title: str) -> uuid.UUID:
    with Session(engine, expire_on_commit=False) as db:
        offer_id = offer_management.create_draft(db, owner, _offer_form(title))
        offer_management.publish(db, owner, offer_id)
        released(db, offer_id)  # a Newbie applies: let the early-access day pass
        db.commit()
    return offer_id


@pytest.fixture
def pair(live_app) -> Iterator[Pair]:
    engine = database.make_engine(live_app.database_url)
    tag = uuid.uuid4().hex[:8]
    business = _person(engine, UserType.BUSINESS, tag, f"Aurora Brunch {tag}", company_name=f"Aurora Brunch {tag}")
    creator = _person(engine, UserType.CREATOR, tag, f"Lola Reels {tag}", instagram_handle=f"lola_{tag}",
                      instagram_followers=3_200, instagram_engagement=4.2)
    first = _published_offer(engine, business, f"Weekday brunch {tag}")
    with Session(engine, expire_on_commit=False) as db:
        applications.apply(db, creator, first, {"message": APPLY_MESSAGE})
        db.commit()
    title = f"Sunday pancakes {tag}"
    second = _published_offer(engine, business, title)
    yield Pair(business, creator, business.email, creator.email, str(second), title)
    engine.dispose()


@pytest.fixture
def two_people(browser, live_app) -> Iterator[tuple]:
    contexts = [browser.new_context(base_url=live_app.base_url, viewport={"width": 1280, "height": 900})
                for _ in range(2)]
    pages = [context.new_page() for context in contexts]
    for page in pages:
        page.set_default_timeout(30_000)
    yield tuple(pages)
    for context in contexts:
        context.close()


def log_in(page, email: str) -> None:
    log_in_with(page, email, PASSWORD)


def open_chat(page, other: Actor) -> None:
    page.goto(f"/messages/{other.id}")
    expect(page.get_by_role("heading", name=other.display_name)).to_be_visible()


def mark_document(page) -> None:
    page.evaluate(f"{MARKER} = true")


def same_document(page) -> bool:
    return page.evaluate(f"{MARKER} === true")


def test_a_message_appears_in_the_other_open_chat_and_an_application_rings_the_bell(two_people, pair, console):
    a, b = two_people
    console.attach(a)
    console.attach(b)
    log_in(a, pair.business_email)
    log_in(b, pair.creator_email)
    open_chat(b, pair.business)
    expect(b.get_by_text("No messages yet. Say hello!")).to_be_visible()
    expect(b.get_by_test_id("messages-count")).to_have_count(0)
    mark_document(b)

    open_chat(a, pair.creator)
    text = f"Hi! Does Thursday at 11 work for your visit? {uuid.uuid4().hex[:6]}"
    a.get_by_label("Message", exact=True).fill(text)
    expect(a.get_by_test_id("chat-counter")).to_have_text(f"{len(text)} / 4,000")
    a.get_by_label("Message", exact=True).press("Enter")
    expect(a.get_by_test_id("chat-line").filter(has_text=text)).to_have_attribute("data-mine", "true")
    expect(a.get_by_label("Message", exact=True)).to_have_value("")

    # B's open chat shows it, and the badge counts it, without a reload.
    expect(b.get_by_test_id("chat-line").filter(has_text=text)).to_have_attribute("data-mine", "false")
    expect(b.get_by_test_id("messages-count")).to_have_text("1")
    expect(b.get_by_role("link", name="Messages, 1 unread")).to_be_visible()
    assert same_document(b)

    # B applies to another of A's offers; A's bell, on the still-open chat, counts it.
    bell = a.get_by_role("link", name=re.compile(r"^Notifications"))
    expect(a.get_by_test_id("bell-count")).to_have_text("1")  # the first application, made in the setup
    mark_document(a)
    b.goto(f"/offers/{pair.second_offer_id}")
    b.get_by_test_id("apply-button").click()
    dialog = b.get_by_role("dialog")
    dialog.get_by_label("Message").fill(APPLY_MESSAGE)
    dialog.get_by_role("button", name="Send application").click()
    expect(dialog.get_by_test_id("application-sent")).to_be_visible()

    expect(a.get_by_test_id("bell-count")).to_have_text("2")
    expect(bell).to_have_attribute("aria-label", "Notifications, 2 unread")
    assert same_document(a)

    # The notification centre lists it, with the way to the application.
    a.goto("/notifications")
    note = a.get_by_test_id("notification").filter(has_text=pair.second_offer_title)
    expect(note).to_have_attribute("data-read", "false")
    note.get_by_text(f"New application: {pair.second_offer_title}").click()
    expect(a).to_have_url(re.compile(r"/applications/[0-9a-f-]{36}$"))
    expect(a.get_by_test_id("bell-count")).to_have_text("1")  # opening it marked it read
    assert console.unexpected() == []


def _png(width: int = 40, height: int = 30) -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), (120, 80, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_photo_travels_live_and_reading_it_shows_seen_to_the_sender(two_people, pair, console):
    a, b = two_people
    console.attach(a)
    console.attach(b)
    log_in(a, pair.business_email)
    log_in(b, pair.creator_email)
    open_chat(b, pair.business)
    open_chat(a, pair.creator)

    a.locator('input[type="file"]').set_input_files(
        [{"name": "terrace.png", "mimeType": "image/png", "buffer": _png()}])
    expect(a.get_by_text("terrace.png")).to_be_visible()
    a.get_by_label("Message", exact=True).fill("Our terrace, for the reel")
    a.get_by_role("button", name="Send").click()
    mine = a.get_by_test_id("chat-line").filter(has_text="Our terrace, for the reel")
    expect(mine.get_by_role("img", name="terrace.png")).to_be_visible()
    expect(mine).to_contain_text("Sent")

    theirs = b.get_by_test_id("chat-line").filter(has_text="Our terrace, for the reel")
    photo = theirs.get_by_role("img", name="terrace.png")
    expect(photo).to_be_visible()
    # Served to B by the private route, with B's session: the picture really loads.
    b.wait_for_function("img => img.complete && img.naturalWidth === 40", arg=photo.element_handle())
    expect(b.get_by_test_id("messages-count")).to_have_text("1")

    # B's tab comes back into focus: the message is read, A's bubble says so, B's badge clears.
    b.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(mine.get_by_test_id("seen")).to_be_visible()
    expect(b.get_by_test_id("messages-count")).to_have_count(0)
    assert console.unexpected() == []


def test_a_pdf_that_is_not_a_pdf_is_refused_and_nothing_is_sent(two_people, pair):
    a, _b = two_people
    log_in(a, pair.business_email)
    open_chat(a, pair.creator)
    a.locator('input[type="file"]').set_input_files(
        [{"name": "menu.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 not a document"}])
    a.get_by_label("Message", exact=True).fill("Here is our menu")
    a.get_by_role("button", name="Send").click()
    expect(a.get_by_role("alert").filter(has_text="menu.pdf")).to_be_visible()
    expect(a.get_by_test_id("chat-line")).to_have_count(0)
    expect(a.get_by_label("Message", exact=True)).to_have_value("Here is our menu")  # kept, to fix and resend


def test_the_notification_centre_filters_deletes_and_marks_all_read(browser, live_app, pair):
    from influfinder.domain.enums import NotificationType
    from influfinder.services.notifications import notify

    engine = database.make_engine(live_app.database_url)
    with Session(engine, expire_on_commit=False) as db:
        notify(db, pair.creator.id, NotificationType.TIER_UPGRADED, "You are an Explorer now", "More offers open.")
        notify(db, pair.creator.id, NotificationType.RATING_RECEIVED, "Aurora rated you 5 stars", "Great reel!")
        db.commit()
    engine.dispose()
    context = browser.new_context(base_url=live_app.base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, pair.creator_email)
    page.goto("/notifications?unread=1")
    rows = page.get_by_test_id("notification")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Aurora rated you 5 stars")).to_contain_text("Rating received")

    page.get_by_role("button", name="Delete notification: Aurora rated you 5 stars").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("You are an Explorer now")

    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_text("No unread notifications")).to_be_visible()
    page.goto("/notifications")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-read", "true")
    context.close()
