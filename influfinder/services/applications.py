"""Applications: a creator applies or withdraws; the offer's business opens, accepts or rejects.

Every decision goes through domain.application_lifecycle and is written with a conditional
UPDATE on the status it was checked against. Accepting also holds the slot rule in the same
UPDATE (`... AND places taken < slots`) after locking the offer row (PostgreSQL: FOR NO KEY
UPDATE; SQLite: the UPDATE takes the database's write lock before it reads), so concurrent
accepts of the last place give exactly one collaboration.

Who sees what: the creator who applied, the offer's business and admins; anyone else is told
"not found", whether the application exists or not.

Invite-only offers (is_public False) are left out of the public list and search, and only the
creators invited to them may apply (services/invite_only.py); accepting an invitation applies through
`apply_invited`. A withdrawn application still counts as "already applied" (one row per offer and creator).
"""

from __future__ import annotations

import functools
import uuid

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from influfinder.domain import application_lifecycle as lifecycle
from influfinder.domain import tier_benefits
from influfinder.domain.invitations import reason_words_after_waivers
from influfinder.domain.enums import ApplicationStatus, NotificationType, OfferStatus, Platform
from influfinder.domain.transitions import ADMIN, CREATOR, OWNER
from influfinder.i18n import N_, _, translated
from influfinder.i18n.fit import written
from influfinder.models import Application, Collaboration, Offer, Profile, User
from influfinder.services import application_forms as forms
from influfinder.services import application_moves as moves
from influfinder.services import early_access, guards, invite_only, offer_management
from influfinder.services.actors import Actor, require_verified
from influfinder.services.application_forms import MAX_LINKS
from influfinder.services.application_views import (
    ApplicantRow, ApplicationDetail, ApplyCheck, CreatorSummary, MyApplicationRow, MyApplications, applicant_row,
    application_detail, creator_summary, my_counts, my_row,
)
from influfinder.services.creator_fit import eligibility, has_verified_figures, offer_conditions
from influfinder.services.domain_events import CountsChanged
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.events import emit
from influfinder.services.notifications import notify
from influfinder.services.notification_text import params_for
from influfinder.services.offer_management import LIVE, OFFER_NOT_FOUND, OwnerOffer
from influfinder.services.pagination import Page, page_or_last
from influfinder.services.reputation import reputations

__all__ = [  # the views are read by the pages through this module
    "ApplicantRow", "ApplicationDetail", "ApplyCheck", "CreatorSummary", "MAX_LINKS", "MyApplicationRow",
    "MyApplications", "accept", "apply", "check_apply", "get_application", "list_for_offer", "my_applications",
    "open_application", "reject", "withdraw",
]

NOT_FOUND = N_("We could not find that application.")
ALREADY_APPLIED = N_("You already applied to this offer.")


# ---- the creator's side -----------------------------------------------------------------------


def check_apply(db: Session, actor: Actor | None, offer_id: object) -> ApplyCheck:
    """The fit panel and the reasons Apply is disabled, without applying."""
    actor = guards.creator(actor)
    offer = _open_offer(db, actor, guards.object_id(offer_id, OFFER_NOT_FOUND))
    mine = _application_of(db, offer.id, actor.id)
    verdict = eligibility(db, offer, actor.id)
    reasons = (([translated(ALREADY_APPLIED)] if mine else []) + [translated(r) for r in _offer_closed(offer)]
               + [written(w) for w in verdict.reason_words])
    cap = None if mine else _open_application_cap(db, actor.id)
    if cap:
        reasons.append(cap)
    if not actor.is_verified:
        reasons.append(_("Confirm your email before applying."))
    return ApplyCheck(not reasons, reasons, verdict.checks, str(mine) if mine else None)


def apply(db: Session, actor: Actor | None, offer_id: object, raw: object) -> uuid.UUID:
    """A new APPLIED application; the business is notified. Refused with every reason that applies."""
    actor = guards.creator(actor)
    offer = _open_offer(db, actor, guards.object_id(offer_id, OFFER_NOT_FOUND))
    return apply_invited(db, actor, offer, raw, frozenset())


