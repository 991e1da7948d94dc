"""Reputation read from the records on SQLite and PostgreSQL: rates, medians, badges, the double-blind
rule for ratings, and the day's cache."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain import collaboration_lifecycle as lifecycle
from influfinder.domain.enums import CollaborationStatus, UserType
from influfinder.models import (
    Application, Collaboration, CollaborationEvent, ContentSubmission, Message, conversation_key,
)
from influfinder.services.reputation import reputation_of, reputations
from tests.integration.test_business_record import db, migrated_engine, offer, user  # noqa: F401

pytestmark = pytest.mark.integration

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


def collab(db, creator, business, *, status=CollaborationStatus.COMPLETED, scheduled=None, visited=None,
           creator_rating=None, business_rating=None, approved=NOW - 20 * DAY, deadline=None, submitted=None):
    on = offer(db, business, content_deadline=deadline)
    row = Collaboration(offer_id=on.id, creator_id=creator.id, business_id=business.id, status=status,
                        scheduled_date=scheduled, visited_at=visited, approved_at=approved,
                        creator_rating=creator_rating, business_rating=business_rating)
    db.add(row)
    db.flush()
    if submitted:
        db.add(ContentSubmission(collaboration_id=row.id, creator_id=creator.id, submitted_at=submitted,
                                 reviewed_at=submitted + timedelta(hours=30)))
        db.flush()
    return row


def say(db, sender, recipient, at):
    db.add(Message(conversation_key=conversation_key(sender.id, recipient.id), sender_id=sender.id,
                   recipient_id=recipient.id, content="Hi", created_at=at))
    db.flush()


def test_a_creator_with_fewer_than_three_collaborations_is_new(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    collab(db, creator, business, creator_rating=5, business_rating=5)

    rep = reputation_of(db, creator.id, NOW)

    assert rep.badges == ["Newcomer"] and rep.finished == 1 and rep.completion_rate == 1.0


def test_a_creator_who_delivers_on_time_and_is_rated_well_is_top_rated_and_reliable(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    for stars in (5, 5, 4):
        day = NOW - 30 * DAY
        collab(db, creator, business, scheduled=day, visited=day + timedelta(hours=20), creator_rating=stars,
               business_rating=5, deadline=day + 10 * DAY, submitted=day + 3 * DAY)
    collab(db, creator, business, status=CollaborationStatus.ACCEPTED, approved=None)  # still going: not counted

    rep = reputation_of(db, creator.id, NOW)

    assert (rep.finished, rep.completion_rate, rep.on_time_visits, rep.on_time_content) == (3, 1.0, 1.0, 1.0)
    assert (rep.rating, rep.rating_count) == (4.67, 3)
    assert rep.badges == ["Top rated", "Reliable"]


def test_late_visits_and_cancellations_cost_the_reliable_badge(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    day = NOW - 30 * DAY
    collab(db, creator, business, scheduled=day, visited=day + 3 * DAY)
    collab(db, creator, business, scheduled=day, visited=day)
    collab(db, creator, business, status=CollaborationStatus.CANCELLED)

    rep = reputation_of(db, creator.id, NOW)

    assert (rep.completion_rate, rep.on_time_visits) == (pytest.approx(0.667), 0.5)
    assert "Reliable" not in rep.badges


def test_a_rating_counts_only_once_both_rated_or_the_fourteen_days_passed(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    collab(db, creator, business, status=CollaborationStatus.IN_REVIEW, creator_rating=2, approved=NOW - 3 * DAY)
    collab(db, creator, business, creator_rating=4, approved=NOW - 15 * DAY)
    collab(db, creator, business, creator_rating=5, business_rating=3, approved=NOW - DAY)

    rep = reputation_of(db, creator.id, NOW)
    assert (rep.rating, rep.rating_count) == (4.5, 2)  # the 2 stays hidden until the creator rates or day 14


def test_replying_within_a_day_earns_the_badge_and_slow_replies_do_not(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    for n in range(3):
        start = NOW - (20 - 5 * n) * DAY
        say(db, business, creator, start)
        say(db, creator, business, start + timedelta(hours=2))  # the creator answers in 2 hours
        say(db, creator, business, start + timedelta(hours=3))  # a second line is not a reply
        say(db, business, creator, start + timedelta(hours=3) + 2 * DAY)  # the business takes 2 days

    found = reputations(db, [creator.id, business.id], NOW)

    assert (found[creator.id].response_hours, found[creator.id].reply_count) == (2.0, 3)
    assert "Responds within a day" in found[creator.id].badges
    assert found[business.id].response_hours == 48.0
    assert "Responds within a day" not in found[business.id].badges


def test_a_business_record_counts_answers_reviews_confirmations_and_lost_disputes(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    day = NOW - 30 * DAY
    rows = [collab(db, creator, business, scheduled=day, visited=day, submitted=day + DAY) for _ in range(3)]
    for row in rows:
        row.schedule_confirmed_at = day - DAY
        db.add(row)
    application = Application(offer_id=rows[0].offer_id, creator_id=creator.id, message="Hi", status="ACCEPTED",
                              created_at=day - 3 * DAY, updated_at=day - 2 * DAY)
    db.add(application)
    db.add(CollaborationEvent(collaboration_id=rows[1].id, action=lifecycle.RESOLVE_COMPLETED,
                              from_status=CollaborationStatus.DISPUTED, to_status=CollaborationStatus.COMPLETED))
    db.flush()

    rep = reputation_of(db, business.id, NOW)

    assert (rep.role, rep.decision_hours, rep.review_hours, rep.visit_confirmation, rep.disputes_lost) == (
        "business", 24.0, 30.0, 1.0, 1)
    assert "Reliable" not in rep.badges


def test_the_figures_are_kept_for_the_day(db):
    creator, business = user(db, UserType.CREATOR), user(db, UserType.BUSINESS)
    assert reputation_of(db, creator.id, NOW).finished == 0
    collab(db, creator, business)

    assert reputation_of(db, creator.id, NOW + timedelta(hours=3)).finished == 0  # today's figures
    assert reputation_of(db, creator.id, NOW + DAY).finished == 1  # tomorrow's are read afresh
