"""The admin dashboard's services on real databases (SQLite and PostgreSQL, both built by the migrations).

What an admin would notice: nobody else can use these functions, a deactivated account is signed
out everywhere at once, a resolved dispute moves the collaboration and says who decided and why,
and the daily figures and overview counts match the rows they count.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlmodel import select

from influfinder import database
from influfinder.domain.enums import (
    ApplicationStatus, CollaborationStatus, Currency, OfferStatus, UserType,
)
from influfinder.models import Analytics, Application, Collaboration, CollaborationEvent, Offer, Profile, User
from influfinder.services import (
    admin_analytics, admin_disputes, admin_offers, admin_overview, admin_users, collaborations, effects, sessions,
)
from influfinder.services.actors import Actor, actor_for_token
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.people import empty_every_table, person, reset_app_caches, session_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    url = (f"sqlite:///{tmp_path_factory.mktemp('admin') / 'admin.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url) -> Iterator[None]:
    """Each test starts from empty tables: the counts it checks are the rows it made."""
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="admin-services-test-secret")
    reset_app_caches()
    empty_every_table()
    yield
    effects.drain()
    reset_app_caches()


def call(fn, *args, **kwargs):
    with database.session_scope() as db:
        return fn(db, *args, **kwargs)


def fetch(model, key):
    with database.session_scope() as db:
        return db.get(model, key)


def offer(business: Actor, status: OfferStatus = OfferStatus.ACTIVE, title: str = "Brunch for two",
          created_at: datetime | None = None) -> uuid.UUID:
    row = Offer(business_id=business.id, title=title, description="Come and film it.", category="FOOD",
                status=status, city="Madrid", **({"created_at": created_at} if created_at else {}))
    with database.session_scope() as db:
        db.add(row)
    return row.id


def dispute(creator: Actor, business: Actor, reason: str = "The business cancelled the visit twice.") -> uuid.UUID:
    """A collaboration the creator took to a dispute, through the collaborations service."""
    row = Collaboration(offer_id=offer(business), creator_id=creator.id, business_id=business.id,
                        status=CollaborationStatus.ACCEPTED, agreed_fee=Decimal("120"))
    with database.session_scope() as db:
        db.add(row)
    call(collaborations.open_dispute, creator, row.id, reason)
    return row.id


def fingerprint() -> list:
    """Every row of the tables an admin action could write."""
    with database.session_scope() as db:
        return [sorted(map(str, db.exec(select(model)).all())) for model in
                (User, Offer, Collaboration, CollaborationEvent, Analytics)]


# ---- who may use them -------------------------------------------------------------------------

CALLS = {
    "overview": lambda w, a: (admin_overview.overview, a),
    "list_users": lambda w, a: (admin_users.list_users, a, "u"),
    "deactivate_user": lambda w, a: (admin_users.deactivate_user, a, w["target"].id),
    "reactivate_user": lambda w, a: (admin_users.reactivate_user, a, w["inactive"].id),
    "list_disputes": lambda w, a: (admin_disputes.list_disputes, a),
    "resolve_dispute": lambda w, a: (admin_disputes.resolve_dispute, a, w["dispute"], "CANCELLED", "Decided"),
    "list_offers": lambda w, a: (admin_offers.list_offers, a),
    "pause_offer": lambda w, a: (admin_offers.pause_offer, a, w["offer"]),
    "archive_offer": lambda w, a: (admin_offers.archive_offer, a, w["offer"]),
    "take_snapshot": lambda w, a: (admin_analytics.take_snapshot, a),
    "analytics_history": lambda w, a: (admin_analytics.analytics_history, a),
}
OUTSIDERS = ("anonymous", "creator", "business", "agency", "party_creator", "owner")


def world() -> dict:
    creator, owner = person(name="Lucía"), person(UserType.BUSINESS, name="Café Aurora")
    inactive = person()
    with database.session_scope() as db:
        db.exec(sa.update(User).where(User.id == inactive.id).values(is_active=False))
    return {
        "anonymous": None, "creator": person(), "business": person(UserType.BUSINESS),
        "agency": person(UserType.AGENCY), "party_creator": creator, "owner": owner,
        "target": person(), "inactive": inactive, "dispute": dispute(creator, owner), "offer": offer(owner),
    }


@pytest.mark.parametrize("name", CALLS)
def test_every_admin_function_refuses_everyone_who_is_not_an_admin_and_changes_nothing(name):
    w = world()
    before = fingerprint()
    for role in OUTSIDERS:
        fn, *args = CALLS[name](w, w[role])
        with pytest.raises(NotAllowed):
            call(fn, *args)
    assert fingerprint() == before
    # The same call goes through for an admin: the refusal above was about who asked.
    fn, *args = CALLS[name](w, person(UserType.BUSINESS, admin=True))
    call(fn, *args)


# ---- accounts ---------------------------------------------------------------------------------


def test_deactivating_an_account_signs_it_out_everywhere_and_reactivating_lets_it_log_in_again():
    boss, ana = person(UserType.BUSINESS, admin=True), person(name="Ana")
    phone, laptop = session_for(ana), session_for(ana)
    call(admin_users.deactivate_user, boss, str(ana.id))
    effects.drain()  # the sessions end once the deactivation is committed
    assert sessions.resolve(phone) is None and sessions.resolve(laptop) is None
    assert sessions.devices(ana.id) == []
    with database.session_scope() as db:
        assert actor_for_token(db, session_for(ana)) is None  # a fresh session is refused too
    row = call(admin_users.list_users, boss, ana.username).items[0]
    assert (row.username, row.is_active) == (ana.username, False)
    with pytest.raises(ServiceError, match="already deactivated"):
        call(admin_users.deactivate_user, boss, str(ana.id))

    call(admin_users.reactivate_user, boss, str(ana.id))
    assert sessions.resolve(phone) is None  # the old sessions stay ended
    with database.session_scope() as db:
        assert actor_for_token(db, session_for(ana)).id == ana.id


@pytest.mark.redis
def test_deactivating_signs_out_sessions_kept_in_redis(settings_env, db_url, redis_url):
    settings_env.set(REDIS_URL=redis_url)
    reset_app_caches()
    boss, ana = person(UserType.BUSINESS, admin=True), person()
    token = session_for(ana)
    assert sessions.resolve(token) is not None
    call(admin_users.deactivate_user, boss, ana.id)
    effects.drain()
    assert sessions.resolve(token) is None and sessions.devices(ana.id) == []


def test_an_admin_cannot_deactivate_themself_nor_a_deleted_or_unknown_account():
    boss = person(UserType.BUSINESS, admin=True)
    token = session_for(boss)
    with pytest.raises(ServiceError, match="your own account"):
        call(admin_users.deactivate_user, boss, boss.id)
    gone = person()
    with database.session_scope() as db:
        db.exec(sa.update(User).where(User.id == gone.id).values(deleted_at=datetime.now(timezone.utc)))
    for key in (gone.id, uuid.uuid4(), "not-an-id", {"$ne": 1}):
        with pytest.raises(NotAllowed):
            call(admin_users.deactivate_user, boss, key)
    assert fetch(User, boss.id).is_active and sessions.resolve(token) is not None


def test_the_user_list_searches_usernames_and_emails_pages_in_the_database_and_hides_deleted_accounts():
    boss = person(UserType.BUSINESS, admin=True)
    people = [person() for _ in range(5)]
    with database.session_scope() as db:
        db.exec(sa.update(User).where(User.id == people[0].id).values(email="maria_100%@example.com"))
        db.exec(sa.update(User).where(User.id == people[1].id).values(deleted_at=datetime.now(timezone.utc)))
    assert [r.email for r in call(admin_users.list_users, boss, "_100%").items] == ["maria_100%@example.com"]
    assert call(admin_users.list_users, boss, "100%x").total == 0  # % is a character, not a wildcard
    assert [r.username for r in call(admin_users.list_users, boss, people[2].username.upper()).items] == \
        [people[2].username]
    first, second = call(admin_users.list_users, boss, "", 1, 3), call(admin_users.list_users, boss, "", 2, 3)
    assert first.total == second.total == 5 and len(first.items) == 3 and len(second.items) == 2
    assert people[1].username not in {r.username for r in first.items + second.items}
    with pytest.raises(ServiceError):
        call(admin_users.list_users, boss, "x" * 101)


# ---- disputes ---------------------------------------------------------------------------------


def test_resolving_a_dispute_moves_the_collaboration_and_logs_who_decided_and_why():
    boss = person(UserType.BUSINESS, admin=True, name="Team")
    creator, owner = person(name="Lucía Romero"), person(UserType.BUSINESS, name="Café Aurora")
    collab_id = dispute(creator, owner, "They changed the date twice.")
    [row] = call(admin_disputes.list_disputes, boss).items
    assert (row.id, row.creator, row.business, row.reason, row.opened_by) == \
        (str(collab_id), "Lucía Romero", "Café Aurora", "They changed the date twice.", "Lucía Romero")

    with pytest.raises(ServiceError, match="Give a reason"):
        call(admin_disputes.resolve_dispute, boss, str(collab_id), "CANCELLED", "   ")
    assert fetch(Collaboration, collab_id).status is CollaborationStatus.DISPUTED

    call(admin_disputes.resolve_dispute, boss, str(collab_id), "CANCELLED", "Both agreed to call it off.")
    assert fetch(Collaboration, collab_id).status is CollaborationStatus.CANCELLED
    with database.session_scope() as db:
        last = db.exec(select(CollaborationEvent).where(CollaborationEvent.collaboration_id == collab_id)
                       .order_by(CollaborationEvent.created_at.desc())).first()
    assert (last.actor_id, last.action, last.from_status, last.to_status, last.note) == (
        boss.id, "resolve_cancelled", CollaborationStatus.DISPUTED, CollaborationStatus.CANCELLED,
        "Both agreed to call it off.")
    assert call(admin_disputes.list_disputes, boss).total == 0
    with pytest.raises(ServiceError):  # settled once, not twice
        call(admin_disputes.resolve_dispute, boss, str(collab_id), "COMPLETED", "Changed my mind")


def test_a_dispute_resolved_as_completed_counts_for_the_creator():
    boss = person(UserType.BUSINESS, admin=True)
    creator, owner = person(), person(UserType.BUSINESS)
    collab_id = dispute(creator, owner)
    call(admin_disputes.resolve_dispute, boss, collab_id, "COMPLETED", "Proof of the post received.")
    collab = fetch(Collaboration, collab_id)
    assert collab.status is CollaborationStatus.COMPLETED and collab.completed_date is not None
    with database.session_scope() as db:
        assert db.exec(select(Profile.completed_collaborations).where(Profile.user_id == creator.id)).one() == 1


# ---- offers -----------------------------------------------------------------------------------


def test_admins_pause_and_archive_offers_and_the_list_filters_by_search_and_status():
    boss, owner = person(UserType.BUSINESS, admin=True), person(UserType.BUSINESS, name="Bloom Studio")
    live, draft = offer(owner, title="Spring bouquet reel"), offer(owner, OfferStatus.DRAFT, title="Draft idea")
    offer(person(UserType.BUSINESS), title="Sushi night")
    call(admin_offers.pause_offer, boss, str(live))
    assert fetch(Offer, live).status is OfferStatus.PAUSED
    with pytest.raises(ServiceError):
        call(admin_offers.pause_offer, boss, str(draft))  # only an active offer can be paused
    call(admin_offers.archive_offer, boss, str(draft))
    assert fetch(Offer, draft).status is OfferStatus.ARCHIVED

    found = call(admin_offers.list_offers, boss, "bloom")  # the business's name finds its offers
    assert {r.title for r in found.page.items} == {"Spring bouquet reel", "Draft idea"}
    assert (found.counts["PAUSED"], found.counts["ARCHIVED"], found.counts["ACTIVE"]) == (1, 1, 0)
    paused = call(admin_offers.list_offers, boss, "", "PAUSED")
    assert [r.title for r in paused.page.items] == ["Spring bouquet reel"] and paused.page.total == 1
    with pytest.raises(ServiceError):
        call(admin_offers.list_offers, boss, "", "DELETED")


# ---- counts and daily figures -----------------------------------------------------------------


def test_the_overview_counts_every_status_and_the_open_disputes():
    boss = person(UserType.BUSINESS, admin=True)
    creator, owner = person(), person(UserType.AGENCY)
    dispute(creator, owner)
    offer(owner, OfferStatus.PAUSED)
    gone, applied_to = person(), offer(owner)
    with database.session_scope() as db:
        db.exec(sa.update(User).where(User.id == gone.id).values(is_active=False))
        db.add(Application(offer_id=applied_to, creator_id=creator.id, message="Hi",
                           status=ApplicationStatus.UNDER_REVIEW))
    view = call(admin_overview.overview, boss)
    assert view.users == {"CREATOR": 1, "BUSINESS": 1, "AGENCY": 1} and view.deactivated_users == 1
    assert view.new_users_week == 4
    assert (view.offers["ACTIVE"], view.offers["PAUSED"]) == (2, 1)
    assert view.applications["UNDER_REVIEW"] == 1 and sum(view.applications.values()) == 1
    assert view.collaborations["DISPUTED"] == view.open_disputes == 1


def _at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.utc)


def test_the_daily_snapshot_matches_the_data_and_is_rewritten_not_duplicated():
    today = datetime.now(timezone.utc).date()
    yesterday, last_week = today - timedelta(days=1), today - timedelta(days=7)
    owner = person(UserType.BUSINESS)
    creators = [person(), person(), person()]
    with database.session_scope() as db:
        for user, created, tier in ((creators[0], last_week, 4), (creators[1], yesterday, 1), (creators[2], today, 0)):
            db.exec(sa.update(User).where(User.id == user.id).values(created_at=_at(created)))
            db.exec(sa.update(Profile).where(Profile.user_id == user.id).values(tier_level=tier))
        db.exec(sa.update(User).where(User.id == owner.id).values(created_at=_at(last_week)))
    old, new = offer(owner, created_at=_at(last_week)), offer(owner, OfferStatus.PAUSED, created_at=_at(today))
    with database.session_scope() as db:
        db.add(Application(offer_id=old, creator_id=creators[0].id, message="Hi", created_at=_at(yesterday)))
        for fee, currency, done in (("100.50", Currency.EUR, yesterday), ("80", Currency.EUR, today),
                                    ("999", Currency.USD, yesterday)):
            db.add(Collaboration(offer_id=old, creator_id=creators[0].id, business_id=owner.id, agreed_fee=Decimal(fee),
                                 currency=currency, status=CollaborationStatus.COMPLETED, completed_date=_at(done)))

    row = call(admin_analytics.snapshot_analytics, yesterday)
    assert (row.date, row.total_users, row.new_users, row.total_offers_created, row.active_offers) == \
        (yesterday, 3, 1, 1, 1)
    assert (row.total_applications, row.total_collaborations_completed, row.total_revenue) == \
        (1, 2, Decimal("100.50"))  # the USD fee is not added to euros
    assert row.avg_tier_level == pytest.approx(5 / 3, abs=0.01)  # creators' tiers now: 4, 1, 0

    call(admin_analytics.snapshot_analytics, today)
    call(admin_offers.pause_offer, person(UserType.BUSINESS, admin=True), old)
    again = call(admin_analytics.snapshot_analytics, today)
    assert (again.total_users, again.new_users, again.total_offers_created, again.active_offers) == (5, 2, 2, 0)
    assert (again.total_collaborations_completed, again.total_revenue) == (3, Decimal("180.50"))
    with database.session_scope() as db:
        assert db.exec(select(sa.func.count()).select_from(Analytics).where(Analytics.date == today)).one() == 1


def test_the_history_holds_the_last_30_days_oldest_first():
    boss = person(UserType.BUSINESS, admin=True)
    today = datetime.now(timezone.utc).date()
    for days_ago in (40, 29, 3, 0):
        call(admin_analytics.snapshot_analytics, today - timedelta(days=days_ago))
    assert [d.day for d in call(admin_analytics.analytics_history, boss)] == \
        [today - timedelta(days=29), today - timedelta(days=3), today]
    taken = call(admin_analytics.take_snapshot, boss)
    assert taken.date == today and taken.total_users == 1
