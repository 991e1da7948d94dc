"""Discovery in Chromium: a business finds a creator (words and a filter in the URL), opens the media
kit and invites them; the creator gets the mail, sees the invitation in My applications and accepts
it into an application, or declines; an invite-only offer is visible to the invited creator only; a
creator saves a search and the alert arrives when a matching offer is published; a creator shows a
completed collaboration in the portfolio and a visitor sees it on the public profile.

Each test makes its own people and offers in the live app's database. Desktop width only: these
flows have no layout of their own on phones, and the production build is slow on shared machines.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import Profile, SavedSearch, User
from influfinder.services import (
    analysis, applications, collaborations, effects, guards, invitations, offer_management, ratings, saved_searches, submissions,
)
from influfinder.services.actors import Actor
from influfinder.services.passwords import hash_password
from tests.support.browser import DESKTOP
from tests.support.early_access import released
from tests.support.live_app import configured_like
from tests.support.media import photo
from tests.support.marketplace import offer_form
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e
PASSWORD = "harbor lantern violet 42"


@pytest.fixture(params=[DESKTOP], ids=lambda v: v.name)
def viewport(request):
    return request.param


@dataclass
class World:
    engine: object
    tag: str
    brand: Actor
    brand_email: str
    creator: Actor
    creator_email: str
    offers: list


def _person(engine, kind: UserType, tag: str, **profile) -> tuple[Actor, str]:
    email = f"{kind.value.lower()}{tag}@example.com"
    # A dot in a creator's username, as the demo's have: /creators/<username> must still route.
    separator = "." if kind is UserType.CREATOR else "_"
    user = User(email=email, username=f"{kind.value.lower()[:3]}{separator}{tag}", user_type=kind, is_verified=True,
                password_hash=hash_password(PASSWORD))
    with Session(engine, expire_on_commit=False) as db:
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, **profile))
        db.commit()
    name = profile.get("company_name") or profile.get("display_name")
    return Actor(id=user.id, session_id="e2e", username=user.username, email=email, display_name=name,
                 user_type=kind, is_admin=False, is_verified=True), email


def publish(world: World, **changes) -> str:
    with Session(world.engine, expire_on_commit=False) as db:
        offer_id = offer_management.create_draft(db, world.brand, offer_form(**changes))
        offer_management.publish(db, world.brand, offer_id)
        released(db, offer_id)
        db.commit()
    world.offers.append(offer_id)
    return str(offer_id)


@pytest.fixture
def world(live_app) -> Iterator[World]:
    engine = database.make_engine(live_app.database_url)
    tag = uuid.uuid4().hex[:8]
    brand, brand_email = _person(engine, UserType.BUSINESS, tag, company_name=f"Lynx Bakery {tag}", city="Madrid")
    creator, creator_email = _person(
        engine, UserType.CREATOR, tag, display_name=f"Ocelot {tag}", city="Valencia",
        bio=f"Pastry reels and ocelot{tag} breakfasts.", instagram_handle=f"ocelot_{tag}",
        instagram_followers=4_200, instagram_engagement=3.8, preferred_categories=["FOOD"])
    made = World(engine, tag, brand, brand_email, creator, creator_email, [])
    yield made
    with Session(engine, expire_on_commit=False) as db:  # leave Browse as the demo made it
        for offer_id in made.offers:
            offer_management.archive(db, brand, offer_id)
        db.commit()
    engine.dispose()


def log_in(page, email: str) -> None:
    log_in_with(page, email, PASSWORD)


def log_out(page) -> None:
    page.get_by_test_id("account-menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))


def test_a_business_finds_a_creator_invites_them_and_the_creator_accepts(page, console, world, smtp_server,
                                                                         screenshot):
    title = f"Lynx{world.tag} croissant morning"
    publish(world, title=title)
    log_in(page, world.brand_email)
    page.goto("/creators")
    cards = page.get_by_test_id("creator-card")
    expect(cards.first).to_be_visible()  # loaded: the form will not be remounted under our typing
    page.get_by_label("Search creators").fill(f"ocelot{world.tag}")
    page.get_by_label("City", exact=True).fill("Valencia")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(rf"[?&]q=ocelot{world.tag}\b"))
    expect(page).to_have_url(re.compile(r"[?&]city=Valencia\b"))
    expect(cards).to_have_count(1)
    page.reload()  # the URL is the search
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Self-reported")
    screenshot("find-creators")

    cards.first.click()
    expect(page).to_have_url(re.compile(rf"/creators/{re.escape(world.creator.username)}/?$"))
    expect(page.get_by_role("heading", name=f"Ocelot {world.tag}")).to_be_visible()
    expect(page.locator('meta[property="og:description"]')).to_have_attribute(
        "content", re.compile(r"Valencia · Food · Instagram 4,200 followers"))
    page.get_by_test_id("invite-button").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Offer", exact=True).click()
    page.get_by_role("option", name=title).click()
    dialog.get_by_label("Note (optional)").fill("Your pastry reels are lovely.")
    dialog.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invitation sent to Ocelot {world.tag}.")).to_be_visible()
    screenshot("creator-profile-invited")

    mail = smtp_server.inbox.wait_for(world.creator_email, f"Lynx Bakery {world.tag} invited you: {title}")
    assert "Your pastry reels are lovely." in mail.get_body(("plain",)).get_content()

    log_out(page)
    log_in(page, world.creator_email)
    page.goto("/my-applications")
    invitation = page.get_by_test_id("invitation").filter(has_text=title)
    expect(invitation).to_contain_text("Your pastry reels are lovely.")
    screenshot("my-invitations")
    invitation.get_by_role("button", name="Accept").click()
    expect(page.get_by_text(f"You accepted the invitation to “{title}”")).to_be_visible()
    expect(page.get_by_test_id("my-application").filter(has_text=title)).to_have_count(1)
    expect(page.get_by_test_id("invitation")).to_have_count(0)
    assert console.unexpected() == []


def test_an_invite_only_offer_shows_to_the_invited_creator_who_declines(page, console, world):
    title = f"Lynx{world.tag} secret tasting"
    offer_id = publish(world, title=title, is_public=False)
    log_in(page, world.creator_email)
    page.goto(f"/offers/{offer_id}")
    expect(page.get_by_text("Offer not found")).to_be_visible()  # the link alone is not enough

    with Session(world.engine, expire_on_commit=False) as db:
        invitations.invite(db, world.brand, offer_id, world.creator.username, "Just for you.")
        db.commit()
    page.goto(f"/offers/{offer_id}")
    expect(page.get_by_role("heading", name=title)).to_be_visible()

    page.goto("/my-applications")
    invitation = page.get_by_test_id("invitation").filter(has_text=title)
    expect(invitation).to_contain_text("Invite-only")
    invitation.get_by_role("button", name="Decline").click()
    expect(page.get_by_text(f"You declined the invitation to “{title}”.")).to_be_visible()
    expect(page.get_by_test_id("invitation")).to_have_count(0)
    expect(page.get_by_test_id("my-application").filter(has_text=title)).to_have_count(0)
    assert console.unexpected() == []


def test_a_creator_saves_a_search_and_is_alerted_to_a_new_matching_offer(page, console, world):
    word = f"lynx{world.tag}"
    log_in(page, world.creator_email)
    page.goto(f"/offers?q={word}")
    expect(page.get_by_test_id("no-offers")).to_be_visible()
    page.get_by_test_id("save-search").click()
    expect(page.get_by_text("Search saved.")).to_be_visible()

    with Session(world.engine, expire_on_commit=False) as db:  # the search was saved two days ago
        saved = db.exec(select(SavedSearch).where(SavedSearch.user_id == world.creator.id)).one()
        saved.checked_at = guards.now() - timedelta(days=2)
        db.commit()
    publish(world, title=f"Lynx{world.tag} sourdough class")
    with Session(world.engine, expire_on_commit=False) as db:  # the hourly job's round
        assert saved_searches.send_alerts(db) >= 1
        db.commit()

    page.goto("/notifications")
    expect(page.get_by_text(f"1 new offer for “{word}”")).to_be_visible()
    page.goto("/saved-searches")
    expect(page.get_by_test_id("saved-search")).to_contain_text(word)
    assert console.unexpected() == []


def _completed_collaboration(world: World, live_app, title: str) -> str:
    """Offer, application, visit, content with a photo and a post link, approval, both ratings: through
    the services, configured as the server is (its database, its media folder)."""
    offer_id = publish(world, title=title)
    with configured_like(live_app, ("DATABASE_URL", "UPLOAD_DIR", "SECRET_KEY")), \
            Session(database.engine(), expire_on_commit=False) as db:
        application = applications.apply(db, world.creator, offer_id, {"message": "Pastry reels every week here."})
        collab_id = applications.accept(db, world.brand, application)
        collaborations.propose_visit(db, world.creator, collab_id, guards.now() + timedelta(days=2))
        collaborations.mark_visited_by_hand(db, world.brand, collab_id, "Came on Saturday.")
        sid = submissions.submit_content(db, world.creator, collab_id, [("croissant.jpg", photo())],
                                         [PORTFOLIO_POST], {"INSTAGRAM": f"Croissants at Lynx {world.tag} #ad"})
        submissions.start_review(db, world.brand, sid)
        submissions.approve(db, world.brand, sid)
        ratings.rate(db, world.brand, collab_id, 5, "Lovely photos")
        ratings.rate(db, world.creator, collab_id, 5, "Great bakery")
        db.commit()
        effects.drain()  # the analysis and notifications it queued run here, on the server's database
        analysis.drain()
    return str(collab_id)


PORTFOLIO_POST = "https://www.instagram.com/p/CxLynxCroissant/"


def test_a_creator_shows_a_collaboration_in_the_portfolio_and_a_visitor_sees_it(page, console, world, live_app,
                                                                               screenshot):
    title = f"Lynx{world.tag} croissant portfolio"
    collab_id = _completed_collaboration(world, live_app, title)
    page.goto(f"/creators/{world.creator.username}")
    expect(page.get_by_role("heading", name=f"Ocelot {world.tag}")).to_be_visible()
    expect(page.get_by_role("heading", name="Portfolio")).to_have_count(0)  # off until the creator shows it

    log_in(page, world.creator_email)
    page.goto(f"/collaborations/{collab_id}")
    switch = page.get_by_role("switch", name="Show this collaboration in my portfolio")
    expect(switch).not_to_be_checked()
    switch.press("Space")  # keyboard only
    expect(page.get_by_text("Shown on your public profile.")).to_be_visible()
    expect(switch).to_be_checked()
    log_out(page)

    page.goto(f"/creators/{world.creator.username}")
    portfolio = page.get_by_test_id("portfolio")
    expect(portfolio.get_by_role("heading", name="Portfolio")).to_be_visible()
    expect(portfolio).to_contain_text(title)
    expect(portfolio).to_contain_text(f"Lynx Bakery {world.tag}")
    expect(portfolio.get_by_role("link", name="View the post")).to_have_attribute("href", PORTFOLIO_POST)
    image = portfolio.get_by_role("img", name=title)
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0  # served to a visitor
    screenshot("creator-portfolio")
    assert console.unexpected() == []


def test_a_creator_mutes_a_business_from_an_invitation_and_unmutes_it(page, console, world):
    title = f"Lynx{world.tag} tasting menu"
    offer_id = publish(world, title=title)
    with Session(world.engine, expire_on_commit=False) as db:
        invitations.invite(db, world.brand, offer_id, world.creator.username, "Come taste.")
        db.commit()
    log_in(page, world.creator_email)
    page.goto("/my-applications")
    page.get_by_test_id("invitation").filter(has_text=title).get_by_role("button", name="Mute this business").click()
    expect(page.get_by_text(f"You will get no more invitations from Lynx Bakery {world.tag}.")).to_be_visible()
    muted = page.get_by_test_id("muted-business").filter(has_text=f"Lynx Bakery {world.tag}")
    expect(muted).to_have_count(1)

    muted.get_by_role("button", name=f"Unmute Lynx Bakery {world.tag}").click()
    expect(page.get_by_text(f"Lynx Bakery {world.tag} can invite you again.")).to_be_visible()
    expect(page.get_by_test_id("muted-business")).to_have_count(0)
    with Session(world.engine, expire_on_commit=False) as db:  # and it can
        invitations.invite(db, world.brand, publish(world, title=f"Lynx{world.tag} second menu"),
                           world.creator.username, "")
        db.commit()
    assert console.unexpected() == []
