"""Collaborations end to end on real databases (SQLite and PostgreSQL, both built by the migrations):
who may do what, the visit and its code, ratings, karma and tiers, the periodic job, the races.

Collaborations are made the way the app makes them: a business publishes an offer, a creator
applies, the business accepts (services/applications.py). Every call runs in its own transaction,
committed on success and rolled back on a refusal, as the app's `session_scope` runs it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.eligibility import as_utc
from influfinder.domain.enums import CollaborationStatus as S
from influfinder.domain.enums import NotificationType, SubmissionStatus, UserType
from influfinder.models import Collaboration, CollaborationEvent, ContentSubmission, Notification, Profile
from influfinder.services import (
    applications, collaboration_views, collaborations, metrics, notifications, progress, ratings,
)
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.marketplace import (
    DATABASES, MESSAGE, ROLES, Cast, call, cast, make_user, migrated_database, published, race, scope,
)

pytestmark = pytest.mark.integration

SECRET = "collaboration-tests-secret-key-0123456789"


@dataclass(frozen=True)
class Database:
    url: str
    engine: sa.Engine


@pytest.fixture(scope="module", params=DATABASES)
def database_under_test(request, tmp_path_factory) -> Iterator[Database]:
    with migrated_database(request, tmp_path_factory, "collaborations") as (url, built):
        yield Database(url, built)


@pytest.fixture
def engine(database_under_test, settings_env) -> Iterator[sa.Engine]:
    """The module's database, with a known secret key (visit codes) and a fresh visit-code limiter."""
    settings_env.set(SECRET_KEY=SECRET, DATABASE_URL=database_under_test.url)
    collaborations.visit_code_limiter.cache_clear()
    yield database_under_test.engine
    collaborations.visit_code_limiter.cache_clear()


# ---- builders (the shared ones are in tests/support/marketplace.py) ---------------------------


def start_collaboration(engine, owner: Actor, creator: Actor, fee: str = "200") -> uuid.UUID:
    offer_id = published(engine, owner)
    application_id = call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})
    return call(engine, applications.accept, owner, application_id, fee)


def soon(days: float = 3) -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=days)


# The steps from ACCEPTED onwards, each done by the party the product says.
def _propose(engine, c, w):
    call(engine, collaborations.propose_visit, w.creator, c, soon())


def _confirm(engine, c, w):
    call(engine, collaborations.confirm_visit, w.owner, c)


def _visit(engine, c, w):
    call(engine, collaborations.mark_visited_by_hand, w.owner, c)


def _submit(engine, c, w):
    call(engine, collaborations.apply_transition, c, "submit_content", w.creator, "Version 1")


def _review(engine, c, w):
    call(engine, collaborations.apply_transition, c, "start_review", w.owner, "")


def _approve(engine, c, w):
    call(engine, collaborations.apply_transition, c, "approve", w.owner, "Looks great")


STEPS = {"proposed": [_propose], "confirmed": [_propose, _confirm], "visited": [_propose, _confirm, _visit]}
STEPS["in_review"] = STEPS["visited"] + [_submit, _review]
STEPS["approved"] = STEPS["in_review"] + [_approve]


@dataclass
class World(Cast):
    collab: uuid.UUID


def world(engine, stage: str | None = None) -> World:
    people = cast(engine)
    w = World(**people, collab=start_collaboration(engine, people["owner"], people["creator"]))
    for step in STEPS.get(stage, []):
        step(engine, w.collab, w)
    return w


def the(engine, collab_id) -> Collaboration:
    with Session(engine) as db:
        return db.get(Collaboration, collab_id)


def events(engine, collab_id) -> list[CollaborationEvent]:
    with Session(engine) as db:
        return list(db.exec(select(CollaborationEvent).where(CollaborationEvent.collaboration_id == collab_id)
                            .order_by(CollaborationEvent.created_at, CollaborationEvent.id)))


def profile(engine, user: Actor) -> Profile:
    with Session(engine) as db:
        return db.exec(select(Profile).where(Profile.user_id == user.id)).one()


def inbox(engine, user: Actor, kind: NotificationType) -> list[Notification]:
    with Session(engine) as db:
        return list(db.exec(select(Notification).where(Notification.user_id == user.id, Notification.type == kind)))


