"""The marketplace's use cases on real databases (SQLite and PostgreSQL, both built by the migrations):
who may do what, what a refusal leaves behind (nothing), the races (last place, double click),
and the notifications each step writes.

Every call runs in its own transaction, committed on success and rolled back on a refusal, the
way the app's `session_scope` runs it. Users and offers are made fresh for each test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from functools import partial

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from influfinder.domain.enums import ApplicationStatus, NotificationType, UserType
from influfinder.models import Application, Collaboration, CollaborationEvent, Notification, Offer
from influfinder.services import applications, effects, events, notifications, offer_management, offer_search
from influfinder.services.offer_filters import OfferSearch
from influfinder.services.domain_events import NotificationCreated
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support import marketplace
from tests.support.marketplace import (
    DATABASES, MESSAGE, ROLES, Cast, call, cast, migrated_database, offer_form, published, race, scope,
)

pytestmark = pytest.mark.integration

# People here start as Explorers (tier 1) with a company name; a test that needs a Newbie says so.
make_user = partial(marketplace.make_user, tier=1, company=True)


@pytest.fixture(scope="module", params=DATABASES)
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    with migrated_database(request, tmp_path_factory, "marketplace") as (_url, built):
        yield built


@pytest.fixture(autouse=True)
def empty_tables(engine) -> Iterator[None]:
    """Each test starts from empty tables, so a snapshot reads only that test's rows."""
    yield
    effects.drain()
    with scope(engine) as db:
        for table in reversed(SQLModel.metadata.sorted_tables):
            db.exec(table.delete())


# ---- builders (the shared ones are in tests/support/marketplace.py) ---------------------------


def set_offer(engine, offer_id, **columns) -> None:
    """Put an offer in a state the services would refuse to create (a deadline already past)."""
    with scope(engine) as db:
        db.exec(sa.update(Offer).where(Offer.id == offer_id).values(**columns))


@dataclass
class World(Cast):
    draft: uuid.UUID
    active: uuid.UUID  # the creator applied here
    paused: uuid.UUID
    fresh: uuid.UUID  # active, nobody applied
    application: uuid.UUID
    notification: uuid.UUID  # the owner's APPLICATION_RECEIVED


def world(engine) -> World:
    people = cast(engine, make_user)
    owner = people["owner"]
    draft = call(engine, offer_management.create_draft, owner, offer_form(title="Draft idea"))
    active, paused, fresh = published(engine, owner), published(engine, owner), published(engine, owner)
    call(engine, offer_management.pause, owner, paused)
    application = call(engine, applications.apply, people["creator"], active, {"message": MESSAGE})
    with scope(engine) as db:
        note = db.exec(select(Notification.id).where(Notification.related_application_id == application)).one()
    return World(**people, draft=draft, active=active, paused=paused, fresh=fresh, application=application,
                 notification=note)


TABLES = (Offer, Application, Collaboration, CollaborationEvent, Notification)


def snapshot(engine) -> dict:
    """Every row the marketplace writes, to prove a refusal changed nothing."""
    with Session(engine) as db:
        return {t.__tablename__: sorted(tuple(sorted(r.model_dump().items(), key=str)) for r in db.exec(select(t)))
                for t in TABLES}


# ---- the authorization matrix -----------------------------------------------------------------


