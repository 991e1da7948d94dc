"""Applications: a creator applies or withdraws; the offer's business opens, accepts or rejects.

Every decision goes through domain.application_lifecycle and is written with a conditional
UPDATE on the status it was checked against. Accepting also holds the slot rule in the same
UPDATE (`... AND places taken < slots`) after locking the offer row (PostgreSQL: FOR NO KEY
UPDATE; SQLite: the UPDATE takes the database's write lock before it reads), so concurrent
accepts of the last place give exactly one collaboration.

Who sees what: the creator who applied, the offer's business and admins; anyone else is told
"not found", whether the application exists or not.

Invite-only offers (is_public False) are left out of the public list and search, but the schema
has no invitation table yet: a creator holding the offer's link may apply, the link being the
invitation. A withdrawn application still counts as "already applied" (one row per offer and creator).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from influfinder.domain import application_lifecycle as lifecycle
from influfinder.domain import tier_benefits
from influfinder.domain.eligibility import (
    Account, CreatorNumbers, Eligibility, FitCheck, OfferConditions, evaluate, fit_checks, fit_score,
    relevant_accounts,
)
from influfinder.domain.enums import (
    ApplicationStatus, CollaborationStatus, CompensationType, NotificationType, OfferStatus, Platform, Tier,
)
from influfinder.domain.offer_rules import MAX_MONEY
from influfinder.domain.offer_terms import Requirements
from influfinder.domain.transitions import ADMIN, CREATOR, OWNER, TransitionRefused
from influfinder.models import Application, Collaboration, CollaborationEvent, Offer, Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor, require_verified
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.notifications import notify
from influfinder.services.offer_management import (
    LIVE, OFFER_NOT_FOUND, taken_slot_filter, taken_slots,
)
from influfinder.services.pagination import Page

NOT_FOUND = "We could not find that application."
ALREADY_APPLIED = "You already applied to this offer."
CHANGED = "This application was changed meanwhile. Reload the page to see where it stands."
MAX_LINKS = 5


class ApplyInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    message: str = Field(min_length=20, max_length=2000)
    proposed_fee: Decimal | None = Field(default=None, ge=0, le=MAX_MONEY, decimal_places=2)
    links: list[HttpUrl] = Field(default_factory=list, max_length=MAX_LINKS)

    @field_validator("proposed_fee", mode="before")
    @classmethod
    def _blank_fee(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("not an amount")
        return None if isinstance(value, str) and not value.strip() else value


_APPLY_MESSAGES = {
    "message": "Write a message of 20 to 2,000 characters.",
    "proposed_fee": "Enter a fee from 0 to 1,000,000, with at most two decimals, or leave it empty.",
    "links": f"Give at most {MAX_LINKS} links, each starting with http:// or https://.",
}


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


@dataclass(frozen=True)
class ApplicantRow:
    id: str
    status: str
    message: str
    proposed_fee: Decimal | None
    currency: str
    created_at: datetime
    creator: CreatorSummary


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


# ---- the creator's side -----------------------------------------------------------------------


def check_apply(db: Session, actor: Actor | None, offer_id: object) -> ApplyCheck:
    """The fit panel and the reasons Apply is disabled, without applying."""
    actor = guards.creator(actor)
    offer = _open_offer(db, guards.object_id(offer_id, OFFER_NOT_FOUND))
    mine = _application_of(db, offer.id, actor.id)
    verdict = eligibility(db, offer, actor.id)
    reasons = ([ALREADY_APPLIED] if mine else []) + _offer_closed(offer) + verdict.reasons
    cap = None if mine else _open_application_cap(db, actor.id)
    if cap:
        reasons.append(cap)
    if not actor.is_verified:
        reasons.append("Confirm your email before applying.")
    return ApplyCheck(not reasons, reasons, verdict.checks, str(mine) if mine else None)


def apply(db: Session, actor: Actor | None, offer_id: object, raw: object) -> uuid.UUID:
    """A new APPLIED application; the business is notified. Refused with every reason that applies."""
    actor = guards.creator(actor)
    offer = _open_offer(db, guards.object_id(offer_id, OFFER_NOT_FOUND))
    require_verified(actor)
    closed = _offer_closed(offer)
    if closed:
        raise ServiceError(closed[0])
    if _application_of(db, offer.id, actor.id):
        raise ServiceError(ALREADY_APPLIED)
    verdict = eligibility(db, offer, actor.id)
    if not verdict.can_apply:
        raise ServiceError(" ".join(verdict.reasons))
    cap = _open_application_cap(db, actor.id)
    if cap:
        raise ServiceError(cap)
    data = _parse_apply(raw)
    application = Application(offer_id=offer.id, creator_id=actor.id, message=data.message,
                              proposed_fee=data.proposed_fee, media_attachments=[str(u) for u in data.links])
    _insert_once(db, application)
    notify(db, offer.business_id, NotificationType.APPLICATION_RECEIVED, f"New application: {offer.title}",
           f"{actor.display_name} applied to “{offer.title}”.", offer_id=offer.id,
           application_id=application.id, related_user_id=actor.id)
    return application.id


def _open_application_cap(db: Session, creator_id: uuid.UUID) -> str | None:
    """Tier benefit: NEWBIE creators hold at most 3 undecided applications, EXPLORER 10."""
    tier = db.exec(select(Profile.tier_level).where(Profile.user_id == creator_id)).first() or 0
    open_count = db.exec(select(sa.func.count()).select_from(Application).where(
        Application.creator_id == creator_id,
        Application.status.in_([ApplicationStatus.APPLIED, ApplicationStatus.UNDER_REVIEW]))).one()
    return tier_benefits.cap_problem(tier, open_count)


def withdraw(db: Session, actor: Actor | None, application_id: object) -> None:
    application, _offer, role = _load(db, actor, application_id)
    _apply_move(db, application, lifecycle.WITHDRAW, role)


def my_applications(db: Session, actor: Actor | None, status: object = None, page: object = 1,
                    page_size: object = 20) -> MyApplications:
    """The creator's applications (one status, or all), newest first, with counts per status."""
    actor = guards.creator(actor)
    wanted = guards.choice(status, ApplicationStatus, "status", "application status")
    page, page_size = guards.paging(page, page_size)
    counts = _my_counts(db, actor.id)
    where = [Application.creator_id == actor.id] + ([Application.status == wanted] if wanted else [])
    rows = db.exec(
        select(Application, Offer, Profile.company_name, User.username, Collaboration.id)
        .join(Offer, Offer.id == Application.offer_id)
        .join(User, User.id == Offer.business_id)
        .join(Profile, Profile.user_id == Offer.business_id, isouter=True)
        .join(Collaboration, Collaboration.application_id == Application.id, isouter=True)
        .where(*where).order_by(Application.created_at.desc(), Application.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    items = [_my_row(a, o, o.brand_name or company or username, collab) for a, o, company, username, collab in rows]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return MyApplications(Page(items, total, page, page_size), counts)


# ---- the business's side ----------------------------------------------------------------------


def list_for_offer(db: Session, actor: Actor | None, offer_id: object, status: object = None,
                   page: object = 1, page_size: object = 20) -> Page[ApplicantRow]:
    """An offer's applications with each creator's summary and fit; its owner and admins only."""
    actor = guards.signed_in(actor)
    offer = db.get(Offer, guards.object_id(offer_id, OFFER_NOT_FOUND))
    if offer is None or _role(actor, offer, None) is None:
        raise NotAllowed(OFFER_NOT_FOUND)
    wanted = guards.choice(status, ApplicationStatus, "status", "application status")
    page, page_size = guards.paging(page, page_size)
    where = [Application.offer_id == offer.id] + ([Application.status == wanted] if wanted else [])
    total = db.exec(select(sa.func.count()).select_from(Application).where(*where)).one()
    rows = db.exec(
        select(Application, User, Profile)
        .join(User, User.id == Application.creator_id)
        .join(Profile, Profile.user_id == Application.creator_id, isouter=True)
        .where(*where).order_by(Application.created_at.desc(), Application.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    conditions = offer_conditions(db, offer)
    items = [_applicant(a, _summary(u, p, conditions), offer) for a, u, p in rows]
    return Page(items, total, page, page_size)


def open_application(db: Session, actor: Actor | None, application_id: object) -> ApplicationDetail:
    """The business opening an application moves it from APPLIED to UNDER_REVIEW."""
    application, offer, role = _load(db, actor, application_id)
    if role == OWNER and application.status == lifecycle.APPLIED:
        try:
            _apply_move(db, application, lifecycle.OPEN, role)
        except ServiceError:
            db.refresh(application)  # decided meanwhile by another click: show where it stands now
    return _detail(db, application, offer, role)


def get_application(db: Session, actor: Actor | None, application_id: object) -> ApplicationDetail:
    application, offer, role = _load(db, actor, application_id)
    return _detail(db, application, offer, role)


def accept(db: Session, actor: Actor | None, application_id: object, agreed_fee: object = None) -> uuid.UUID:
    """ACCEPTED, and a new Collaboration with the agreed fee; never beyond the offer's places."""
    actor = guards.signed_in(actor)
    key = guards.object_id(application_id, NOT_FOUND)
    _lock_offer_of(db, key)
    application, offer, role = _load(db, actor, key)
    target = _check(application, lifecycle.ACCEPT, role)
    if offer.status not in LIVE:
        raise ServiceError("This offer is archived: it cannot take new collaborations.")
    fee = _agreed_fee(agreed_fee, application, offer)
    if not _update_if_place_left(db, application, offer, target):
        raise ServiceError(_why_not_accepted(db, application, offer))
    collaboration = _start_collaboration(db, actor, application, offer, fee)
    notify(db, application.creator_id, NotificationType.APPLICATION_ACCEPTED, f"Accepted: {offer.title}",
           f"Your application to “{offer.title}” was accepted. Plan your visit and content next.",
           offer_id=offer.id, application_id=application.id, collaboration_id=collaboration.id,
           related_user_id=offer.business_id)
    return collaboration.id


def reject(db: Session, actor: Actor | None, application_id: object, reason: object = "") -> None:
    """REJECTED, with an optional reason the creator sees."""
    application, offer, role = _load(db, actor, application_id)
    text = _reason(reason)
    _apply_move(db, application, lifecycle.REJECT, role, {"rejection_reason": text or None})
    content = f"Your application to “{offer.title}” was not accepted."
    notify(db, application.creator_id, NotificationType.APPLICATION_REJECTED, f"Not accepted: {offer.title}",
           f"{content} The business said: {text}" if text else content,
           offer_id=offer.id, application_id=application.id, related_user_id=offer.business_id)


# ---- eligibility from the database ------------------------------------------------------------


def eligibility(db: Session, offer: Offer, creator_id: uuid.UUID) -> Eligibility:
    profile = db.exec(select(Profile).where(Profile.user_id == creator_id)).first()
    return evaluate(offer_conditions(db, offer), creator_numbers(profile), guards.now())


def offer_conditions(db: Session, offer: Offer) -> OfferConditions:
    return OfferConditions(
        requirements=_requirements(offer), platforms=tuple(_platforms(offer)), min_tier=offer.min_tier,
        application_deadline=offer.application_deadline, slots=offer.slots,
        slots_left=offer.slots - taken_slots(db, offer.id),
    )


def creator_numbers(profile: Profile | None) -> CreatorNumbers:
    if profile is None:
        return CreatorNumbers(tier=0, accounts=())
    accounts = tuple(
        Account(platform, getattr(profile, f"{name}_followers"), getattr(profile, f"{name}_engagement"),
                getattr(profile, f"{name}_verified"))
        for platform, name in ((Platform.INSTAGRAM, "instagram"), (Platform.TIKTOK, "tiktok"),
                               (Platform.FACEBOOK, "facebook"))
    )
    return CreatorNumbers(tier=profile.tier_level, accounts=accounts)


def _requirements(offer: Offer) -> Requirements:
    try:
        return Requirements.model_validate(offer.requirements or {})
    except ValidationError:  # written before validation existed: ask nothing rather than fail the page
        return Requirements()


def _platforms(offer: Offer) -> list[Platform]:
    return [Platform(p) for p in offer.platforms if p in Platform.values()]


# ---- loading and roles ------------------------------------------------------------------------


def _open_offer(db: Session, key: uuid.UUID) -> Offer:
    """An offer a creator may look at: published (active or paused) or archived, never a draft."""
    offer = db.get(Offer, key)
    if offer is None or offer.status is OfferStatus.DRAFT:
        raise NotAllowed(OFFER_NOT_FOUND)
    return offer


def _offer_closed(offer: Offer) -> list[str]:
    if offer.status is OfferStatus.PAUSED:
        return ["This offer is paused: it takes no applications for now."]
    if offer.status is OfferStatus.ARCHIVED:
        return ["This offer is closed."]
    return []


def _application_of(db: Session, offer_id: uuid.UUID, creator_id: uuid.UUID) -> uuid.UUID | None:
    return db.exec(select(Application.id).where(Application.offer_id == offer_id,
                                                 Application.creator_id == creator_id)).first()


def _insert_once(db: Session, application: Application) -> None:
    """The unique (offer, creator) index settles two concurrent clicks: the second is told why."""
    db.add(application)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        raise ServiceError(ALREADY_APPLIED) from None


def _role(actor: Actor, offer: Offer, application: Application | None) -> str | None:
    if application is not None and application.creator_id == actor.id:
        return CREATOR
    if offer.business_id == actor.id:
        return OWNER
    return ADMIN if actor.is_admin else None


def _load(db: Session, actor: Actor | None, application_id: object) -> tuple[Application, Offer, str]:
    actor = guards.signed_in(actor)
    key = guards.object_id(application_id, NOT_FOUND)
    application = db.get(Application, key, populate_existing=True)
    offer = db.get(Offer, application.offer_id) if application else None
    role = _role(actor, offer, application) if application and offer else None
    if role is None:
        raise NotAllowed(NOT_FOUND)
    return application, offer, role


def _lock_offer_of(db: Session, key: uuid.UUID) -> None:
    """Serializes decisions on one offer (PostgreSQL); a plain read on SQLite, whose UPDATE locks."""
    offer_id = db.exec(select(Application.offer_id).where(Application.id == key)).first()
    if offer_id is not None:
        db.exec(select(Offer).where(Offer.id == offer_id).with_for_update(key_share=True)
                .execution_options(populate_existing=True)).first()


# ---- moves ------------------------------------------------------------------------------------


def _check(application: Application, action: str, role: str) -> ApplicationStatus:
    try:
        return lifecycle.application_transition(application.status, action, role)
    except TransitionRefused as refusal:
        if refusal.kind == "wrong_role":
            raise NotAllowed(refusal.message) from None
        raise ServiceError(refusal.message) from None


def _apply_move(db: Session, application: Application, action: str, role: str,
                values: dict | None = None) -> None:
    target = _check(application, action, role)
    result = db.exec(
        sa.update(Application)
        .where(Application.id == application.id, Application.status == application.status)
        .values(status=target, updated_at=guards.now(), **(values or {}))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError(CHANGED)
    db.refresh(application)


def _update_if_place_left(db: Session, application: Application, offer: Offer, target: ApplicationStatus) -> bool:
    """The decision and the slot rule in one statement: it writes only if a place is still free."""
    taken = select(sa.func.count()).select_from(Collaboration).where(*taken_slot_filter(offer.id))
    slots = select(Offer.slots).where(Offer.id == offer.id, Offer.status.in_(LIVE))
    result = db.exec(
        sa.update(Application)
        .where(Application.id == application.id, Application.status == application.status,
               taken.scalar_subquery() < slots.scalar_subquery())
        .values(status=target, updated_at=guards.now())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:
        db.refresh(application)
    return result.rowcount == 1


def _why_not_accepted(db: Session, application: Application, offer: Offer) -> str:
    db.refresh(offer)
    db.refresh(application)
    if application.status not in lifecycle.UNDECIDED:
        return f"This application was {application.status.value.replace('_', ' ').lower()} meanwhile."
    if offer.status not in LIVE:
        return "This offer was archived meanwhile: it cannot take new collaborations."
    return f"Every place on this offer is taken ({offer.slots} of {offer.slots}): it cannot accept more creators."


def _start_collaboration(db: Session, actor: Actor, application: Application, offer: Offer,
                         fee: Decimal | None) -> Collaboration:
    collaboration = Collaboration(
        offer_id=offer.id, application_id=application.id, creator_id=application.creator_id,
        business_id=offer.business_id, status=CollaborationStatus.ACCEPTED, agreed_fee=fee,
        currency=offer.currency,
    )
    db.add(collaboration)
    db.flush()
    db.add(CollaborationEvent(collaboration_id=collaboration.id, actor_id=actor.id, action="accept",
                              from_status=None, to_status=CollaborationStatus.ACCEPTED))
    db.flush()
    return collaboration


# ---- input ------------------------------------------------------------------------------------


def _parse_apply(raw: object) -> ApplyInput:
    if not isinstance(raw, dict):
        raise ServiceError("The form could not be read. Reload the page and try again.")
    try:
        return ApplyInput.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "form"
        message = _APPLY_MESSAGES.get(name, "This field is not part of an application.")
        raise ServiceError(message, name if name in _APPLY_MESSAGES else None) from None


def _agreed_fee(value: object, application: Application, offer: Offer) -> Decimal | None:
    """The business's figure; else the creator's proposal; else the top of a paid offer's budget."""
    if value is None or value == "":
        if application.proposed_fee is not None:
            return application.proposed_fee
        return offer.budget_max if offer.compensation_type is CompensationType.PAID else None
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise ServiceError(_FEE_MESSAGE, "agreed_fee")
    try:
        fee = Decimal(str(value).strip())
    except InvalidOperation:
        raise ServiceError(_FEE_MESSAGE, "agreed_fee") from None
    if not fee.is_finite() or not 0 <= fee <= MAX_MONEY or fee != fee.quantize(Decimal("0.01")):
        raise ServiceError(_FEE_MESSAGE, "agreed_fee")
    return fee


_FEE_MESSAGE = "Enter a fee from 0 to 1,000,000, with at most two decimals."


def _reason(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError("The reason must be text.", "reason")
    text = value.strip()
    if len(text) > 500:
        raise ServiceError("Keep the reason under 500 characters.", "reason")
    return text


# ---- views ------------------------------------------------------------------------------------


def _summary(user: User, profile: Profile | None, conditions: OfferConditions) -> CreatorSummary:
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
    )


def _applicant(application: Application, summary: CreatorSummary, offer: Offer) -> ApplicantRow:
    return ApplicantRow(
        id=str(application.id), status=application.status.value, message=application.message,
        proposed_fee=application.proposed_fee, currency=offer.currency.value,
        created_at=application.created_at, creator=summary,
    )


def _detail(db: Session, application: Application, offer: Offer, role: str) -> ApplicationDetail:
    summary = None
    if role != CREATOR:
        user = db.get(User, application.creator_id)
        profile = db.exec(select(Profile).where(Profile.user_id == application.creator_id)).first()
        summary = _summary(user, profile, offer_conditions(db, offer))
    collaboration = db.exec(select(Collaboration.id).where(Collaboration.application_id == application.id)).first()
    return ApplicationDetail(
        id=str(application.id), status=application.status.value, message=application.message,
        proposed_fee=application.proposed_fee, currency=offer.currency.value,
        links=list(application.media_attachments), rejection_reason=application.rejection_reason,
        created_at=application.created_at, offer_id=str(offer.id), offer_title=offer.title,
        brand=_brand(db, offer), viewer_role=role, creator=summary,
        collaboration_id=str(collaboration) if collaboration else None,
        actions=lifecycle.APPLICATION_LIFECYCLE.allowed(application.status, role),
    )


def _brand(db: Session, offer: Offer) -> str:
    if offer.brand_name:
        return offer.brand_name
    row = db.exec(select(Profile.company_name, User.username).join(Profile, Profile.user_id == User.id, isouter=True)
                  .where(User.id == offer.business_id)).first()
    return (row[0] or row[1]) if row else ""


def _my_counts(db: Session, creator_id: uuid.UUID) -> dict[str, int]:
    counts = dict.fromkeys(ApplicationStatus.values(), 0)
    rows = db.exec(select(Application.status, sa.func.count()).where(Application.creator_id == creator_id)
                   .group_by(Application.status)).all()
    for status, count in rows:
        counts[status.value] = count
    return counts


def _my_row(application: Application, offer: Offer, brand: str, collaboration_id) -> MyApplicationRow:
    rejected = application.status is ApplicationStatus.REJECTED
    return MyApplicationRow(
        id=str(application.id), status=application.status.value, offer_id=str(offer.id), offer_title=offer.title,
        brand=brand, proposed_fee=application.proposed_fee, currency=offer.currency.value,
        rejection_reason=application.rejection_reason if rejected else None,
        collaboration_id=str(collaboration_id) if collaboration_id else None,
        created_at=application.created_at, updated_at=application.updated_at,
    )