def snapshot(engine, w: World) -> tuple:
    """Everything a collaboration action could write about this world."""
    people = [w.owner.id, w.other_business.id, w.creator.id, w.other_creator.id, w.admin.id]
    with Session(engine) as db:
        collab = db.get(Collaboration, w.collab).model_dump()
        logged = [e.model_dump() for e in db.exec(select(CollaborationEvent)
                                                    .where(CollaborationEvent.collaboration_id == w.collab))]
        told = db.exec(select(sa.func.count()).select_from(Notification).where(Notification.user_id.in_(people))).one()
        profiles = sorted(str(p.model_dump()) for p in db.exec(select(Profile).where(Profile.user_id.in_(people))))
    return collab, sorted(logged, key=str), told, profiles


def code_of(engine, w: World) -> str:
    return call(engine, collaborations.visit_code_for_creator, w.creator, w.collab)


# ---- the authorization matrix -----------------------------------------------------------------

PARTIES_AND_ADMIN = {"owner", "creator", "admin"}
EVERYONE = set(ROLES) - {"anonymous"}

# action -> (the stage the collaboration must be at, how to call it, the roles that may)
ACTIONS = {
    "get_collaboration": (None, lambda w, a, e: (collaboration_views.get_collaboration, a, w.collab), PARTIES_AND_ADMIN),
    "timeline": (None, lambda w, a, e: (collaboration_views.timeline, a, w.collab), PARTIES_AND_ADMIN),
    "list_my_collaborations": (None, lambda w, a, e: (collaboration_views.list_my_collaborations, a), EVERYONE),
    "propose_visit": (None, lambda w, a, e: (collaborations.propose_visit, a, w.collab, soon()), {"creator"}),
    "counter_propose": ("proposed", lambda w, a, e: (collaborations.counter_propose, a, w.collab, soon(4)),
                        {"creator", "owner"}),
    "confirm_visit": ("proposed", lambda w, a, e: (collaborations.confirm_visit, a, w.collab), {"owner"}),
    "visit_ics": ("confirmed", lambda w, a, e: (collaboration_views.visit_ics, a, w.collab), PARTIES_AND_ADMIN),
    "visit_code_for_creator": ("confirmed", lambda w, a, e: (collaborations.visit_code_for_creator, a, w.collab),
                               {"creator"}),
    "mark_visited_by_code": ("confirmed", lambda w, a, e: (collaborations.mark_visited_by_code, a, w.collab,
                                                           code_of(e, w)), {"owner"}),
    "mark_visited_by_hand": ("confirmed", lambda w, a, e: (collaborations.mark_visited_by_hand, a, w.collab),
                             {"owner"}),
    "cancel": (None, lambda w, a, e: (collaborations.cancel, a, w.collab, "Plans changed"), {"creator", "owner"}),
    "open_dispute": ("visited", lambda w, a, e: (collaborations.open_dispute, a, w.collab, "No show"),
                     {"creator", "owner"}),
    "submit_content": ("visited", lambda w, a, e: (collaborations.apply_transition, w.collab, "submit_content", a),
                       {"creator"}),
    "start_review": ("visited", None, {"owner"}),  # built below: needs a submission first
    "approve": ("in_review", lambda w, a, e: (collaborations.apply_transition, w.collab, "approve", a, "",),
                {"owner"}),
    "request_changes": ("in_review", lambda w, a, e: (collaborations.apply_transition, w.collab, "request_changes",
                                                      a, "Add the hashtag"), {"owner"}),
    "rate": ("approved", lambda w, a, e: (ratings.rate, a, w.collab, 5, "Great"), {"creator", "owner"}),
    "collaboration_metrics": (None, lambda w, a, e: (metrics.collaboration_metrics, a, w.collab),
                              PARTIES_AND_ADMIN),
    "user_metrics_of_creator": (None, lambda w, a, e: (metrics.user_metrics, a, w.creator.id), {"creator", "admin"}),
    "offer_metrics": (None, lambda w, a, e: (metrics.offer_metrics, a, the(e, w.collab).offer_id),
                      {"owner", "admin"}),
    "my_progress": (None, lambda w, a, e: (progress.my_progress, a), {"creator", "other_creator"}),
}
ACTIONS["start_review"] = ("in_review_pending",
                           lambda w, a, e: (collaborations.apply_transition, w.collab, "start_review", a), {"owner"})
STEPS["in_review_pending"] = STEPS["visited"] + [_submit]
MATRIX = [(action, role) for action in ACTIONS for role in ROLES]