# action -> (how to call it on a world, the roles that may)
ACTIONS = {
    "create_draft": (lambda w, a: (offer_management.create_draft, a, offer_form()),
                     {"owner", "other_business", "admin"}),
    "update_offer": (lambda w, a: (offer_management.update_offer, a, w.active, {"title": "New title"}),
                     {"owner"}),
    "publish": (lambda w, a: (offer_management.publish, a, w.draft), {"owner"}),
    "pause": (lambda w, a: (offer_management.pause, a, w.active), {"owner", "admin"}),
    "resume": (lambda w, a: (offer_management.resume, a, w.paused), {"owner"}),
    "archive": (lambda w, a: (offer_management.archive, a, w.active), {"owner", "admin"}),
    "get_offer_for_owner": (lambda w, a: (offer_management.get_offer_for_owner, a, w.active), {"owner", "admin"}),
    "my_offers": (lambda w, a: (offer_management.my_offers, a), {"owner", "other_business", "admin"}),
    "check_apply": (lambda w, a: (applications.check_apply, a, w.fresh), {"creator", "other_creator"}),
    "apply": (lambda w, a: (applications.apply, a, w.fresh, {"message": MESSAGE}), {"creator", "other_creator"}),
    "withdraw": (lambda w, a: (applications.withdraw, a, w.application), {"creator"}),
    "my_applications": (lambda w, a: (applications.my_applications, a), {"creator", "other_creator"}),
    "list_for_offer": (lambda w, a: (applications.list_for_offer, a, w.active), {"owner", "admin"}),
    "get_application": (lambda w, a: (applications.get_application, a, w.application),
                        {"owner", "creator", "admin"}),
    "open_application": (lambda w, a: (applications.open_application, a, w.application),
                         {"owner", "creator", "admin"}),
    "accept": (lambda w, a: (applications.accept, a, w.application), {"owner"}),
    "reject": (lambda w, a: (applications.reject, a, w.application, "Not this time"), {"owner"}),
    "notifications.list": (lambda w, a: (notifications.list_for_user, a), set(ROLES) - {"anonymous"}),
    "notifications.mark_read": (lambda w, a: (notifications.mark_read, a, w.notification), {"owner"}),
    "notifications.delete": (lambda w, a: (notifications.delete, a, w.notification), {"owner"}),
}
MATRIX = [(action, role) for action in ACTIONS for role in ROLES]


@pytest.mark.parametrize("action,role", MATRIX, ids=[f"{a}-{r}" for a, r in MATRIX])
def test_authorization_matrix(engine, action, role):
    w = world(engine)
    build, allowed = ACTIONS[action]
    fn, *args = build(w, w.actor(role))
    before = snapshot(engine)
    if role in allowed:
        call(engine, fn, *args)
        return
    with pytest.raises(NotAllowed) as refused:
        call(engine, fn, *args)
    assert refused.value.message and "Brunch" not in refused.value.message  # says why, reveals nothing
    assert snapshot(engine) == before


@pytest.mark.parametrize("action", ["update_offer", "publish", "archive", "get_offer_for_owner", "list_for_offer"])
def test_someone_elses_offer_reads_exactly_like_one_that_does_not_exist(engine, action):
    w = world(engine)
    build, _ = ACTIONS[action]
    fn, actor, _, *rest = build(w, w.other_business)
    with pytest.raises(NotAllowed) as theirs:
        call(engine, fn, actor, w.active, *rest)
    with pytest.raises(NotAllowed) as missing:
        call(engine, fn, actor, uuid.uuid4(), *rest)
    with pytest.raises(NotAllowed) as garbage:
        call(engine, fn, actor, {"$ne": None}, *rest)
    assert theirs.value.message == missing.value.message == garbage.value.message == "We could not find that offer."


@pytest.mark.parametrize("action", ["get_application", "withdraw", "accept", "reject"])
def test_someone_elses_application_reads_exactly_like_one_that_does_not_exist(engine, action):
    w = world(engine)
    build, _ = ACTIONS[action]
    stranger = w.other_creator if action in ("get_application", "withdraw") else w.other_business
    fn, _, _, *rest = build(w, stranger)
    with pytest.raises(NotAllowed) as theirs:
        call(engine, fn, stranger, w.application, *rest)
    with pytest.raises(NotAllowed) as missing:
        call(engine, fn, stranger, uuid.uuid4(), *rest)
    assert theirs.value.message == missing.value.message == "We could not find that application."


def test_a_creator_calling_a_business_action_is_told_who_may(engine):
    w = world(engine)
    with pytest.raises(NotAllowed, match="Only businesses and agencies can do that."):
        call(engine, offer_management.create_draft, w.creator, offer_form())
    with pytest.raises(NotAllowed, match="Only creators can do that."):
        call(engine, applications.apply, w.owner, w.fresh, {"message": MESSAGE})


# ---- offers -----------------------------------------------------------------------------------


