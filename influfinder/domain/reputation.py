"""Reputation on both sides of the marketplace, from what happened. Pure: records in, figures and badges out.

Creators: completion rate, on-time visit rate, on-time content rate, average rating, response time
to messages. Businesses: time to answer applications, visit confirmation rate, time to review
content, average rating from creators, disputes lost. services/reputation.py reads the records in
SQL and hands them here; the result is cached for the day.

Badges, and the thresholds that earn them (shown on applicant cards, offer pages and profiles):

    Newcomer               fewer than 3 finished collaborations (then no other badge is given yet)
    Responds within a day  median reply to messages within 24 hours, over at least 3 replies
    Top rated              average rating of 4.5 or more, over at least 3 ratings
    Reliable               creators: at least 90 % of collaborations completed and 90 % of visits on
                           time; businesses: at least 90 % of visits confirmed and no dispute lost

A visit is on time when it is marked no later than the end of the day after the date agreed (a
day's grace); content is on time when first submitted before the offer's content deadline. A
business's dispute is lost when an admin resolves it as completed: the creator's work stands.

Double-blind ratings: a party sees the other's rating and review only once both have rated, or once
the rating window has closed: the collaboration left review (it completes 7 days after approval at
the latest) or `REVIEW_WINDOW` (14 days after approval) passed. Averages count visible ratings only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from influfinder.domain.enums import ReputationBadge
from influfinder.domain.moments import as_utc

NEW_UNDER = 3
MIN_REPLIES = 3
MIN_RATINGS = 3
TOP_RATED = 4.5
RELIABLE = 0.9
RESPONDS_WITHIN = timedelta(hours=24)
VISIT_GRACE = timedelta(days=1)
REVIEW_WINDOW = timedelta(days=14)

NEW, RESPONSIVE, TOP, RELIABLE_BADGE = (ReputationBadge.NEWCOMER, ReputationBadge.RESPONSIVE, ReputationBadge.TOP_RATED,
                                        ReputationBadge.RELIABLE)


@dataclass(frozen=True)
class Records:
    """What happened, as read from the tables; `role` is "creator" or "business"."""

    role: str
    finished: int = 0  # collaborations that ended: completed, cancelled or resolved
    completed: int = 0
    ratings: list[int] = field(default_factory=list)
    replies: list[tuple[datetime, datetime]] = field(default_factory=list)  # (message received, answered)
    visits: list[tuple[datetime, datetime | None]] = field(default_factory=list)  # (agreed date, marked)
    content: list[tuple[datetime | None, datetime]] = field(default_factory=list)  # (deadline, first submitted)
    decisions: list[tuple[datetime, datetime]] = field(default_factory=list)  # (applied, answered)
    reviews: list[tuple[datetime, datetime]] = field(default_factory=list)  # (submitted, reviewed)
    visits_proposed: int = 0
    visits_confirmed: int = 0
    disputes_lost: int = 0


@dataclass(frozen=True)
class Reputation:
    role: str
    finished: int
    completion_rate: float | None  # 0..1; None when nothing to measure yet
    on_time_visits: float | None
    on_time_content: float | None
    rating: float | None
    rating_count: int
    response_hours: float | None  # median
    reply_count: int
    decision_hours: float | None  # businesses: median time to answer an application
    review_hours: float | None  # businesses: median time to review content
    visit_confirmation: float | None  # businesses
    disputes_lost: int
    badges: list[str]


def reputation(records: Records, now: datetime) -> Reputation:
    ratings = records.ratings
    figures = dict(
        role=records.role, finished=records.finished,
        completion_rate=_share(records.completed, records.finished),
        on_time_visits=_on_time_visits(records.visits, now),
        on_time_content=_share(sum(1 for deadline, at in records.content if deadline is None
                                   or as_utc(at) <= as_utc(deadline)), len(records.content)),
        rating=round(sum(ratings) / len(ratings), 2) if ratings else None, rating_count=len(ratings),
        response_hours=_median_hours(records.replies), reply_count=len(records.replies), decision_hours=_median_hours(records.decisions),
        review_hours=_median_hours(records.reviews),
        visit_confirmation=_share(records.visits_confirmed, records.visits_proposed),
        disputes_lost=records.disputes_lost,
    )
    return Reputation(**figures, badges=badges(Reputation(**figures, badges=[])))


def badges(rep: Reputation) -> list[str]:
    if rep.finished < NEW_UNDER:
        earned = [NEW]
    else:
        earned = []
        if rep.rating is not None and rep.rating_count >= MIN_RATINGS and rep.rating >= TOP_RATED:
            earned.append(TOP)
        if _reliable(rep):
            earned.append(RELIABLE_BADGE)
    if rep.reply_count >= MIN_REPLIES and rep.response_hours is not None \
            and rep.response_hours <= RESPONDS_WITHIN.total_seconds() / 3600:
        earned.append(RESPONSIVE)
    return earned


def _reliable(rep: Reputation) -> bool:
    if rep.role == "creator":
        return (rep.completion_rate or 0) >= RELIABLE and (rep.on_time_visits is None or rep.on_time_visits >= RELIABLE)
    return (rep.visit_confirmation is None or rep.visit_confirmation >= RELIABLE) and rep.disputes_lost == 0


def review_visible(both_rated: bool, rating_open: bool, approved_at: datetime | None, now: datetime) -> bool:
    """Double-blind: the other party's rating shows once both rated or the rating window has closed:
    the collaboration left review (completed, at the latest 7 days after approval, or disputed), or
    14 days passed since approval."""
    if both_rated or not rating_open:
        return True
    return approved_at is not None and as_utc(now) >= as_utc(approved_at) + REVIEW_WINDOW


def _on_time_visits(visits: list[tuple[datetime, datetime | None]], now: datetime) -> float | None:
    # Only visits whose day has passed (with the grace) or that happened count: a future one is not late yet.
    due = [(agreed, at) for agreed, at in visits if at is not None or as_utc(agreed) + VISIT_GRACE < as_utc(now)]
    on_time = sum(1 for agreed, at in due if at is not None and as_utc(at) <= as_utc(agreed) + VISIT_GRACE)
    return _share(on_time, len(due))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _median_hours(pairs: list[tuple[datetime, datetime]]) -> float | None:
    waits = [(as_utc(end) - as_utc(start)).total_seconds() / 3600 for start, end in pairs]
    return round(median(waits), 1) if waits else None