@pytest.mark.parametrize("action,role", MATRIX, ids=[f"{a}-{r}" for a, r in MATRIX])
def test_authorization_matrix(engine, action, role):
    stage, build, allowed = ACTIONS[action]
    w = world(engine, stage)
    fn, *args = build(w, w.actor(role), engine)
    before = snapshot(engine, w)
    if role in allowed:
        call(engine, fn, *args)
        return
    with pytest.raises(ServiceError) as refused:
        call(engine, fn, *args)
    message = refused.value.message
    if role == "anonymous":
        assert message == "Log in to continue."
    elif role in ("other_business", "other_creator") and action not in ("my_progress", "user_metrics_of_creator"):
        assert message in (collaborations.NOT_FOUND, "We could not find that offer.")
    else:
        assert message.endswith(".") and "Brunch" not in message
    assert snapshot(engine, w) == before


def test_someone_elses_collaboration_reads_exactly_like_one_that_does_not_exist(engine):
    w = world(engine)
    for target in (w.collab, uuid.uuid4(), "not-a-uuid", {"$ne": None}):
        with pytest.raises(NotAllowed) as refused:
            call(engine, collaboration_views.get_collaboration, w.other_creator, target)
        assert refused.value.message == collaborations.NOT_FOUND


# ---- the state machine through the services --------------------------------------------------


def test_from_acceptance_to_completion_every_move_is_logged_with_who_and_what(engine):
    w = world(engine, "approved")
    call(engine, ratings.rate, w.creator, w.collab, 5, "Lovely team")
    call(engine, ratings.rate, w.owner, w.collab, 4, "Good reel")
    collab = the(engine, w.collab)
    assert collab.status is S.COMPLETED and collab.completed_date is not None
    log = call(engine, collaboration_views.timeline, w.creator, w.collab)
    assert [(e.action, e.from_status, e.to_status) for e in log] == [
        ("accept", None, "ACCEPTED"), ("propose_visit", "ACCEPTED", "SCHEDULED"),
        ("confirm_visit", "SCHEDULED", "SCHEDULED"), ("mark_visited_by_hand", "SCHEDULED", "VISITED"),
        ("submit_content", "VISITED", "CONTENT_SUBMITTED"), ("start_review", "CONTENT_SUBMITTED", "IN_REVIEW"),
        ("approve", "IN_REVIEW", "IN_REVIEW"), ("complete", "IN_REVIEW", "COMPLETED"),
    ]
    assert log[3].label == "Visit marked by hand" and log[3].note.startswith("Marked by hand")
    assert log[1].actor_name == w.creator.display_name and log[2].actor_name == w.owner.display_name
    assert log[-1].actor_name is None and log[-1].note == ratings.BOTH_RATED  # the app itself
    assert collab.version == len(log) + 2  # created at 1; every move and each rating bumped it once


def test_content_sent_back_returns_to_visited_and_can_be_submitted_again(engine):
    w = world(engine, "in_review")
    call(engine, collaborations.apply_transition, w.collab, "request_changes", w.owner, "Add #ad")
    assert the(engine, w.collab).status is S.VISITED
    _submit(engine, w.collab, w)
    assert the(engine, w.collab).status is S.CONTENT_SUBMITTED


def test_a_refused_move_says_why_and_changes_nothing(engine):
    w = world(engine, "visited")
    before = snapshot(engine, w)
    with pytest.raises(ServiceError, match="You cannot cancel this collaboration: it is visited."):
        call(engine, collaborations.cancel, w.creator, w.collab, "Too late")
    with pytest.raises(NotAllowed, match="You are not allowed to submit content for this collaboration."):
        call(engine, collaborations.apply_transition, w.collab, "submit_content", w.owner, "")
    with pytest.raises(ServiceError, match="not something you can do"):
        call(engine, collaborations.apply_transition, w.collab, "teleport", w.owner, "")
    assert snapshot(engine, w) == before


@pytest.mark.parametrize("reason", ["", "   ", None, 42, "x" * 2001])
def test_cancelling_and_disputing_need_a_reason(engine, reason):
    w = world(engine)
    before = snapshot(engine, w)
    for fn in (collaborations.cancel, collaborations.open_dispute):
        with pytest.raises(ServiceError) as refused:
            call(engine, fn, w.creator, w.collab, reason)
        assert refused.value.field == "reason"
    assert snapshot(engine, w) == before