def test_a_business_drafts_edits_publishes_pauses_resumes_and_archives(engine):
    owner = make_user(engine, UserType.BUSINESS)
    offer_id = call(engine, offer_management.create_draft, owner, {"title": "Spa day", "category": "BEAUTY"})
    view = call(engine, offer_management.get_offer_for_owner, owner, offer_id)
    assert view.status == "DRAFT" and view.actions == ["edit", "publish", "archive"]
    with pytest.raises(offer_management.InvalidOffer) as incomplete:
        call(engine, offer_management.publish, owner, offer_id)
    assert incomplete.value.message == "Before publishing: describe the offer in at least 20 characters."
    assert "application_deadline" in incomplete.value.problems
    call(engine, offer_management.update_offer, owner, offer_id, offer_form(title="Spa day", category="BEAUTY"))
    call(engine, offer_management.publish, owner, offer_id)
    for action, status in (("pause", "PAUSED"), ("resume", "ACTIVE"), ("archive", "ARCHIVED")):
        call(engine, getattr(offer_management, action), owner, offer_id)
        assert call(engine, offer_management.get_offer_for_owner, owner, offer_id).status == status
    view = call(engine, offer_management.get_offer_for_owner, owner, offer_id)
    assert view.values["title"] == "Spa day" and view.values["city"] == "Madrid" and view.published_at


def test_editing_the_requirements_changes_who_finds_the_offer_among_those_they_qualify_for(engine):
    owner = make_user(engine, UserType.BUSINESS)
    me = make_user(engine, followers=800, engagement=2.5)
    offer_id = published(engine, owner)  # regular creators from 500 followers and 1.5 %

    def qualifying() -> list[str]:
        return [o.id for o in call(engine, offer_search.search_offers, me, OfferSearch(qualified_only=True)).items]

    assert qualifying() == [str(offer_id)]
    too_big = {"min_followers": 5_000}
    call(engine, offer_management.update_offer, owner, offer_id, {"requirements": {"influencer": too_big, "regular": too_big}})
    assert qualifying() == []
    call(engine, offer_management.update_offer, owner, offer_id,
         {"requirements": {"influencer": {"min_followers": 700, "min_engagement": 2.0}, "regular": too_big}})
    assert qualifying() == [str(offer_id)]


def test_publishing_needs_a_confirmed_email(engine):
    owner = make_user(engine, UserType.BUSINESS, verified=False)
    offer_id = call(engine, offer_management.create_draft, owner, offer_form())
    with pytest.raises(NotAllowed, match="Confirm your email"):
        call(engine, offer_management.publish, owner, offer_id)
    assert call(engine, offer_management.get_offer_for_owner, owner, offer_id).status == "DRAFT"


def test_an_archived_offer_cannot_be_edited_and_stays_as_it_was(engine):
    owner = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, owner)
    call(engine, offer_management.archive, owner, offer_id)
    before = snapshot(engine)
    with pytest.raises(ServiceError, match="You cannot edit this offer: it is archived."):
        call(engine, offer_management.update_offer, owner, offer_id, {"title": "Sneaky change"})
    with pytest.raises(ServiceError, match="You cannot publish this offer: it is archived."):
        call(engine, offer_management.publish, owner, offer_id)
    assert snapshot(engine) == before


def test_bad_input_is_refused_field_by_field_and_saves_nothing(engine):
    owner = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, owner)
    before = snapshot(engine)
    with pytest.raises(offer_management.InvalidOffer) as refused:
        call(engine, offer_management.update_offer, owner, offer_id,
             {"budget_min": "-5", "category": "CRYPTO", "content_specs": {"required_hashtags": ["ad"]}})
    assert set(refused.value.problems) == {"budget_min", "category", "content_specs.required_hashtags"}
    with pytest.raises(offer_management.InvalidOffer, match="minimum budget cannot be above"):
        call(engine, offer_management.update_offer, owner, offer_id, {"budget_min": "900", "budget_max": "100"})
    with pytest.raises(offer_management.InvalidOffer, match="A published offer must stay complete"):
        call(engine, offer_management.update_offer, owner, offer_id, {"platforms": []})
    with pytest.raises(offer_management.InvalidOffer, match="not part of an offer"):
        call(engine, offer_management.update_offer, owner, offer_id, {"status": "ARCHIVED"})
    assert snapshot(engine) == before


def test_places_cannot_drop_below_the_creators_already_accepted(engine):
    w = world(engine)
    second = call(engine, applications.apply, w.other_creator, w.active, {"message": MESSAGE})
    call(engine, applications.accept, w.owner, w.application)
    call(engine, applications.accept, w.owner, second)
    with pytest.raises(ServiceError, match="2 creators are already accepted: keep at least 2 places.") as refused:
        call(engine, offer_management.update_offer, w.owner, w.active, {"slots": 1})
    assert refused.value.field == "slots"
    call(engine, offer_management.update_offer, w.owner, w.active, {"slots": 3})
    assert call(engine, offer_management.get_offer_for_owner, w.owner, w.active).values["slots"] == 3


