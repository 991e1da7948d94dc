"""The admin dashboard in a real browser against the production build.

The demo admin sees the platform's counts (checked against the live database), settles a dispute
made for this test, and a demo creator who types /admin is sent to the "not for this account" page.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect
from sqlmodel import Session, select

from influfinder import database
from influfinder.domain.enums import CollaborationStatus, OfferStatus, UserType
from influfinder.models import Collaboration, CollaborationEvent, Offer, Profile, User
from tests.support.login_page import log_in as log_in_with

pytestmark = pytest.mark.e2e

DEMO_PASSWORD = "influfinder-demo-2026"
ADMIN = "admin@influfinder.demo"
CREATOR = "lucia@creators.demo"


@pytest.fixture(scope="module")
def live_db(live_app) -> Iterator[sa.Engine]:
    """The live app's own database, to read what the page should show and to set up a dispute."""
    engine = database.make_engine(live_app.database_url)
    yield engine
    engine.dispose()


def log_in(page, identifier: str) -> None:
    log_in_with(page, identifier, DEMO_PASSWORD)


def active_accounts(engine: sa.Engine) -> int:
    with Session(engine) as db:
        return db.exec(select(sa.func.count()).select_from(User)
                       .where(User.is_active.is_(True), User.deleted_at.is_(None))).one()


def count(engine: sa.Engine, model, *where) -> int:
    with Session(engine) as db:
        return db.exec(select(sa.func.count()).select_from(model).where(*where)).one()


def make_dispute(engine: sa.Engine) -> tuple[uuid.UUID, str]:
    """Two fresh accounts, an offer and a collaboration one of them took to a dispute."""
    tag = uuid.uuid4().hex[:8]
    creator = User(email=f"c{tag}@example.com", username=f"c{tag}", user_type=UserType.CREATOR, is_verified=True)
    owner = User(email=f"b{tag}@example.com", username=f"b{tag}", user_type=UserType.BUSINESS, is_verified=True)
    title = f"Rooftop tasting {tag}"
    with Session(engine) as db:
        db.add_all([creator, owner])
        db.flush()
        db.add_all([Profile(user_id=creator.id, display_name=f"Creator {tag}"),
                    Profile(user_id=owner.id, display_name=f"Rooftop Bar {tag}")])
        offer = Offer(business_id=owner.id, title=title, description="Film the sunset menu.", category="FOOD",
                      status=OfferStatus.ACTIVE)
        db.add(offer)
        db.flush()
        collab = Collaboration(offer_id=offer.id, creator_id=creator.id, business_id=owner.id,
                               status=CollaborationStatus.DISPUTED, dispute_reason=f"Never paid ({tag}).")
        db.add(collab)
        db.commit()
        return collab.id, title


def test_the_demo_admin_sees_the_platform_counts(page, live_db, screenshot):
    log_in(page, ADMIN)
    users = active_accounts(live_db)
    disputes = count(live_db, Collaboration, Collaboration.status == CollaborationStatus.DISPUTED)
    active = count(live_db, Offer, Offer.status == OfferStatus.ACTIVE)
    page.goto("/admin")
    expect(page.get_by_role("heading", name="Platform overview")).to_be_visible()
    expect(page.get_by_test_id("figure-users").get_by_test_id("figure-value")).to_have_text(str(users))
    expect(page.get_by_test_id("figure-offers").get_by_test_id("figure-value")).to_have_text(str(active))
    expect(page.get_by_test_id("figure-disputes").get_by_test_id("figure-value")).to_have_text(str(disputes))
    screenshot("admin-overview")


def test_a_creator_who_opens_admin_is_sent_to_forbidden(page):
    log_in(page, CREATOR)
    page.goto("/admin")
    expect(page).to_have_url(re.compile(r"/forbidden/?$"))
    expect(page.get_by_role("heading", name="Platform overview")).to_have_count(0)


def test_the_admin_settles_a_dispute_from_the_disputes_page(page, live_db):
    collab_id, title = make_dispute(live_db)
    log_in(page, ADMIN)
    page.goto("/admin/disputes")
    card = page.get_by_test_id("admin-dispute").filter(has_text=title)
    expect(card).to_contain_text("Never paid")
    card.get_by_role("button", name=re.compile("^Resolve")).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("Cancelled", exact=True).click()
    dialog.get_by_label("Note for the record").fill("The business showed the payment never came due.")
    dialog.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text(f"“{title}” is settled as cancelled")).to_be_visible()
    expect(page.get_by_test_id("admin-dispute").filter(has_text=title)).to_have_count(0)
    with Session(live_db) as db:
        assert db.get(Collaboration, collab_id).status is CollaborationStatus.CANCELLED
        event = db.exec(select(CollaborationEvent).where(CollaborationEvent.collaboration_id == collab_id)).one()
        assert (event.action, event.note) == ("resolve_cancelled", "The business showed the payment never came due.")