def test_a_dispute_keeps_its_reason_tells_the_other_party_and_only_an_admin_resolves_it(engine):
    w = world(engine, "visited")
    call(engine, collaborations.open_dispute, w.owner, w.collab, "The creator never posted")
    collab = the(engine, w.collab)
    assert collab.status is S.DISPUTED and collab.dispute_reason == "The creator never posted"
    assert len(inbox(engine, w.creator, NotificationType.DISPUTE_OPENED)) == 1
    assert inbox(engine, w.owner, NotificationType.DISPUTE_OPENED) == []
    with pytest.raises(ServiceError):
        call(engine, collaborations.open_dispute, w.creator, w.collab, "Me too")
    with pytest.raises(NotAllowed):
        call(engine, collaborations.resolve_dispute, w.owner, w.collab, "CANCELLED", "I decide")
    with pytest.raises(ServiceError, match="Choose COMPLETED or CANCELLED."):
        call(engine, collaborations.resolve_dispute, w.admin, w.collab, "MAYBE", "Hmm")
    call(engine, collaborations.resolve_dispute, w.admin, w.collab, "COMPLETED", "Proof received")
    assert the(engine, w.collab).status is S.COMPLETED
    assert profile(engine, w.creator).karma_score == 100  # a completion all the same


def test_a_cancelled_collaboration_frees_its_place_and_cannot_move_again(engine):
    w = world(engine, "proposed")
    call(engine, collaborations.cancel, w.owner, w.collab, "We close for renovation")
    assert the(engine, w.collab).status is S.CANCELLED
    assert call(engine, collaboration_views.get_collaboration, w.creator, w.collab).actions == []
    with pytest.raises(ServiceError):
        call(engine, collaborations.propose_visit, w.creator, w.collab, soon())
    assert events(engine, w.collab)[-1].note == "We close for renovation"


# ---- scheduling -------------------------------------------------------------------------------


def test_the_creator_proposes_the_business_counter_proposes_and_the_creator_confirms(engine):
    w = world(engine)
    first, second = soon(2), soon(5)
    call(engine, collaborations.propose_visit, w.creator, w.collab, first.isoformat())
    view = call(engine, collaboration_views.get_collaboration, w.owner, w.collab)
    assert (view.status, view.proposed_date, view.awaiting) == ("SCHEDULED", first, "owner")
    assert "confirm_visit" in view.actions
    assert "confirm_visit" not in call(engine, collaboration_views.get_collaboration, w.creator, w.collab).actions
    assert len(inbox(engine, w.owner, NotificationType.COLLABORATION_SCHEDULED)) == 1

    call(engine, collaborations.counter_propose, w.owner, w.collab, second)
    view = call(engine, collaboration_views.get_collaboration, w.creator, w.collab)
    assert (view.proposed_date, view.awaiting, view.scheduled_date) == (second, "creator", None)
    with pytest.raises(ServiceError, match="You proposed this date"):
        call(engine, collaborations.confirm_visit, w.owner, w.collab)

    call(engine, collaborations.confirm_visit, w.creator, w.collab)
    view = call(engine, collaboration_views.get_collaboration, w.creator, w.collab)
    assert (view.scheduled_date, view.awaiting) == (second, None)
    assert len(inbox(engine, w.owner, NotificationType.COLLABORATION_SCHEDULED)) == 2
    assert len(inbox(engine, w.creator, NotificationType.COLLABORATION_SCHEDULED)) == 1
    with pytest.raises(ServiceError, match="already confirmed"):
        call(engine, collaborations.confirm_visit, w.owner, w.collab)


@pytest.mark.parametrize("when,message", [
    (datetime.now(timezone.utc) - timedelta(hours=1), "Choose a date and time in the future."),
    (datetime.now(timezone.utc) + timedelta(days=45), "Choose a date before the content deadline"),
    ("tomorrow at noon", "Choose a date and time for the visit."),
    (None, "Choose a date and time for the visit."),
    ({"$gt": ""}, "Choose a date and time for the visit."),
])
def test_a_visit_date_in_the_past_after_the_deadline_or_unreadable_is_refused(engine, when, message):
    w = world(engine)
    before = snapshot(engine, w)
    with pytest.raises(ServiceError, match=message) as refused:
        call(engine, collaborations.propose_visit, w.creator, w.collab, when)
    assert refused.value.field == "visit_date"
    assert snapshot(engine, w) == before


