"""The business side of the marketplace in Chromium: an offer from draft to archive, and an
application from a creator's message to an accepted collaboration, seen from both sides.

The live app is shared with other modules: every test makes its own offer (a unique title) and,
where a creator is needed, its own creator, written into the live app's database.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from influfinder.database import make_engine
from influfinder.domain.enums import UserType
from influfinder.models import Application, Offer, Profile, User
from influfinder.services import applications, invitations, offer_management
from influfinder.services.actors import Actor
from influfinder.services.passwords import hash_password
from tests.support import OUTPUT_DIR
from tests.support.early_access import released
from tests.support.media import photo
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

DEMO_PASSWORD = "influfinder-demo-2026"
BUSINESS_EMAIL = "hello@cafeaurora.demo"
# The browser runs in Mexico City (UTC-6 all year): the deadline typed there is stored in UTC.
ZONE = "America/Mexico_City"
SCREENSHOTS = OUTPUT_DIR / "screenshots"


@contextmanager
def live_db(live_app) -> Iterator[Session]:
    engine = make_engine(live_app.database_url)
    try:
        with Session(engine, expire_on_commit=False) as db:
            yield db
            db.commit()
    finally:
        engine.dispose()


def actor_of(db: Session, email: str) -> Actor:
    user = db.exec(select(User).where(User.email == email)).one()
    return Actor(id=user.id, session_id="e2e", username=user.username, email=user.email,
                 display_name=user.username, user_type=user.user_type, is_admin=user.is_admin,
                 is_verified=user.is_verified)


def new_creator(live_app, name: str) -> tuple[str, str]:
    """A verified creator who can log in; returns the email and password."""
    tag = uuid.uuid4().hex[:8]
    email, password = f"creator-{tag}@example.com", f"e2e-{tag}-long-password"
    with live_db(live_app) as db:
        user = User(email=email, username=f"creator_{tag}", user_type=UserType.CREATOR, is_verified=True,
                    password_hash=hash_password(password, rounds=4))
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name=name, instagram_followers=4_200, instagram_engagement=5.1))
    return email, password


def local_input(days: int) -> str:
    """A datetime-local value `days` from now in the browser's zone, at 18:30."""
    moment = datetime.now(ZoneInfo(ZONE)) + timedelta(days=days)
    return moment.replace(hour=18, minute=30).strftime("%Y-%m-%dT%H:%M")


def log_in(page, email: str, password: str, console=None) -> None:
    log_in_with(page, email, password)


def choose(page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def tick(page, name: str) -> None:
    """Checkbox cards are clicked on the card, as people do; the box inside is what gets checked."""
    page.locator("label", has_text=name).click()
    expect(page.get_by_role("checkbox", name=name)).to_be_checked()


def field_error(page, text: str):
    return page.get_by_role("alert").filter(has_text=text)


def fill_offer(page, title: str) -> None:
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill("Brunch for two on our terrace, then one Reel about the morning menu.")
    choose(page, "Category", "Food")
    tick(page, "Instagram")
    page.get_by_label("Minimum budget").fill("100")
    page.get_by_label("Maximum budget").fill("250")
    tick(page, "Reel")
    page.get_by_label("Required hashtags").fill("#CafeAurora #ad")
    page.get_by_label("Application deadline").fill(local_input(10))
    page.get_by_label("Content deadline").fill(local_input(24))
    page.get_by_label("City").fill("Madrid")


def my_offer(page, title: str):
    return page.get_by_test_id("my-offer").filter(has=page.get_by_role("heading", name=title))


def new_context(browser, live_app, viewport, **options):
    return browser.new_context(base_url=live_app.base_url,
                               viewport={"width": viewport.width, "height": viewport.height}, **options)


def shoot(page, name: str, viewport) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport.name}.png"), full_page=True)


