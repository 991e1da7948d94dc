"""The platform's daily figures (the Analytics table): the periodic job's snapshot, and the admin's history.

`snapshot_analytics(db, day)` is the periodic job's: it writes the day's row and takes no actor, so
it is not reachable from a page. `take_snapshot` and `analytics_history` are the dashboard's and
refuse anyone who is not an admin.

Counting rules (the brief names the columns, not how to count them):
- total_users, total_offers_created, total_applications, total_collaborations_completed and
  total_revenue are cumulative up to the end of the day (UTC); new_users counts that day alone.
  Deleted (anonymised) accounts no longer count as users.
- active_offers and avg_tier_level describe the moment of the snapshot: an offer's past status
  is not kept, so a past day's row is only as good as the snapshot taken on that day.
- total_revenue adds the fees agreed in completed collaborations in EUR, the platform's main
  currency. There are no exchange rates here, so fees in other currencies are left out rather than
  added up as if they were euros.

Backfill: the days of the last 30 before the first recorded snapshot (a new installation, or the
days before this table existed) are computed from the records once, so the chart has a point for
every day. The cumulative columns are exact; for active_offers, a past day counts the offers
published by then that are active now, and avg_tier_level is today's (neither has a history).
A backfilled day is never rewritten, and a real snapshot is never replaced by a backfilled one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.domain.enums import CollaborationStatus, Currency, OfferStatus, UserType
from influfinder.domain.time_series import days_to_backfill
from influfinder.models import Analytics, Application, Collaboration, Offer, Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.admin_access import admin_only, count_rows
from influfinder.services.errors import ServiceError

HISTORY_DAYS = 30


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def _day_figures(db: Session, day: date, *, past: bool = False) -> dict:
    """The Analytics columns for `day`, counted in SQL (the rules are in the module's docstring)."""
    start, end = _day_bounds(day)
    active = [Offer.status == OfferStatus.ACTIVE] + ([Offer.published_at < end] if past else [])
    present = sa.or_(User.deleted_at.is_(None), User.deleted_at >= end)
    completed = (Collaboration.status == CollaborationStatus.COMPLETED, Collaboration.completed_date < end)
    revenue = db.exec(select(sa.func.sum(Collaboration.agreed_fee))
                      .where(*completed, Collaboration.currency == Currency.EUR)).one()
    tiers = db.exec(select(sa.func.avg(Profile.tier_level)).join(User, User.id == Profile.user_id)
                    .where(User.user_type == UserType.CREATOR, User.deleted_at.is_(None))).one()
    return dict(
        total_users=count_rows(db, User, User.created_at < end, present),
        new_users=count_rows(db, User, User.created_at >= start, User.created_at < end, present),
        total_offers_created=count_rows(db, Offer, Offer.created_at < end),
        active_offers=count_rows(db, Offer, *active),
        total_applications=count_rows(db, Application, Application.created_at < end),
        total_collaborations_completed=count_rows(db, Collaboration, *completed),
        total_revenue=Decimal(revenue or 0).quantize(Decimal("0.01")),
        avg_tier_level=round(float(tiers or 0), 2),
    )


def snapshot_analytics(db: Session, day: date) -> Analytics:
    """Write (or rewrite) the day's Analytics row: one atomic upsert, safe for concurrent jobs."""
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValueError("snapshot_analytics takes a date")
    values = _day_figures(db, day)
    dialect = db.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    statement = insert(Analytics).values(id=uuid.uuid4(), date=day, created_at=guards.now(), **values)
    db.exec(statement.on_conflict_do_update(index_elements=["date"], set_=values))
    return db.exec(select(Analytics).where(Analytics.date == day).execution_options(populate_existing=True)).one()


def backfill_analytics(db: Session, today: date) -> int:
    """Rows for the window's days before the first recorded snapshot, computed from the records;
    existing rows are left alone (ON CONFLICT DO NOTHING). Returns how many days it wrote."""
    first = db.exec(select(sa.func.min(Analytics.date))).one()
    days = days_to_backfill(first, today, HISTORY_DAYS)
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[db.get_bind().dialect.name]
    written = 0
    for day in days:
        statement = insert(Analytics).values(id=uuid.uuid4(), date=day, created_at=guards.now(),
                                             **_day_figures(db, day, past=True))
        # RETURNING gives a row only when it inserted (rowcount is not reliable for this on every driver).
        inserted = db.exec(statement.on_conflict_do_nothing(index_elements=["date"]).returning(Analytics.date))
        written += inserted.first() is not None
    return written


def take_snapshot(db: Session, actor: Actor | None) -> Analytics:
    """Today's figures now, without waiting for the periodic job (the dashboard's button)."""
    admin_only(actor)
    today = guards.now().date()
    row = snapshot_analytics(db, today)
    backfill_analytics(db, today)
    return row


@dataclass(frozen=True)
class DayFigures:
    day: date
    total_users: int
    new_users: int
    total_offers_created: int
    active_offers: int
    total_applications: int
    total_collaborations_completed: int
    total_revenue: Decimal
    avg_tier_level: float


def analytics_history(db: Session, actor: Actor | None, days: int = HISTORY_DAYS) -> list[DayFigures]:
    """The stored daily rows of the last `days` days (today included), oldest first; missing days are absent."""
    admin_only(actor)
    if type(days) is not int or not 1 <= days <= 366:
        raise ServiceError("Choose between 1 and 366 days.", "days")
    first = guards.now().date() - timedelta(days=days - 1)
    rows = db.exec(select(Analytics).where(Analytics.date >= first).order_by(Analytics.date)).all()
    return [DayFigures(
        day=r.date, total_users=r.total_users, new_users=r.new_users, total_offers_created=r.total_offers_created,
        active_offers=r.active_offers, total_applications=r.total_applications,
        total_collaborations_completed=r.total_collaborations_completed,
        total_revenue=Decimal(r.total_revenue or 0), avg_tier_level=r.avg_tier_level,
    ) for r in rows]


def record_today(db: Session, actor: Actor | None) -> list[DayFigures]:
    """The dashboard's button: today's figures recorded now, then the history that shows them."""
    take_snapshot(db, actor)
    return analytics_history(db, actor)
