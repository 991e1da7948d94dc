"""The admin overview: how many accounts, offers, applications and collaborations there are now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from influfinder.domain.enums import ApplicationStatus, CollaborationStatus, OfferStatus, UserType
from influfinder.models import Application, Collaboration, Offer, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.admin_access import admin_only, count_by, count_rows
from influfinder.services.admin_analytics import DayFigures, analytics_history

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Overview:
    users: dict[str, int]  # UserType value -> active accounts
    deactivated_users: int
    new_users_week: int
    offers: dict[str, int]  # OfferStatus value -> count
    applications: dict[str, int]  # ApplicationStatus value -> count
    collaborations: dict[str, int]  # CollaborationStatus value -> count
    open_disputes: int


def overview(db: Session, actor: Actor | None) -> Overview:
    admin_only(actor)
    live = User.deleted_at.is_(None)
    users = count_by(db, User.user_type, UserType, live, User.is_active.is_(True))
    deactivated = count_rows(db, User, live, User.is_active.is_(False))
    new = count_rows(db, User, live, User.created_at >= guards.now() - WEEK)
    collabs = count_by(db, Collaboration.status, CollaborationStatus)
    return Overview(
        users=users, deactivated_users=deactivated, new_users_week=new,
        offers=count_by(db, Offer.status, OfferStatus),
        applications=count_by(db, Application.status, ApplicationStatus),
        collaborations=collabs, open_disputes=collabs[CollaborationStatus.DISPUTED.value],
    )


@dataclass(frozen=True)
class OverviewPage:
    """The admin dashboard as one read: today's counts and the recorded days, oldest first."""

    overview: Overview
    history: list[DayFigures]


def overview_page(db: Session, actor: Actor | None) -> OverviewPage:
    return OverviewPage(overview(db, actor), analytics_history(db, actor))