def test_my_offers_counts_by_status_with_views_and_applications(engine):
    w = world(engine)
    call(engine, applications.apply, w.other_creator, w.active, {"message": MESSAGE})
    call(engine, applications.reject, w.owner, w.application, "")
    set_offer(engine, w.active, views_count=7)
    mine = call(engine, offer_management.my_offers, w.owner)
    assert mine.counts == {"DRAFT": 1, "ACTIVE": 2, "PAUSED": 1, "ARCHIVED": 0}
    assert mine.views == {"DRAFT": 0, "ACTIVE": 7, "PAUSED": 0, "ARCHIVED": 0}
    assert mine.page.total == 4
    row = next(r for r in mine.page.items if r.id == str(w.active))
    assert row.views == 7 and row.applications_total == 2
    assert row.applications["APPLIED"] == 1 and row.applications["REJECTED"] == 1
    active_only = call(engine, offer_management.my_offers, w.owner, "ACTIVE")
    assert active_only.page.total == 2 and {r.status for r in active_only.page.items} == {"ACTIVE"}
    assert call(engine, offer_management.my_offers, w.other_business).page.total == 0


@pytest.mark.parametrize("page", [-1, 0, 10**9, "2", 1.5, True])
def test_absurd_page_numbers_are_refused(engine, page):
    owner = make_user(engine, UserType.BUSINESS)
    with pytest.raises(ServiceError, match="Page must be a whole number"):
        call(engine, offer_management.my_offers, owner, None, page)


def test_an_unknown_status_filter_is_refused_by_name(engine):
    owner = make_user(engine, UserType.BUSINESS)
    with pytest.raises(ServiceError, match="Unknown offer status: choose one of DRAFT, ACTIVE"):
        call(engine, offer_management.my_offers, owner, "LIVE")
    with pytest.raises(ServiceError, match="Unknown offer status"):
        call(engine, offer_management.my_offers, owner, {"$gt": ""})


# ---- applying ---------------------------------------------------------------------------------


def test_apply_review_accept_end_to_end_with_notifications(engine):
    w = world(engine)
    effects.drain()
    received = call(engine, notifications.list_for_user, w.owner)
    assert [n.type for n in received.items] == ["APPLICATION_RECEIVED"]
    assert received.items[0].link == f"/applications/{w.application}"
    assert call(engine, notifications.unread_count, w.owner) == 1

    rows = call(engine, applications.list_for_offer, w.owner, w.active)
    assert rows.total == 1
    summary = rows.items[0].creator
    assert (summary.tier, summary.followers, summary.engagement, summary.fit_score) == ("Explorer", 800, 2.5, 100)
    assert [c.label for c in summary.fit] == ["Followers", "Engagement", "Tier"]

    detail = call(engine, applications.open_application, w.owner, w.application)
    assert detail.status == "UNDER_REVIEW" and detail.actions == ["accept", "reject"]
    collaboration_id = call(engine, applications.accept, w.owner, w.application, "250.50")
    with scope(engine) as db:
        collaboration = db.get(Collaboration, collaboration_id)
        events = db.exec(select(CollaborationEvent).where(CollaborationEvent.collaboration_id == collaboration_id)).all()
    assert (collaboration.agreed_fee, collaboration.creator_id, collaboration.status.value) == \
        (Decimal("250.50"), w.creator.id, "ACCEPTED")
    assert [(e.action, e.to_status.value, e.actor_id) for e in events] == [("accept", "ACCEPTED", w.owner.id)]

    news = call(engine, notifications.list_for_user, w.creator).items
    assert [n.type for n in news] == ["APPLICATION_ACCEPTED"] and news[0].link == f"/applications/{w.application}"
    mine = call(engine, applications.my_applications, w.creator).page.items
    assert (mine[0].status, mine[0].collaboration_id) == ("ACCEPTED", str(collaboration_id))


def test_the_agreed_fee_defaults_to_the_creators_proposal(engine):
    w = world(engine)
    app_id = call(engine, applications.apply, w.other_creator, w.fresh, {"message": MESSAGE, "proposed_fee": "180"})
    collaboration_id = call(engine, applications.accept, w.owner, app_id)
    with scope(engine) as db:
        assert db.get(Collaboration, collaboration_id).agreed_fee == Decimal("180")


