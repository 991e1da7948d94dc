"""Applications as the pages show them: plain dataclasses built from rows, public fields only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import application_lifecycle as lifecycle
from influfinder.domain import tier_benefits
from influfinder.domain.eligibility import FitCheck, OfferConditions, fit_checks, fit_score, relevant_accounts
from influfinder.domain.enums import ApplicationStatus, Tier
from influfinder.domain.transitions import CREATOR, OWNER
from influfinder.models import Application, Collaboration, Offer, Profile, User
from influfinder.services.creator_fit import creator_numbers, offer_conditions, source_line
from influfinder.services.reputation import reputation_of
from influfinder.services.pagination import Page


@dataclass(frozen=True)
class CreatorSummary:
    """What a business sees of an applicant when deciding."""

    username: str
    display_name: str
    tier: str
    tier_level: int
    karma: int
    rating: float | None
    rating_count: int
    completed_collaborations: int
    followers: int  # on the offer's platforms, the best account
    engagement: float  # the same account's
    fit: list[FitCheck]
    fit_score: int  # percent of the checks met
    featured: bool = False  # a LEGEND creator, listed first
    audience_source: str = "Self-reported"  # of the followers shown: "Verified via Instagram, updated 2 days ago"
    audience_verified: bool = False
    badges: tuple[str, ...] = ()  # reputation badges (domain/reputation.py)


@dataclass(frozen=True)
class ApplicantRow:
    id: str
    status: str
    message: str
    proposed_fee: Decimal | None
    currency: str
    created_at: datetime
    creator: CreatorSummary
    creator_id: str = ""  # whom the business messages about it


@dataclass(frozen=True)
class ApplicationDetail:
    id: str
    status: str
    message: str
    proposed_fee: Decimal | None
    currency: str
    links: list[str]
    rejection_reason: str | None  # shown to the creator and the business once rejected
    created_at: datetime
    offer_id: str
    offer_title: str
    brand: str
    viewer_role: str  # "creator", "owner" or "admin"
    creator: CreatorSummary | None  # for the business and admins only
    collaboration_id: str | None
    actions: list[str] = field(default_factory=list)
    other_user_id: str = ""  # the other party, whom the viewer messages ("" for an admin)


@dataclass(frozen=True)
class MyApplicationRow:
    id: str
    status: str
    offer_id: str
    offer_title: str
    brand: str
    proposed_fee: Decimal | None
    currency: str
    rejection_reason: str | None
    collaboration_id: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MyApplications:
    page: Page[MyApplicationRow]
    counts: dict[str, int]  # ApplicationStatus value -> count, every status present


@dataclass(frozen=True)
class ApplyCheck:
    """What the offer page's Apply button needs: may this creator apply, and if not, why."""

    can_apply: bool
    reasons: list[str]
    checks: list[FitCheck]
    application_id: str | None  # theirs, when they already applied



def creator_summary(user: User, profile: Profile | None, conditions: OfferConditions,
                    badges: tuple[str, ...] = ()) -> CreatorSummary:
    numbers = creator_numbers(profile)
    best = relevant_accounts(numbers, conditions.platforms)[0]
    checks = fit_checks(conditions, numbers)
    return CreatorSummary(
        username=user.username, display_name=(profile.display_name if profile else "") or user.username,
        tier=Tier(numbers.tier).label, tier_level=numbers.tier,
        karma=profile.karma_score if profile else 0, rating=profile.rating if profile else None,
        rating_count=profile.rating_count if profile else 0,
        completed_collaborations=profile.completed_collaborations if profile else 0,
        followers=best.followers, engagement=best.engagement, fit=checks, fit_score=fit_score(checks),
        featured=tier_benefits.is_featured(numbers.tier), audience_source=source_line(profile, best),
        audience_verified=best.verified, badges=tuple(badges),
    )


def applicant_row(application: Application, summary: CreatorSummary, offer: Offer) -> ApplicantRow:
    return ApplicantRow(
        id=str(application.id), status=application.status.value, message=application.message,
        proposed_fee=application.proposed_fee, currency=offer.currency.value,
        created_at=application.created_at, creator=summary, creator_id=str(application.creator_id),
    )


def application_detail(db: Session, application: Application, offer: Offer, role: str) -> ApplicationDetail:
    summary = None
    if role != CREATOR:
        user = db.get(User, application.creator_id)
        profile = db.exec(select(Profile).where(Profile.user_id == application.creator_id)).first()
        rep = reputation_of(db, application.creator_id)
        summary = creator_summary(user, profile, offer_conditions(db, offer), tuple(rep.badges) if rep else ())
    collaboration = db.exec(select(Collaboration.id).where(Collaboration.application_id == application.id)).first()
    return ApplicationDetail(
        id=str(application.id), status=application.status.value, message=application.message,
        proposed_fee=application.proposed_fee, currency=offer.currency.value,
        links=list(application.media_attachments), rejection_reason=application.rejection_reason,
        created_at=application.created_at, offer_id=str(offer.id), offer_title=offer.title,
        brand=_brand(db, offer), viewer_role=role, creator=summary,
        collaboration_id=str(collaboration) if collaboration else None,
        actions=lifecycle.APPLICATION_LIFECYCLE.allowed(application.status, role),
        other_user_id={CREATOR: str(offer.business_id), OWNER: str(application.creator_id)}.get(role, ""),
    )


def _brand(db: Session, offer: Offer) -> str:
    if offer.brand_name:
        return offer.brand_name
    row = db.exec(select(Profile.company_name, User.username).join(Profile, Profile.user_id == User.id, isouter=True)
                  .where(User.id == offer.business_id)).first()
    return (row[0] or row[1]) if row else ""


def my_counts(db: Session, creator_id: uuid.UUID) -> dict[str, int]:
    counts = dict.fromkeys(ApplicationStatus.values(), 0)
    rows = db.exec(select(Application.status, sa.func.count()).where(Application.creator_id == creator_id)
                   .group_by(Application.status)).all()
    for status, count in rows:
        counts[status.value] = count
    return counts


def my_row(application: Application, offer: Offer, brand: str, collaboration_id) -> MyApplicationRow:
    rejected = application.status is ApplicationStatus.REJECTED
    return MyApplicationRow(
        id=str(application.id), status=application.status.value, offer_id=str(offer.id), offer_title=offer.title,
        brand=brand, proposed_fee=application.proposed_fee, currency=offer.currency.value,
        rejection_reason=application.rejection_reason if rejected else None,
        collaboration_id=str(collaboration_id) if collaboration_id else None,
        created_at=application.created_at, updated_at=application.updated_at,
    )