def apply_invited(db: Session, actor: Actor, offer: Offer, raw: object, waived: frozenset[str]) -> uuid.UUID:
    """`apply` to a loaded offer, past the fit checks an invitation waived (domain/invitations.py).
    Not an entry point: services/invitations.py calls it for the creator it checked."""
    require_verified(actor)
    closed = _offer_closed(offer)
    if closed:
        raise ServiceError(closed[0])
    if _application_of(db, offer.id, actor.id):
        raise ServiceError(ALREADY_APPLIED)
    reasons = reason_words_after_waivers(eligibility(db, offer, actor.id), waived)
    if reasons:
        raise ServiceError(" ".join(written(w) for w in reasons))
    cap = _open_application_cap(db, actor.id)
    if cap:
        raise ServiceError(cap)
    data = forms.parse_apply(raw)
    application = Application(offer_id=offer.id, creator_id=actor.id, message=data.message,
                              proposed_fee=data.proposed_fee, media_attachments=[str(u) for u in data.links])
    _insert_once(db, application)
    notify(db, offer.business_id, NotificationType.APPLICATION_RECEIVED,
           params=params_for("application_received", title=offer.title, name=actor.display_name), offer_id=offer.id,
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
    application, offer, role = _load(db, actor, application_id)
    moves.move(db, application, lifecycle.WITHDRAW, role)
    emit(db, CountsChanged(offer.business_id))  # one applicant fewer in the business's navbar


def my_applications(db: Session, actor: Actor | None, status: object = None, page: object = 1,
                    page_size: object = 20) -> MyApplications:
    """The creator's applications (one status, or all), newest first, with counts per status."""
    actor = guards.creator(actor)
    wanted = guards.choice(status, ApplicationStatus, "status", "application status")
    page, page_size = guards.paging(page, page_size)
    counts = my_counts(db, actor.id)
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
    items = [my_row(a, o, o.brand_name or company or username, collab) for a, o, company, username, collab in rows]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return MyApplications(Page(items, total, page, page_size), counts)


# ---- the business's side ----------------------------------------------------------------------


def applicants_page(db: Session, actor: Actor | None, offer_id: object, status: object = None,
                    page: object = 1, page_size: object = 20,
                    verified_only: object = False) -> tuple[OwnerOffer, Page[ApplicantRow]]:
    """The offer's applicants page in one read: the offer as its owner sees it, and one page of
    applications (past the last page, the last page)."""
    offer = offer_management.get_offer_for_owner(db, actor, offer_id)
    listing = functools.partial(list_for_offer, verified_only=verified_only)
    return offer, page_or_last(db, actor, listing, offer_id, status, page=page, page_size=page_size)


def list_for_offer(db: Session, actor: Actor | None, offer_id: object, status: object = None,
                   page: object = 1, page_size: object = 20, verified_only: object = False) -> Page[ApplicantRow]:
    """An offer's applications with each creator's summary and fit; its owner and admins only.
    `verified_only` keeps the creators with verified figures on one of the offer's platforms."""
    actor = guards.signed_in(actor)
    offer = db.get(Offer, guards.object_id(offer_id, OFFER_NOT_FOUND))
    if offer is None or _role(actor, offer, None) is None:
        raise NotAllowed(OFFER_NOT_FOUND)
    wanted = guards.choice(status, ApplicationStatus, "status", "application status")
    page, page_size = guards.paging(page, page_size)
    where = [Application.offer_id == offer.id] + ([Application.status == wanted] if wanted else [])
    if guards.flag(verified_only, "verified_only"):
        where.append(_has_verified_figures(offer))
    total = db.exec(select(sa.func.count()).select_from(Application)
                    .join(Profile, Profile.user_id == Application.creator_id, isouter=True).where(*where)).one()
    rows = db.exec(
        select(Application, User, Profile)
        .join(User, User.id == Application.creator_id)
        .join(Profile, Profile.user_id == Application.creator_id, isouter=True)
        .where(*where).order_by(_featured_first(), Application.created_at.desc(), Application.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    conditions = offer_conditions(db, offer)
    earned = reputations(db, [u.id for _a, u, _p in rows])
    items = [applicant_row(a, creator_summary(u, p, conditions, tuple(earned[u.id].badges)), offer)
             for a, u, p in rows]
    return Page(items, total, page, page_size)


def _has_verified_figures(offer: Offer):
    """A reading from a connected account on one of the offer's platforms (any, when it names none)."""
    names = [p.lower() for p in offer.platforms if p in Platform.values()] or [p.value.lower() for p in Platform]
    return has_verified_figures(names)


def _featured_first():
    """Tier benefit: LEGEND applicants lead the list, newest first among them, then everyone else."""
    featured = sa.func.coalesce(Profile.tier_level, 0) == int(tier_benefits.FEATURED_TIER)
    return sa.case((featured, 0), else_=1)


def open_application(db: Session, actor: Actor | None, application_id: object) -> ApplicationDetail:
    """The business opening an application moves it from APPLIED to UNDER_REVIEW."""
    application, offer, role = _load(db, actor, application_id)
    if role == OWNER and application.status == lifecycle.APPLIED:
        try:
            moves.move(db, application, lifecycle.OPEN, role)
        except ServiceError:
            db.refresh(application)  # decided meanwhile by another click: show where it stands now
    return application_detail(db, application, offer, role)


def get_application(db: Session, actor: Actor | None, application_id: object) -> ApplicationDetail:
    application, offer, role = _load(db, actor, application_id)
    return application_detail(db, application, offer, role)


def accept(db: Session, actor: Actor | None, application_id: object, agreed_fee: object = None) -> uuid.UUID:
    """ACCEPTED, and a new Collaboration with the agreed fee; never beyond the offer's places."""
    actor = guards.signed_in(actor)
    key = guards.object_id(application_id, NOT_FOUND)
    _lock_offer_of(db, key)
    application, offer, role = _load(db, actor, key)
    target = moves.transition(application, lifecycle.ACCEPT, role)
    if offer.status not in LIVE:
        raise ServiceError("This offer is archived: it cannot take new collaborations.")
    fee = forms.agreed_fee(agreed_fee, application, offer)
    if not moves.decide_if_place_left(db, application, offer, target):
        raise ServiceError(moves.why_not_accepted(db, application, offer))
    collaboration = moves.start_collaboration(db, actor, application, offer, fee)
    notify(db, application.creator_id, NotificationType.APPLICATION_ACCEPTED,
           params=params_for("application_accepted", title=offer.title), offer_id=offer.id, application_id=application.id, collaboration_id=collaboration.id,
           related_user_id=offer.business_id)
    emit(db, CountsChanged(offer.business_id))  # one applicant fewer in the business's navbar
    return collaboration.id


def reject(db: Session, actor: Actor | None, application_id: object, reason: object = "") -> None:
    """REJECTED, with an optional reason the creator sees."""
    application, offer, role = _load(db, actor, application_id)
    text = forms.rejection_reason(reason)
    moves.move(db, application, lifecycle.REJECT, role, {"rejection_reason": text or None})
    words = (params_for("application_rejected_reason", title=offer.title, reason=text) if text
             else params_for("application_rejected", title=offer.title))
    notify(db, application.creator_id, NotificationType.APPLICATION_REJECTED, params=words, offer_id=offer.id, application_id=application.id, related_user_id=offer.business_id)
    emit(db, CountsChanged(offer.business_id))  # one applicant fewer in the business's navbar


# ---- loading and roles ------------------------------------------------------------------------


def _open_offer(db: Session, actor: Actor, key: uuid.UUID) -> Offer:
    """An offer a creator may look at: published (active or paused) or archived, never a draft,
    and not within the day PRO creators and up see it first (unless this creator is one of them)."""
    offer = db.get(Offer, key)
    if offer is None or offer.status is OfferStatus.DRAFT or not early_access.can_see(db, actor, offer, guards.now()):
        raise NotAllowed(OFFER_NOT_FOUND)
    if not invite_only.may_see(db, actor, offer):  # an invite-only offer, and no invitation
        raise NotAllowed(OFFER_NOT_FOUND)
    return offer


def _offer_closed(offer: Offer) -> list[str]:
    if offer.status is OfferStatus.PAUSED:
        return [N_("This offer is paused: it takes no applications for now.")]
    if offer.status is OfferStatus.ARCHIVED:
        return [N_("This offer is closed.")]
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