def test_the_calendar_file_has_the_confirmed_date_and_the_offers_address(engine):
    w = world(engine, "proposed")
    with pytest.raises(ServiceError, match="not confirmed yet"):
        call(engine, collaboration_views.visit_ics, w.creator, w.collab)
    _confirm(engine, w.collab, w)
    start = as_utc(the(engine, w.collab).scheduled_date)
    text = call(engine, collaboration_views.visit_ics, w.owner, w.collab)
    lines = text.replace("\r\n ", "").split("\r\n")
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}Z" in lines
    assert f"UID:visit-{w.collab}@influfinder" in lines
    assert "LOCATION:Calle Mayor 1\\, Madrid" in lines
    assert "SUMMARY:Influfinder visit: Brunch tasting for two" in lines


# ---- proof of visit ---------------------------------------------------------------------------


def test_the_visit_code_is_the_creators_alone_and_marks_the_visit_once(engine):
    w = world(engine, "proposed")
    assert code_of(engine, w) is None  # not confirmed yet
    _confirm(engine, w.collab, w)
    code = code_of(engine, w)
    assert code and code == code_of(engine, w)  # the page can show it again
    collab = the(engine, w.collab)
    assert code not in str(collab.model_dump())  # only a nonce and a keyed fingerprint are stored
    with pytest.raises(NotAllowed, match="Only the creator sees the visit code."):
        call(engine, collaborations.visit_code_for_creator, w.owner, w.collab)

    call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, code.lower())
    collab = the(engine, w.collab)
    assert collab.status is S.VISITED and collab.visited_at and collab.visit_code_hash is None
    assert events(engine, w.collab)[-1].action == "mark_visited_by_code"
    assert code_of(engine, w) is None
    with pytest.raises(ServiceError, match="it is visited"):  # reuse is impossible: the state moved on
        call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, code)


def test_guessed_visit_codes_are_refused_and_limited_to_five_an_hour(engine):
    w = world(engine, "confirmed")
    code = code_of(engine, w)
    before = snapshot(engine, w)
    for guess in ("ABCDEFGH", "2345-6789", "not a code", 12345678, "ZZZZZZZZ"):
        with pytest.raises(ServiceError, match="That visit code is not right."):
            call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, guess)
    with pytest.raises(ServiceError, match="Too many attempts. Try again in (1 hour|60 minutes)."):
        call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, code)  # even the right one, now
    assert snapshot(engine, w) == before
    call(engine, collaborations.mark_visited_by_hand, w.owner, w.collab, "The creator came at noon")
    assert the(engine, w.collab).status is S.VISITED
    assert events(engine, w.collab)[-1].note == "Marked by hand. The creator came at noon"


def test_a_new_date_voids_the_old_code(engine):
    w = world(engine, "confirmed")
    old = code_of(engine, w)
    call(engine, collaborations.counter_propose, w.creator, w.collab, soon(6))
    assert code_of(engine, w) is None
    with pytest.raises(ServiceError, match="There is no visit code yet"):
        call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, old)
    _confirm(engine, w.collab, w)
    new = code_of(engine, w)
    assert new != old
    with pytest.raises(ServiceError, match="not right"):
        call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, old)
    call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, new)


def test_another_collaborations_code_does_not_mark_this_one(engine):
    w, other = world(engine, "confirmed"), world(engine, "confirmed")
    with pytest.raises(ServiceError, match="not right"):
        call(engine, collaborations.mark_visited_by_code, w.owner, w.collab, code_of(engine, other))


# ---- races ------------------------------------------------------------------------------------


def _one_winner(results: list) -> None:
    winners = [r for r in results if not isinstance(r, Exception)]
    losers = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1, [repr(r) for r in losers]
    assert all(type(r) is ServiceError for r in losers), [repr(r) for r in losers]


def test_twenty_concurrent_approvals_make_one_transition_and_one_event(engine):
    w = world(engine, "in_review")
    version = the(engine, w.collab).version
    _one_winner(race(20, lambda i: _approve(engine, w.collab, w)))
    assert [e.action for e in events(engine, w.collab)].count("approve") == 1
    assert the(engine, w.collab).version == version + 1


def test_twenty_concurrent_visit_marks_make_one_transition_and_one_event(engine):
    w = world(engine, "confirmed")
    _one_winner(race(20, lambda i: call(engine, collaborations.mark_visited_by_hand, w.owner, w.collab)))
    assert [e.to_status for e in events(engine, w.collab)].count(S.VISITED) == 1