def test_a_business_drafts_fixes_publishes_pauses_and_archives_an_offer(browser, live_app, viewport, console):
    context = new_context(browser, live_app, viewport, timezone_id=ZONE)
    page = context.new_page()
    page.set_default_timeout(30_000)
    console.attach(page)
    title = f"Terrace brunch {uuid.uuid4().hex[:6]}"
    log_in(page, BUSINESS_EMAIL, DEMO_PASSWORD, console)

    page.goto("/offers/new")
    expect(page.get_by_role("heading", name="Create offer")).to_be_visible()
    # The editor is the business's Create offer place, marked as the current one (the top bar or the bottom bar).
    places = page.locator("header") if viewport.name == "desktop" else page.get_by_test_id("bottom-bar")
    expect(places.get_by_role("link", name="Create offer" if viewport.name == "desktop" else "Create")).to_have_attribute(
        "aria-current", "page")
    expect(places.get_by_role("link", name=re.compile("^My offers"))).not_to_have_attribute("aria-current", "page")
    expect(page.get_by_role("button", name="Publish")).to_be_disabled()
    expect(page.get_by_text("Set an application deadline.")).to_be_visible()
    fill_offer(page, title)
    expect(page.get_by_text("Everything is in place: you can publish.")).to_be_visible()
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(re.compile(r"/offers/[0-9a-f-]{36}/edit\?saved=1$"))
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    offer_id = re.search(r"/offers/([0-9a-f-]{36})/", page.url).group(1)

    page.get_by_label("Minimum budget").fill("500")
    expect(page.get_by_role("button", name="Publish")).to_be_disabled()
    page.get_by_role("button", name="Save draft").click()
    expect(field_error(page, "The minimum budget cannot be above the maximum.")).to_be_visible()
    shoot(page, "offer-editor-field-error", viewport)
    page.get_by_label("Minimum budget").fill("150")
    expect(field_error(page, "The minimum budget cannot be above the maximum.")).to_have_count(0)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published: creators can find your offer now.")).to_be_visible()

    with live_db(live_app) as db:
        offer = db.get(Offer, uuid.UUID(offer_id))
        stored = offer.application_deadline.replace(tzinfo=timezone.utc)
    typed = datetime.fromisoformat(local_input(10)).replace(tzinfo=ZoneInfo(ZONE))
    assert (offer.status.value, offer.budget_min, stored) == ("ACTIVE", 150, typed)

    page.goto("/offers")
    expect(page.get_by_role("heading", name=title)).to_be_visible()

    page.goto("/my-offers?status=ACTIVE")
    my_offer(page, title).get_by_role("button", name="Pause").click()
    expect(page.get_by_text(f"“{title}” is paused")).to_be_visible()
    page.goto("/my-offers?status=PAUSED")
    row = my_offer(page, title)
    row.get_by_role("button", name="Archive").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog.get_by_text("Archive this offer?")).to_be_visible()
    dialog.get_by_role("button", name="Archive").click()
    expect(page.get_by_text(f"“{title}” is archived.")).to_be_visible()
    page.goto("/my-offers?status=ARCHIVED")
    expect(my_offer(page, title).get_by_text("Archived")).to_be_visible()
    expect(my_offer(page, title).get_by_role("button", name="Archive")).to_have_count(0)
    shoot(page, "my-offers-archived", viewport)
    assert console.unexpected() == []
    context.close()


def test_a_business_adds_a_cover_photo_and_its_card_shows_it(browser, live_app, viewport):
    context = new_context(browser, live_app, viewport)
    page = context.new_page()
    page.set_default_timeout(30_000)
    title = f"Cover brunch {uuid.uuid4().hex[:6]}"
    log_in(page, BUSINESS_EMAIL, DEMO_PASSWORD)

    page.goto("/offers/new")
    expect(page.get_by_text("Save the draft first, then add a cover photo.")).to_be_visible()
    fill_offer(page, title)
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(re.compile(r"/offers/[0-9a-f-]{36}/edit\?saved=1$"))
    offer_id = re.search(r"/offers/([0-9a-f-]{36})/", page.url).group(1)

    chooser = page.get_by_test_id("cover-drop-zone").locator("input[type=file]")
    chooser.set_input_files(files=[{"name": "menu.png", "mimeType": "image/png",
                                    "buffer": b"%PDF-1.7 the menu, renamed .png" + b"0" * 500}])
    expect(field_error(page, "Only PNG, JPEG or WebP images are accepted.")).to_be_visible()
    chooser.set_input_files(files=[{"name": "terrace.jpg", "mimeType": "image/jpeg", "buffer": photo(1800, 1200)}])
    cover_src = re.compile(r"/media/covers/[A-Za-z0-9_-]{16,64}\.webp$")
    expect(page.get_by_role("img", name="The offer's cover photo")).to_have_attribute("src", cover_src)
    expect(field_error(page, "Only PNG, JPEG or WebP images are accepted.")).to_have_count(0)
    shoot(page, "offer-editor-cover", viewport)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published: creators can find your offer now.")).to_be_visible()
    with live_db(live_app) as db:
        key = db.get(Offer, uuid.UUID(offer_id)).cover_image

    page.goto("/my-offers?status=ACTIVE")
    card_image = my_offer(page, title).locator("img.cover")
    expect(card_image).to_have_attribute("src", re.compile(re.escape(f"/media/{key}") + "$"))
    # The browser fetched and decoded it: a broken link would leave naturalWidth at 0.
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=card_image.element_handle())
    shoot(page, "my-offers-cover", viewport)
    page.goto(f"/offers/{offer_id}")
    expect(page.locator(f'img.cover[src$="/media/{key}"]').first).to_be_attached()
    shoot(page, "offer-page-cover", viewport)
    context.close()


