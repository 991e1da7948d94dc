"""A business's dashboard as one read: what waits for it, each offer's numbers, and weeks of figures.

To-dos (the business's turn, from domain/collaboration_steps.py):
- applicants to review: applications to its offers still new or under review;
- content to review: collaborations whose content waits for its review (submitted, or in review and
  not yet approved);
- visits to confirm: a visit date the creator proposed and the business has not confirmed;
- overdue visits: a confirmed visit whose day passed without the business marking it (VISIT_OVERDUE).

Per offer (the same definitions as services/metrics.py): views, applications, collaborations (not
cancelled), completed, success rate = completed / applications, average cost = the average agreed
fee of the completed ones. Counted with one grouped query per figure, never one query per offer.

Over time: the last WEEKS weeks, week by week (a week ends today): views, applications received,
collaborations completed and spend (agreed fees of the completed ones, in the business's main
currency: the currency most of its offers use; fees in other currencies are left out, not mixed).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import collaboration_steps as steps
from influfinder.domain.enums import ApplicationStatus, CollaborationStatus, Currency
from influfinder.domain.moments import as_utc
from influfinder.domain.time_series import Point, bucket, count_per_period
from influfinder.models import Application, Collaboration, Offer, OfferView
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.collaboration_views import steps_of
from influfinder.services.metrics import percent

WEEKS = 12
WEEK_DAYS = 7
MAX_OFFERS = 50  # the table shows the newest offers; the per-offer page has any offer's numbers
PENDING_APPLICATIONS = (ApplicationStatus.APPLIED, ApplicationStatus.UNDER_REVIEW)
LIVE = (CollaborationStatus.SCHEDULED, CollaborationStatus.CONTENT_SUBMITTED, CollaborationStatus.IN_REVIEW)
CONTENT_WAITING = (CollaborationStatus.CONTENT_SUBMITTED, CollaborationStatus.IN_REVIEW)


@dataclass(frozen=True)
class ToDos:
    applicants_to_review: int
    content_to_review: int
    visits_to_confirm: int
    overdue_visits: int


@dataclass(frozen=True)
class OfferRow:
    offer_id: str
    title: str
    status: str
    views: int
    applications: int
    collaborations: int
    completed: int
    success_rate: float | None  # percent
    average_cost: Decimal | None
    currency: str


@dataclass(frozen=True)
class Series:
    """Week by week, oldest first; each point's day is the week's first day."""

    views: list[Point]
    applications: list[Point]
    completed: list[Point]
    spend: list[Point]
    currency: str


@dataclass(frozen=True)
class BusinessDashboard:
    todos: ToDos
    offers: list[OfferRow]
    offer_count: int
    series: Series


def business_dashboard(db: Session, actor: Actor | None) -> BusinessDashboard:
    actor = guards.business(actor)
    offers = db.exec(select(Offer).where(Offer.business_id == actor.id)
                     .order_by(Offer.created_at.desc(), Offer.id).limit(MAX_OFFERS)).all()
    total = db.exec(select(sa.func.count()).select_from(Offer).where(Offer.business_id == actor.id)).one()
    currency = _main_currency(offers)
    return BusinessDashboard(
        todos=_todos(db, actor.id), offers=_offer_rows(db, offers), offer_count=total,
        series=offer_series(db, sa.select(Offer.id).where(Offer.business_id == actor.id), currency),
    )


def _todos(db: Session, business_id: uuid.UUID) -> ToDos:
    applicants = db.exec(
        select(sa.func.count()).select_from(Application).join(Offer, Offer.id == Application.offer_id)
        .where(Offer.business_id == business_id, Application.status.in_(PENDING_APPLICATIONS))
    ).one()
    live = db.exec(select(Collaboration, Offer.content_deadline).join(Offer, Offer.id == Collaboration.offer_id)
                   .where(Collaboration.business_id == business_id, Collaboration.status.in_(LIVE))).all()
    now = guards.now()
    where = [(c, steps_of(c, deadline, now)) for c, deadline in live]
    mine = [(c, s) for c, s in where if s.who == steps.BUSINESS]
    return ToDos(
        applicants_to_review=applicants,
        content_to_review=sum(1 for c, _ in mine if c.status in CONTENT_WAITING),
        visits_to_confirm=sum(1 for c, _ in mine if c.status is CollaborationStatus.SCHEDULED
                              and c.schedule_confirmed_at is None),
        overdue_visits=sum(1 for _, s in where if s.late == steps.VISIT_OVERDUE),
    )


def _grouped(db: Session, column, *where) -> dict:
    rows = db.exec(select(column, sa.func.count()).where(*where).group_by(column)).all()
    return {key: count for key, count in rows}


def _offer_rows(db: Session, offers: list[Offer]) -> list[OfferRow]:
    ids = [o.id for o in offers]
    if not ids:
        return []
    ours = Collaboration.offer_id.in_(ids)
    applications = _grouped(db, Application.offer_id, Application.offer_id.in_(ids))
    collabs = _grouped(db, Collaboration.offer_id, ours, Collaboration.status != CollaborationStatus.CANCELLED)
    done = (ours, Collaboration.status == CollaborationStatus.COMPLETED)
    completed = _grouped(db, Collaboration.offer_id, *done)
    costs = dict(db.exec(select(Collaboration.offer_id, sa.func.avg(Collaboration.agreed_fee)).where(*done)
                         .group_by(Collaboration.offer_id)).all())
    return [OfferRow(
        offer_id=str(o.id), title=o.title, status=o.status.value, views=o.views_count,
        applications=applications.get(o.id, 0), collaborations=collabs.get(o.id, 0),
        completed=completed.get(o.id, 0), success_rate=percent(completed.get(o.id, 0), applications.get(o.id, 0)),
        average_cost=None if costs.get(o.id) is None else Decimal(costs[o.id]).quantize(Decimal("0.01")),
        currency=o.currency.value,
    ) for o in offers]


def _main_currency(offers: list[Offer]) -> str:
    if not offers:
        return Currency.EUR.value
    return Counter(o.currency.value for o in offers).most_common(1)[0][0]


def offer_series(db: Session, offer_ids, currency: str, today: date | None = None) -> Series:
    """Week by week for the offers `offer_ids` selects (a subquery or a list); the caller checked the owner."""
    today = today or guards.now().date()
    window = (today, WEEKS, WEEK_DAYS)
    views = db.exec(select(OfferView.day, sa.func.count()).where(OfferView.offer_id.in_(offer_ids))
                    .group_by(OfferView.day)).all()
    applied = db.exec(select(Application.created_at).where(Application.offer_id.in_(offer_ids))).all()
    done = db.exec(select(Collaboration.completed_date, Collaboration.agreed_fee, Collaboration.currency).where(
        Collaboration.offer_id.in_(offer_ids), Collaboration.status == CollaborationStatus.COMPLETED,
        Collaboration.completed_date.is_not(None))).all()
    return Series(
        views=bucket(((day, n) for day, n in views), *window),
        applications=count_per_period((as_utc(a).date() for a in applied), *window),
        completed=count_per_period((as_utc(d).date() for d, _fee, _cur in done), *window),
        spend=bucket(((as_utc(d).date(), Decimal(fee or 0)) for d, fee, cur in done if cur.value == currency),
                     *window, zero=Decimal(0)),
        currency=currency,
    )