def test_both_parties_rating_at_once_complete_the_collaboration_exactly_once(engine):
    w = world(engine, "approved")
    raters = (w.creator, w.owner)
    results = race(2, lambda i: call(engine, ratings.rate, raters[i], w.collab, 5, ""))
    assert results == [None, None]
    assert the(engine, w.collab).status is S.COMPLETED
    assert [e.action for e in events(engine, w.collab)].count("complete") == 1
    assert profile(engine, w.creator).completed_collaborations == 1


def test_completions_of_one_creator_in_parallel_count_each_other(engine):
    owner, creator = make_user(engine, UserType.BUSINESS), make_user(engine)
    worlds = []
    for _ in range(4):
        w = World(owner=owner, other_business=owner, creator=creator, other_creator=creator, admin=owner,
                  collab=start_collaboration(engine, owner, creator))
        for step in STEPS["approved"]:
            step(engine, w.collab, w)
        call(engine, ratings.rate, creator, w.collab, 5, "")
        worlds.append(w)
    assert race(4, lambda i: call(engine, ratings.rate, owner, worlds[i].collab, i + 1, "")) == [None] * 4
    mine = profile(engine, creator)
    assert (mine.completed_collaborations, mine.karma_score, mine.tier_level) == (4, 350, 2)
    assert (mine.rating, mine.rating_count) == (2.5, 4)  # 1, 2, 3 and 4 stars, none lost


# ---- ratings, karma and tiers -----------------------------------------------------------------


@pytest.mark.parametrize("stars", [0, 6, -1, True, False, "5", 4.5, None, [5]])
def test_a_rating_outside_one_to_five_whole_stars_is_refused(engine, stars):
    w = world(engine, "approved")
    before = snapshot(engine, w)
    with pytest.raises(ServiceError, match="Choose from 1 to 5 stars."):
        call(engine, ratings.rate, w.creator, w.collab, stars, "")
    assert snapshot(engine, w) == before


def test_ratings_open_at_approval_and_each_side_rates_once(engine):
    w = world(engine, "in_review")
    with pytest.raises(ServiceError, match="You can rate once the content is approved."):
        call(engine, ratings.rate, w.creator, w.collab, 5, "")
    _approve(engine, w.collab, w)
    call(engine, ratings.rate, w.creator, w.collab, 4, "  Friendly staff  ")
    before = snapshot(engine, w)
    with pytest.raises(ServiceError, match="You already rated this collaboration."):
        call(engine, ratings.rate, w.creator, w.collab, 5, "Changed my mind")
    with pytest.raises(ServiceError, match="under 2,000 characters"):
        call(engine, ratings.rate, w.owner, w.collab, 5, "x" * 2001)
    assert snapshot(engine, w) == before
    collab = the(engine, w.collab)
    assert (collab.business_rating, collab.business_feedback, collab.status) == (4, "Friendly staff", S.IN_REVIEW)
    told = inbox(engine, w.owner, NotificationType.RATING_RECEIVED)
    # double-blind: the stars are not told before the business rates too
    assert len(told) == 1 and "out of 5" not in told[0].content and "once you rate them too" in told[0].content


def test_ratings_are_double_blind_until_both_rated_or_fourteen_days_passed(engine):
    w = world(engine, "approved")
    call(engine, ratings.rate, w.owner, w.collab, 5, "Lovely reel")

    def seen(actor):
        view = call(engine, collaboration_views.get_collaboration, actor, w.collab)
        return view.creator_rating, view.creator_feedback

    assert seen(w.creator) == (None, None)  # the creator has not rated: what it received stays hidden
    assert seen(w.owner) == (5, "Lovely reel") and seen(w.admin) == (5, "Lovely reel")
    with scope(engine) as db:  # the 14-day window closes
        db.exec(sa.update(Collaboration).where(Collaboration.id == w.collab)
                .values(approved_at=datetime.now(timezone.utc) - timedelta(days=15)))
    assert seen(w.creator) == (5, "Lovely reel")


def test_profile_ratings_are_the_average_received_with_the_count(engine):
    owner, creator = make_user(engine, UserType.BUSINESS), make_user(engine)
    for earlier, given in enumerate((5, 4, 4)):
        w = World(owner, owner, creator, creator, owner, start_collaboration(engine, owner, creator))
        for step in STEPS["approved"]:
            step(engine, w.collab, w)
        call(engine, ratings.rate, owner, w.collab, given, "")
        # double-blind: a rating the creator cannot see yet does not move its average either
        assert profile(engine, creator).rating_count == earlier
        call(engine, ratings.rate, creator, w.collab, 5, "")
    assert (profile(engine, creator).rating, profile(engine, creator).rating_count) == (4.33, 3)
    assert (profile(engine, owner).rating, profile(engine, owner).rating_count) == (5.0, 3)