def test_a_rejected_creator_sees_the_reason(engine):
    w = world(engine)
    call(engine, applications.reject, w.owner, w.application, "We need creators who film on weekends.")
    row = call(engine, applications.my_applications, w.creator, "REJECTED").page.items[0]
    assert row.rejection_reason == "We need creators who film on weekends."
    effects.drain()
    note = call(engine, notifications.list_for_user, w.creator).items[0]
    assert note.type == "APPLICATION_REJECTED" and "We need creators who film on weekends." in note.content
    with pytest.raises(ServiceError, match="You cannot accept this application: it is rejected."):
        call(engine, applications.accept, w.owner, w.application)


def test_a_creator_withdraws_while_undecided_only(engine):
    w = world(engine)
    call(engine, applications.withdraw, w.creator, w.application)
    assert call(engine, applications.get_application, w.creator, w.application).status == "WITHDRAWN"
    with pytest.raises(ServiceError, match="You cannot withdraw this application: it is withdrawn."):
        call(engine, applications.withdraw, w.creator, w.application)
    with pytest.raises(ServiceError, match="it is withdrawn"):
        call(engine, applications.accept, w.owner, w.application)


def _refusal(engine, actor, offer_id, form=None) -> str:
    before = snapshot(engine)
    with pytest.raises(ServiceError) as refused:
        call(engine, applications.apply, actor, offer_id, form or {"message": MESSAGE})
    assert snapshot(engine) == before
    return refused.value.message


def test_apply_is_refused_with_the_reason(engine):
    w = world(engine)
    owner = w.owner
    assert _refusal(engine, w.creator, w.active) == "You already applied to this offer."
    assert _refusal(engine, w.creator, w.paused) == "This offer is paused: it takes no applications for now."
    assert _refusal(engine, w.creator, w.draft) == "We could not find that offer."
    small = make_user(engine, followers=100)
    assert _refusal(engine, small, w.fresh) == \
        "You do not have enough followers: 100 on Instagram (self-reported); the offer asks for 500."
    newbie = make_user(engine, tier=0)
    assert "You are Newbie; the offer is for Pro or higher" in _refusal(engine, newbie, published(engine, owner, min_tier=2))
    late = published(engine, owner)
    set_offer(engine, late, application_deadline=datetime.now(timezone.utc) - timedelta(hours=1))
    assert _refusal(engine, w.other_creator, late).startswith("Applications closed on")
    unverified = make_user(engine, verified=False)
    assert _refusal(engine, unverified, w.fresh).startswith("Confirm your email first")
    assert _refusal(engine, w.other_creator, w.fresh, {"message": "Too short"}) == \
        "Write a message of 20 to 2,000 characters."
    assert _refusal(engine, w.other_creator, w.fresh, {"message": MESSAGE, "proposed_fee": "-3"}).startswith(
        "Enter a fee from 0")
    assert _refusal(engine, w.other_creator, w.fresh, {"message": MESSAGE, "links": ["javascript:alert(1)"]}) == \
        "Give at most 5 links, each starting with http:// or https://."


def test_no_place_left_refuses_new_applications_and_acceptances(engine):
    w = world(engine)
    one_place = published(engine, w.owner, slots=1)
    first = call(engine, applications.apply, w.creator, one_place, {"message": MESSAGE})
    second = call(engine, applications.apply, w.other_creator, one_place, {"message": MESSAGE})
    call(engine, applications.accept, w.owner, first)
    with pytest.raises(ServiceError, match=r"Every place on this offer is taken \(1 of 1\)"):
        call(engine, applications.accept, w.owner, second)
    late_comer = make_user(engine)
    assert _refusal(engine, late_comer, one_place) == "Every place on this offer is taken."
    check = call(engine, applications.check_apply, late_comer, one_place)
    assert not check.can_apply and check.reasons == ["Every place on this offer is taken."]


def test_the_apply_check_lists_why_apply_is_disabled(engine):
    w = world(engine)
    mine = call(engine, applications.check_apply, w.creator, w.active)
    assert not mine.can_apply and mine.reasons == ["You already applied to this offer."]
    assert mine.application_id == str(w.application)
    fresh = call(engine, applications.check_apply, w.other_creator, w.fresh)
    assert fresh.can_apply and fresh.reasons == []


# ---- races ------------------------------------------------------------------------------------