def published_offer(live_app, title: str) -> str:
    """An active, invite-only offer of the demo café, made through the services as its form would.
    Invite-only keeps it out of /offers, whose count other modules check against the demo data."""
    now = datetime.now(timezone.utc)
    raw = {"title": title, "description": "Taste the new autumn menu and film one Reel about it.",
           "category": "FOOD", "platforms": ["INSTAGRAM"], "budget_min": "80", "budget_max": "120",
           "application_deadline": (now + timedelta(days=9)).isoformat(),
           "content_deadline": (now + timedelta(days=20)).isoformat(),
           "content_specs": {"formats": ["REEL"]}, "city": "Madrid", "slots": 2, "is_public": False}
    with live_db(live_app) as db:
        business = actor_of(db, BUSINESS_EMAIL)
        offer_id = offer_management.create_draft(db, business, raw)
        offer_management.publish(db, business, offer_id)
        released(db, offer_id)  # demo creators of every tier apply: let the early-access day pass
    return str(offer_id)


def apply_as(live_app, email: str, offer_id: str) -> str:
    """The creator's apply button belongs to the browsing pages; here the service does what it does.
    The offer is invite-only, which takes applications from invited creators only: the café invites first."""
    with live_db(live_app) as db:
        creator = actor_of(db, email)
        invitations.invite(db, actor_of(db, BUSINESS_EMAIL), offer_id, creator.username)
        application_id = applications.apply(db, creator, offer_id, {
            "message": "I film slow, warm breakfast Reels for a Madrid audience. I would love to come by.",
            "proposed_fee": "95"})
    return str(application_id)


def test_a_creator_applies_the_business_accepts_and_the_creator_is_told(browser, live_app, viewport):
    title = f"Autumn menu {uuid.uuid4().hex[:6]}"
    offer_id = published_offer(live_app, title)
    creator_email, creator_password = new_creator(live_app, "Nora Vidal")
    application_id = apply_as(live_app, creator_email, offer_id)
    business_context = new_context(browser, live_app, viewport)
    creator_context = new_context(browser, live_app, viewport)
    business, creator = business_context.new_page(), creator_context.new_page()

    log_in(business, BUSINESS_EMAIL, DEMO_PASSWORD)
    business.goto(f"/my-offers/{offer_id}/applications")
    applicant = business.get_by_test_id("applicant").filter(has_text="Nora Vidal")
    expect(applicant).to_be_visible()
    expect(applicant.get_by_text("New", exact=True)).to_be_visible()
    applicant.get_by_role("link", name=re.compile("^Open application")).click()  # not its Message button
    expect(business).to_have_url(re.compile(rf"/applications/{application_id}$"))
    detail = business.get_by_test_id("application-detail")
    expect(detail.get_by_text("Under review").first).to_be_visible()
    expect(business.get_by_test_id("creator-summary").get_by_text("Nora Vidal")).to_be_visible()
    business.get_by_role("button", name="Accept").click()
    dialog = business.get_by_role("dialog")
    expect(dialog.get_by_label(re.compile("Agreed fee"))).to_have_value("95")
    dialog.get_by_role("button", name="Accept").click()
    expect(business.get_by_text("Accepted. The collaboration has started")).to_be_visible()
    expect(business.get_by_role("link", name="Open the collaboration")).to_have_attribute(
        "href", re.compile(r"^/en/collaborations/[0-9a-f-]{36}$"))  # an English page links to English pages

    log_in(creator, creator_email, creator_password)
    creator.goto(f"/applications/{application_id}")
    expect(creator.get_by_test_id("application-detail").get_by_text("Accepted").first).to_be_visible()
    expect(creator.get_by_test_id("creator-summary")).to_have_count(0)
    creator.goto("/notifications")
    news = creator.get_by_test_id("notification").filter(has_text=f"Accepted: {title}")
    expect(news).to_be_visible()
    news.click()
    expect(creator).to_have_url(re.compile(rf"/applications/{application_id}$"))
    creator.goto("/notifications?unread=1")
    expect(creator.get_by_test_id("notification").filter(has_text=f"Accepted: {title}")).to_have_count(0)
    business_context.close()
    creator_context.close()


def test_a_business_cannot_open_another_business_s_offer_or_application(browser, live_app, viewport):
    offer_id = published_offer(live_app, f"Private figures {uuid.uuid4().hex[:6]}")
    creator_email, _ = new_creator(live_app, "Iker Sanz")
    application_id = apply_as(live_app, creator_email, offer_id)
    context = new_context(browser, live_app, viewport)
    page = context.new_page()
    log_in(page, "team@bloomstudio.demo", DEMO_PASSWORD)
    for path, heading in ((f"/offers/{offer_id}/edit", "Offer not found"),
                          (f"/my-offers/{offer_id}/applications", "Offer not found"),
                          (f"/applications/{application_id}", "Application not found")):
        page.goto(path)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.get_by_text("Iker Sanz")).to_have_count(0)
    with live_db(live_app) as db:
        status = db.get(Application, uuid.UUID(application_id)).status
    assert status.value == "APPLIED"  # looking was refused, so nothing moved to UNDER_REVIEW
    context.close()