def test_one_completion_makes_a_newbie_an_explorer_with_100_karma(engine):
    w = world(engine, "approved")
    assert profile(engine, w.creator).tier_level == 0
    call(engine, ratings.rate, w.owner, w.collab, 5, "Great reel")
    call(engine, ratings.rate, w.creator, w.collab, 5, "Great brunch")
    mine = profile(engine, w.creator)
    assert (mine.completed_collaborations, mine.karma_score, mine.tier_level, mine.tier_progress) == (1, 100, 1, 0.0)
    upgraded = inbox(engine, w.creator, NotificationType.TIER_UPGRADED)
    assert len(upgraded) == 1 and "Explorer" in upgraded[0].title
    mine = call(engine, progress.my_progress, w.creator)
    assert (mine.tier, mine.karma, mine.next_tier, mine.completions_to_next) == ("Explorer", 100, "Pro", 3)
    assert [(r.number, r.karma_gained, r.karma_total) for r in mine.history.items] == [(1, 100, 100)]
    assert any("24 hours before" in line for line in mine.next_unlocks)


def test_four_completions_make_a_pro_and_the_history_adds_up(engine):
    owner, creator = make_user(engine, UserType.BUSINESS), make_user(engine)
    for _ in range(4):
        w = World(owner, owner, creator, creator, owner, start_collaboration(engine, owner, creator))
        for step in STEPS["approved"]:
            step(engine, w.collab, w)
        call(engine, ratings.rate, owner, w.collab, 5, "")
        call(engine, ratings.rate, creator, w.collab, 5, "")
    mine = call(engine, progress.my_progress, creator, 1, 3)
    assert (mine.tier, mine.karma, mine.completed) == ("Pro", 350, 4)
    assert [(r.number, r.karma_gained, r.karma_total) for r in mine.history.items] == [
        (4, 50, 350), (3, 100, 300), (2, 100, 200)]
    assert mine.history.total == 4
    upgrades = sorted(n.title for n in inbox(engine, creator, NotificationType.TIER_UPGRADED))
    assert upgrades == ["You reached Explorer", "You reached Pro"]


# ---- the periodic job -------------------------------------------------------------------------


def _approved_days_ago(engine, w: World, days: float) -> None:
    with scope(engine) as db:
        db.exec(sa.update(Collaboration).where(Collaboration.id == w.collab)
                .values(approved_at=datetime.now(timezone.utc) - timedelta(days=days)))


def test_complete_overdue_completes_only_collaborations_approved_a_week_ago(engine):
    overdue, recent, disputed = world(engine, "approved"), world(engine, "approved"), world(engine, "approved")
    for w, days in ((overdue, 8), (recent, 2), (disputed, 8)):
        _approved_days_ago(engine, w, days)
    call(engine, ratings.rate, overdue.owner, overdue.collab, 5, "")  # the creator never rated the business
    call(engine, collaborations.open_dispute, disputed.creator, disputed.collab, "Unpaid")
    now = datetime.now(timezone.utc)

    with scope(engine) as db:
        done = ratings.complete_overdue(db, now)
    assert done >= 1  # other tests' collaborations in this database may be overdue too
    assert the(engine, overdue.collab).status is S.COMPLETED
    assert the(engine, recent.collab).status is S.IN_REVIEW
    assert the(engine, disputed.collab).status is S.DISPUTED
    assert events(engine, overdue.collab)[-1].note == ratings.OVERDUE
    assert profile(engine, overdue.creator).karma_score == 100
    # the rating held back by the double-blind rule counts once the window closed
    assert (profile(engine, overdue.creator).rating, profile(engine, overdue.creator).rating_count) == (5.0, 1)
    with scope(engine) as db:
        assert ratings.complete_overdue(db, now) == 0  # idempotent


def test_the_periodic_job_runs_on_the_apps_database_and_twice_in_parallel_completes_once(engine):
    w = world(engine, "approved")
    _approved_days_ago(engine, w, 7.01)
    results = race(3, lambda i: ratings.run_periodic_jobs())
    assert all(not isinstance(r, Exception) for r in results), results
    assert the(engine, w.collab).status is S.COMPLETED
    assert [e.action for e in events(engine, w.collab)].count("complete") == 1
    assert profile(engine, w.creator).completed_collaborations == 1


