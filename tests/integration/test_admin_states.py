"""The admin pages' states over a real database and real sessions: what each page would show.

A page is a Reflex state tree built the way an event builds it (the page's URL, the cookie its
socket connected with), and the handlers are called as Reflex calls them. The EventGuard is
tested on its own (tests/security/test_admin_guard.py); here the handlers' own check is tested
too: called for a creator, they fill nothing and send the page away.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from influfinder import database
from influfinder.domain.enums import CollaborationStatus, OfferStatus, UserType
from influfinder.models import Collaboration, Offer, User
from influfinder.services import collaborations, effects, sessions
from influfinder.state.admin_disputes import AdminDisputesState
from influfinder.state.admin_offers import AdminOffersState
from influfinder.state.admin_overview import AdminOverviewState
from influfinder.state.admin_users import AdminUsersState
from tests.support.pages import open_page, redirects, run
from tests.support.people import empty_every_table, person, reset_app_caches, session_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    url = (f"sqlite:///{tmp_path_factory.mktemp('admin_states') / 'admin.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="admin-states-test-secret")
    reset_app_caches()
    empty_every_table()
    yield
    effects.drain()
    reset_app_caches()


@pytest.fixture
def boss():
    return person(UserType.BUSINESS, admin=True, name="Team")


def test_the_overview_shows_the_counts_and_records_the_day_for_the_chart(boss):
    creator, owner = person(), person(UserType.BUSINESS)
    collaborations_row = Collaboration(offer_id=_offer(owner), creator_id=creator.id, business_id=owner.id)
    with database.session_scope() as db:
        db.add(collaborations_row)
    page = open_page(AdminOverviewState, "/admin", session_for(boss))
    run(page, "load")
    figures = {f.key: f.value for f in page.figures}
    assert figures == {"users": 3, "new_users": 3, "offers": 1, "applications": 0, "collaborations": 1,
                       "disputes": 0}
    assert page.chart == [] and not page.loading
    run(page, "take_snapshot")
    # Today's snapshot, and the 29 days before it backfilled from the records (nobody existed then).
    assert [point["total_users"] for point in page.chart] == [0] * 29 + [3] and page.history[0].total_users == 3
    assert page.chart_caption.startswith("30 ")
    assert page.notice and not page.error


def test_the_users_page_searches_deactivates_and_shows_emails_to_the_admin(boss):
    ana = person(name="Ana Torres")
    token = session_for(ana)
    page = open_page(AdminUsersState, f"/admin/users?q={ana.username}", session_for(boss))
    run(page, "load")
    assert [(r.username, r.email, r.active) for r in page.rows] == [(ana.username, ana.email, True)]
    assert page.search == ana.username and page.page_base == f"/admin/users?q={ana.username}&"
    run(page, "deactivate", str(ana.id))
    effects.drain()
    assert page.rows[0].active is False and "deactivated" in page.notice
    assert sessions.resolve(token) is None
    mine = open_page(AdminUsersState, "/admin/users", session_for(boss))
    run(mine, "load")
    me = next(r for r in mine.rows if r.username == boss.username)
    assert me.is_me and mine.total == 2
    run(mine, "deactivate", str(boss.id))  # the page has no button for it; a socket might still try
    assert "your own account" in mine.error
    with database.session_scope() as db:
        assert db.get(User, boss.id).is_active


def test_a_link_past_the_last_page_shows_the_last_page(boss):
    """A pager link made before accounts went away: the last page and its rows, not an empty list."""
    ana = person(name="Ana Torres")
    page = open_page(AdminUsersState, "/admin/users?page=5", session_for(boss))
    run(page, "load")
    assert (page.page, page.pages, page.total) == (1, 1, 2)
    assert {r.username for r in page.rows} == {boss.username, ana.username}


def test_a_creator_calling_admin_handlers_gets_nothing_and_is_sent_away(boss):
    creator, victim = person(), person()
    token = session_for(creator)
    for cls, calls in ((AdminUsersState, [("load",), ("deactivate", str(victim.id))]),
                       (AdminOverviewState, [("load",), ("take_snapshot",)]),
                       (AdminDisputesState, [("load",)]), (AdminOffersState, [("load",)])):
        page = open_page(cls, "/admin", token)
        for name, *args in calls:
            assert "/forbidden" in redirects(run(page, name, *args))
        assert getattr(page, "rows", []) == [] and getattr(page, "figures", []) == []
    root = page
    while root.parent_state is not None:
        root = root.parent_state
    assert victim.email not in str(root.dict())
    with database.session_scope() as db:
        assert db.get(User, victim.id).is_active


def test_the_disputes_page_resolves_a_dispute_with_the_admins_note(boss):
    creator, owner = person(name="Lucía"), person(UserType.BUSINESS, name="Café Aurora")
    collab = Collaboration(offer_id=_offer(owner), creator_id=creator.id, business_id=owner.id)
    with database.session_scope() as db:
        db.add(collab)
    with database.session_scope() as db:
        collaborations.open_dispute(db, owner, collab.id, "No post after two weeks.")
    page = open_page(AdminDisputesState, "/admin/disputes", session_for(boss))
    run(page, "load")
    assert [(r.creator, r.business, r.reason, r.opened_by) for r in page.rows] == [
        ("Lucía", "Café Aurora", "No post after two weeks.", "Café Aurora")]
    run(page, "open_resolve", page.rows[0].id)
    assert page.resolving == str(collab.id)
    run(page, "resolve", {"note": "Agreed by both."})  # no outcome chosen
    assert "outcome" in page.field_errors
    run(page, "resolve", {"outcome": "COMPLETED", "note": ""})
    assert "note" in page.field_errors and page.resolving
    run(page, "resolve", {"outcome": "COMPLETED", "note": "The post went up late; it counts."})
    assert page.rows == [] and page.resolving == "" and "completed" in page.notice
    with database.session_scope() as db:
        assert db.get(Collaboration, collab.id).status is CollaborationStatus.COMPLETED


def test_the_offers_page_filters_from_the_url_and_pauses_an_offer(boss):
    owner = person(UserType.BUSINESS, name="Bloom Studio")
    spring, _other = _offer(owner, "Spring bouquet reel"), _offer(owner, "Summer terrace")
    page = open_page(AdminOffersState, "/admin/offers?q=bouquet&status=ACTIVE", session_for(boss))
    run(page, "load")
    assert [r.title for r in page.rows] == ["Spring bouquet reel"] and page.rows[0].can_pause
    assert [(t.label, t.count, t.active) for t in page.tabs][:3] == [("All", 1, False), ("Draft", 0, False),
                                                                      ("Active", 1, True)]
    assert page.tabs[0].href == "/admin/offers?q=bouquet"
    run(page, "pause", page.rows[0].id)
    assert page.rows == [] and "paused" in page.notice  # it left the ACTIVE tab
    with database.session_scope() as db:
        assert db.get(Offer, spring).status is OfferStatus.PAUSED
    assert "/admin/offers?q=tulips&status=ACTIVE" in redirects(run(page, "find", {"q": "  tulips "}))


def _offer(owner, title: str = "Brunch for two") -> uuid.UUID:
    row = Offer(business_id=owner.id, title=title, description="Come and film it.", category="FOOD",
                status=OfferStatus.ACTIVE)
    with database.session_scope() as db:
        db.add(row)
    return row.id