def test_twenty_concurrent_accepts_of_the_last_place_make_exactly_one_collaboration(engine):
    owner = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, owner, slots=1)
    applicants = [call(engine, applications.apply, make_user(engine), offer_id, {"message": MESSAGE})
                  for _ in range(20)]
    results = race(20, lambda i: call(engine, applications.accept, owner, applicants[i]))
    winners = [r for r in results if isinstance(r, uuid.UUID)]
    losers = [r for r in results if not isinstance(r, uuid.UUID)]
    assert len(winners) == 1
    assert all(isinstance(r, ServiceError) and "Every place on this offer is taken" in r.message for r in losers), \
        [repr(r) for r in losers]
    with scope(engine) as db:
        assert db.exec(select(sa.func.count()).select_from(Collaboration)
                       .where(Collaboration.offer_id == offer_id)).one() == 1
        statuses = db.exec(select(Application.status).where(Application.offer_id == offer_id)).all()
    assert statuses.count(ApplicationStatus.ACCEPTED) == 1 and statuses.count(ApplicationStatus.APPLIED) == 19


def test_two_concurrent_accepts_of_one_application_make_one_collaboration(engine):
    w = world(engine)
    results = race(2, lambda i: call(engine, applications.accept, w.owner, w.application))
    assert sum(isinstance(r, uuid.UUID) for r in results) == 1
    loser = next(r for r in results if not isinstance(r, uuid.UUID))
    assert isinstance(loser, ServiceError) and "accepted" in loser.message


def test_a_double_click_on_apply_makes_one_application(engine):
    w = world(engine)
    results = race(2, lambda i: call(engine, applications.apply, w.other_creator, w.fresh, {"message": MESSAGE}))
    assert sum(isinstance(r, uuid.UUID) for r in results) == 1
    loser = next(r for r in results if not isinstance(r, uuid.UUID))
    assert isinstance(loser, ServiceError) and loser.message == "You already applied to this offer."
    with scope(engine) as db:
        assert len(db.exec(select(Application.id).where(Application.offer_id == w.fresh)).all()) == 1


# ---- notifications ----------------------------------------------------------------------------


def test_notifications_are_read_marked_and_deleted_by_their_owner_only(engine):
    w = world(engine)
    call(engine, applications.apply, w.other_creator, w.active, {"message": MESSAGE})
    assert call(engine, notifications.unread_count, w.owner) == 2
    call(engine, notifications.mark_read, w.owner, w.notification)
    unread = call(engine, notifications.list_for_user, w.owner, True)
    assert unread.total == 1 and str(w.notification) not in [n.id for n in unread.items]
    assert call(engine, notifications.mark_all_read, w.owner) == 1
    assert call(engine, notifications.unread_count, w.owner) == 0
    with pytest.raises(NotAllowed, match="We could not find that notification."):
        call(engine, notifications.delete, w.other_business, w.notification)
    call(engine, notifications.delete, w.owner, w.notification)
    assert call(engine, notifications.list_for_user, w.owner).total == 1
    with pytest.raises(ServiceError, match="Choose yes or no"):
        call(engine, notifications.list_for_user, w.owner, "yes")


def test_notification_rows_link_to_their_objects(engine):
    w = world(engine)
    collaboration_id = call(engine, applications.accept, w.owner, w.application)
    with scope(engine) as db:
        rows = {n.type: n for n in db.exec(select(Notification).where(Notification.related_application_id
                                                                       == w.application))}
    received, accepted = rows[NotificationType.APPLICATION_RECEIVED], rows[NotificationType.APPLICATION_ACCEPTED]
    assert (received.user_id, received.related_offer_id, received.related_user_id) == \
        (w.owner.id, w.active, w.creator.id)
    assert (accepted.user_id, accepted.related_collaboration_id, accepted.related_user_id) == \
        (w.creator.id, collaboration_id, w.owner.id)


def test_live_push_hooks_hear_of_a_notification_only_after_commit(engine):
    w = world(engine)
    effects.drain()  # the world's own notification is delivered before the hook listens
    heard: list[NotificationCreated] = []
    events.subscribe(NotificationCreated, heard.append)
    try:
        with pytest.raises(RuntimeError):
            with scope(engine) as db:
                applications.apply(db, w.other_creator, w.active, {"message": MESSAGE})
                raise RuntimeError("the request failed after applying")
        effects.drain()
        assert heard == []
        call(engine, applications.apply, w.other_creator, w.active, {"message": MESSAGE})
        effects.drain()
        assert [(d.user_id, d.type) for d in heard] == [(w.owner.id, NotificationType.APPLICATION_RECEIVED)]
    finally:
        events.unsubscribe(NotificationCreated, heard.append)