# ---- metrics ----------------------------------------------------------------------------------


def test_metrics_after_one_completed_collaboration(engine):
    w = world(engine, "approved")
    with scope(engine) as db:
        db.add(ContentSubmission(collaboration_id=w.collab, creator_id=w.creator.id, status=SubmissionStatus.APPROVED,
                                 ai_analysis={"quality_rating": 8, "relevance_rating": 7}))
    call(engine, ratings.rate, w.owner, w.collab, 5, "")
    call(engine, ratings.rate, w.creator, w.collab, 3, "")
    offer_id = the(engine, w.collab).offer_id

    collab = call(engine, metrics.collaboration_metrics, w.creator, w.collab)
    assert (collab.status, collab.ai_quality, collab.creator_rating, collab.business_rating) == \
        ("COMPLETED", 8.0, 5, 3)
    assert collab.duration_days is not None and 0 <= collab.duration_days < 1

    offer = call(engine, metrics.offer_metrics, w.owner, offer_id)
    assert (offer.applications, offer.collaborations, offer.completed, offer.success_rate) == (1, 1, 1, 100.0)
    assert offer.average_cost == Decimal("200.00")

    creator = call(engine, metrics.user_metrics, w.creator)
    assert (creator.applications_sent, creator.collaborations, creator.completed, creator.completion_rate) == \
        (1, 1, 1, 100.0)
    assert (creator.average_rating, creator.rating_count, creator.karma, creator.tier) == (5.0, 1, 100, "Explorer")
    business = call(engine, metrics.user_metrics, w.owner)
    assert (business.offers_created, business.applications_received, business.average_rating) == (1, 1, 3.0)


def test_my_collaborations_are_paged_with_counts_per_status(engine):
    owner, creator = make_user(engine, UserType.BUSINESS), make_user(engine)
    ids = [start_collaboration(engine, owner, creator) for _ in range(3)]
    call(engine, collaborations.propose_visit, creator, ids[0], soon())
    mine = call(engine, collaboration_views.list_my_collaborations, creator, None, 1, 2)
    assert (mine.page.total, len(mine.page.items), mine.counts["ACCEPTED"], mine.counts["SCHEDULED"]) == (3, 2, 2, 1)
    theirs = call(engine, collaboration_views.list_my_collaborations, owner, "SCHEDULED")
    assert [r.id for r in theirs.page.items] == [str(ids[0])] and theirs.page.items[0].awaiting_me
    with pytest.raises(ServiceError, match="Unknown collaboration status"):
        call(engine, collaboration_views.list_my_collaborations, owner, "DONE")
    with pytest.raises(ServiceError):
        call(engine, collaboration_views.list_my_collaborations, owner, None, 0, 20)


def test_notifications_link_to_the_collaboration(engine):
    w = world(engine, "proposed")
    note = inbox(engine, w.owner, NotificationType.COLLABORATION_SCHEDULED)[0]
    listed = call(engine, notifications.list_for_user, w.owner)
    assert any(n.id == str(note.id) and n.link == f"/collaborations/{w.collab}" for n in listed.items)


# ---- the steps: where it stands, who acts, late ---------------------------------------------------


def test_a_visit_past_its_day_and_not_marked_is_flagged_on_the_page_and_in_both_lists(engine):
    from influfinder.domain.collaboration_steps import VISIT_OVERDUE
    from influfinder.services.collaboration_page import collaboration_page

    w = world(engine, "confirmed")
    with scope(engine) as db:
        db.get(Collaboration, w.collab).scheduled_date = datetime.now(timezone.utc) - timedelta(days=3)
    page = call(engine, collaboration_page, w.creator, w.collab)
    assert (page.steps.step, page.steps.who, page.steps.late) == (1, "owner", VISIT_OVERDUE)
    assert page.other_user_id == str(w.owner.id)
    assert call(engine, collaboration_page, w.owner, w.collab).other_user_id == str(w.creator.id)
    for party in (w.creator, w.owner):
        [row] = call(engine, collaboration_views.list_my_collaborations, party).page.items
        assert row.late == VISIT_OVERDUE
    _visit(engine, w.collab, w)  # marked: the creator's turn, nothing late (no content deadline passed)
    page = call(engine, collaboration_page, w.owner, w.collab)
    assert (page.steps.step, page.steps.who, page.steps.late) == (2, "creator", None)
