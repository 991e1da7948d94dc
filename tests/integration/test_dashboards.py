"""The dashboards' services through the door's session, on SQLite and PostgreSQL: a business's to-dos,
offer table and weeks; one offer's numbers (its owner and admins only); a completed collaboration's
numbers; a creator's karma over time; and the admin's 30 days, backfilled before the first snapshot."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa

from influfinder.domain.enums import UserType
from influfinder.models import Analytics, Collaboration
from influfinder.services import (
    admin_analytics, applications, business_dashboard, collaboration_page, collaborations, offer_insights,
    offer_view_counts, progress, ratings,
)
from influfinder.services.business_dashboard import ToDos
from influfinder.services.errors import NotAllowed
from tests.support.marketplace import DATABASES, MESSAGE, call, cast, make_user, migrated_database, published, scope


@pytest.fixture(scope="module", params=DATABASES)
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    with migrated_database(request, tmp_path_factory, "dashboards") as (_url, built):
        yield built


def soon() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=3)


def collaboration(engine, people, creator, steps: int) -> tuple[uuid.UUID, uuid.UUID]:
    """A new offer of the owner and a collaboration on it taken `steps` steps: 1 proposed, 2 confirmed,
    3 visited, 4 content submitted, 5 completed (reviewed, approved, both rated)."""
    owner = people["owner"]
    offer_id = published(engine, owner)
    collab = call(engine, applications.accept, owner,
                  call(engine, applications.apply, creator, offer_id, {"message": MESSAGE}), "200")
    moves = [
        lambda: call(engine, collaborations.propose_visit, creator, collab, soon()),
        lambda: call(engine, collaborations.confirm_visit, owner, collab),
        lambda: call(engine, collaborations.mark_visited_by_hand, owner, collab),
        lambda: call(engine, collaborations.apply_transition, collab, "submit_content", creator, "Version 1"),
    ]
    for move in moves[:steps]:
        move()
    if steps >= 5:
        call(engine, collaborations.apply_transition, collab, "start_review", owner, "")
        call(engine, collaborations.apply_transition, collab, "approve", owner, "Looks great")
        call(engine, ratings.rate, owner, collab, 5, "")
        call(engine, ratings.rate, creator, collab, 4, "")
    return offer_id, collab


@pytest.fixture(scope="module")
def business(engine):
    """One business with: an overdue visit, a visit date to confirm, content to review, a completed
    collaboration (200 EUR) whose offer has one more applicant waiting and two days of views."""
    people = cast(engine)
    creator = people["creator"]
    _, overdue = collaboration(engine, people, creator, 2)
    with scope(engine) as db:
        db.exec(sa.update(Collaboration).where(Collaboration.id == overdue)
                .values(scheduled_date=datetime.now(timezone.utc) - timedelta(days=3)))
    collaboration(engine, people, creator, 1)
    collaboration(engine, people, creator, 4)
    done_offer, done = collaboration(engine, people, creator, 5)
    call(engine, applications.apply, people["other_creator"], done_offer, {"message": MESSAGE})
    today = datetime.now(timezone.utc).date()
    for key, day in (("a", today), ("b", today), ("c", today - timedelta(days=8))):
        call(engine, offer_view_counts.record_view, done_offer, key, day)
    return people, done_offer, done


def test_the_dashboard_lists_the_to_dos_the_offers_and_the_weeks(engine, business):
    people, done_offer, _ = business
    board = call(engine, business_dashboard.business_dashboard, people["owner"])
    assert board.todos == ToDos(applicants_to_review=1, content_to_review=1, visits_to_confirm=1, overdue_visits=1)
    assert board.offer_count == 4 and len(board.offers) == 4
    row = next(r for r in board.offers if r.offer_id == str(done_offer))
    assert (row.views, row.applications, row.collaborations, row.completed, row.success_rate) == (3, 2, 1, 1, 50.0)
    assert (row.average_cost, row.currency) == (Decimal("200.00"), "EUR")
    weeks = board.series
    assert len(weeks.views) == len(weeks.spend) == business_dashboard.WEEKS
    assert [p.value for p in weeks.views[-2:]] == [1, 2]
    assert weeks.applications[-1].value == 5 and weeks.completed[-1].value == 1
    assert weeks.spend[-1].value == Decimal("200.00") and weeks.currency == "EUR"


def test_another_business_sees_only_its_own_empty_dashboard_and_creators_none(engine, business):
    people, _, _ = business
    other = call(engine, business_dashboard.business_dashboard, people["other_business"])
    assert other.todos == ToDos(0, 0, 0, 0) and other.offers == [] and other.offer_count == 0
    assert all(p.value == 0 for p in other.series.views + other.series.completed)
    with pytest.raises(NotAllowed):
        call(engine, business_dashboard.business_dashboard, people["creator"])


def test_one_offers_numbers_for_its_owner_and_admins_and_not_found_for_anyone_else(engine, business):
    people, done_offer, _ = business
    mine = call(engine, offer_insights.offer_insights, people["owner"], done_offer)
    assert (mine.metrics.applications, mine.metrics.completed, mine.metrics.success_rate) == (2, 1, 50.0)
    assert mine.series.completed[-1].value == 1
    assert call(engine, offer_insights.offer_insights, people["admin"], str(done_offer)).title == mine.title
    with pytest.raises(NotAllowed) as missing:
        call(engine, offer_insights.offer_insights, people["owner"], uuid.uuid4())
    for someone in ("other_business", "creator"):
        with pytest.raises(NotAllowed) as refused:
            call(engine, offer_insights.offer_insights, people[someone], done_offer)
        assert refused.value.message == missing.value.message  # nothing says the offer exists


def test_a_completed_collaboration_shows_its_numbers_to_both_parties_only(engine, business):
    people, _, done = business
    for who in ("owner", "creator"):
        figures = call(engine, collaboration_page.collaboration_page, people[who], done).figures
        assert (figures.creator_rating, figures.business_rating) == (5, 4)
        assert figures.duration_days is not None and figures.duration_days < 1
    assert call(engine, collaboration_page.collaboration_page, people["other_business"], done) is None
    live = call(engine, business_dashboard.business_dashboard, people["owner"])  # nothing else completed
    assert live.series.completed[-1].value == 1


def test_the_creators_karma_over_time_has_a_point_per_completion(engine, business):
    people, _, _ = business
    shown = call(engine, progress.progress_page, people["creator"], 1, 10)
    assert [p.value for p in shown.karma] == [0, 100]  # from the day they joined
    fresh = make_user(engine)
    assert call(engine, progress.progress_page, fresh, 1, 10).karma == []


def test_the_admin_history_is_backfilled_to_30_days_and_real_snapshots_are_kept(engine, business):
    people, _, _ = business
    admin = people["admin"]
    with scope(engine) as db:
        db.exec(sa.delete(Analytics))
    today = datetime.now(timezone.utc).date()
    call(engine, admin_analytics.snapshot_analytics, today)
    with scope(engine) as db:
        db.exec(sa.update(Analytics).where(Analytics.date == today).values(new_users=999))  # marks the real row
    assert call(engine, admin_analytics.backfill_analytics, today) == 29
    assert call(engine, admin_analytics.backfill_analytics, today) == 0  # written once
    days = call(engine, admin_analytics.analytics_history, admin)
    assert [d.day for d in days] == [today - timedelta(days=29 - i) for i in range(30)]
    assert days[-1].new_users == 999
    assert days[0].total_users == 0 < days[-1].total_users  # everyone here signed up today
    assert days[-2].total_collaborations_completed == 0 and days[-1].total_collaborations_completed >= 1
    with pytest.raises(NotAllowed):
        call(engine, admin_analytics.analytics_history, make_user(engine, UserType.BUSINESS))
