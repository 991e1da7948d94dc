"""Invitations: a business invites a creator to one of its published offers; the creator accepts
(which applies) or declines; a creator may mute a business. Rules: domain/invitations.py.

Who may do what: the offer's business invites (to its own ACTIVE offers, creators who did not mute it,
have not applied and were not invited to that offer yet, at most DAILY_INVITATION_LIMIT a day);
the invited creator alone sees, accepts and declines the invitation. Anyone else is told "not found".
Each decision is a conditional UPDATE on PENDING, so two clicks cannot both succeed. The creator is
notified in the transaction (services/notifications.py); the mail follows the commit through the
notification email hook, on by default for invitations.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from influfinder.i18n import N_, _
from influfinder.i18n.formats import number
from influfinder.domain import invitations as rules
from influfinder.domain.enums import InvitationStatus, NotificationType, OfferStatus
from influfinder.domain.transitions import CREATOR, TransitionRefused
from influfinder.models import Application, BusinessMute, Invitation, Offer, Profile, User
from influfinder.services import applications, guards
from influfinder.services.actors import Actor
from influfinder.services.creator_profiles import listed_creator
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.notifications import notify
from influfinder.services.offer_management import OFFER_NOT_FOUND

NOT_FOUND = N_("We could not find that invitation.")
CREATOR_NOT_FOUND = N_("We could not find that creator.")
ALREADY_INVITED = N_("You already invited this creator to this offer.")
ALREADY_APPLIED = N_("This creator already applied to this offer.")
MUTED = N_("This creator is not taking invitations from you.")
NOT_PUBLISHED = N_("Invite creators to a published offer: this one is not active.")
CHANGED = N_("This invitation was answered meanwhile. Reload the page to see where it stands.")


@dataclass(frozen=True)
class InvitationRow:
    id: str
    offer_id: str
    offer_title: str
    brand: str
    business_id: str
    business_username: str  # its public profile: /businesses/<username>
    note: str
    waive_requirements: bool
    invite_only: bool
    status: str
    application_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class InvitableOffer:
    id: str
    title: str


# ---- the business's side -----------------------------------------------------------------------


def invitable_offers(db: Session, actor: Actor | None) -> list[InvitableOffer]:
    """The business's ACTIVE offers, newest first: what the invite dialog offers."""
    actor = guards.business(actor)
    rows = db.exec(select(Offer.id, Offer.title).where(Offer.business_id == actor.id,
                                                        Offer.status == OfferStatus.ACTIVE)
                   .order_by(Offer.created_at.desc()).limit(100)).all()
    return [InvitableOffer(str(i), t) for i, t in rows]


def invite(db: Session, actor: Actor | None, offer_id: object, creator_username: object, note: object = "",
           waive_requirements: object = False) -> uuid.UUID:
    actor = guards.business(actor)
    offer = db.get(Offer, guards.object_id(offer_id, OFFER_NOT_FOUND))
    if offer is None or offer.business_id != actor.id:
        raise NotAllowed(OFFER_NOT_FOUND)
    if offer.status is not OfferStatus.ACTIVE:
        raise ServiceError(NOT_PUBLISHED)
    creator_id = _creator_id(db, creator_username)
    text = _note(note)
    waive = guards.flag(waive_requirements, "waive_requirements")
    _lock_business(db, actor.id)  # two tabs cannot both send the last invitation of the day
    problem = rules.limit_problem(_sent_in_window(db, actor.id))
    if problem:
        raise ServiceError(problem)
    if db.get(BusinessMute, (creator_id, actor.id)) is not None:
        raise ServiceError(MUTED)
    if db.exec(select(Application.id).where(Application.offer_id == offer.id,
                                            Application.creator_id == creator_id)).first():
        raise ServiceError(ALREADY_APPLIED)
    invitation = Invitation(offer_id=offer.id, creator_id=creator_id, business_id=actor.id, note=text,
                            waive_requirements=waive)
    _insert_once(db, invitation)
    business = _business_name(db, actor)
    notify(db, creator_id, NotificationType.INVITATION_RECEIVED, f"{business} invited you: {offer.title}",
           f"{business} invited you to apply to “{offer.title}”." + (f" They wrote: {text}" if text else "")
           + " Accept or decline it in My applications.", offer_id=offer.id, related_user_id=actor.id)
    return invitation.id


def _creator_id(db: Session, username: object) -> uuid.UUID:
    if not isinstance(username, str) or not 0 < len(username) <= 30:
        raise NotAllowed(CREATOR_NOT_FOUND)
    found = db.exec(select(User.id).where(User.username == username.lower(), listed_creator())).first()
    if found is None:
        raise NotAllowed(CREATOR_NOT_FOUND)
    return found


def _note(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value.strip()) > rules.MAX_NOTE:
        raise ServiceError(_("Write a note of at most {n} characters.").format(n=number(rules.MAX_NOTE)), "note")
    return value.strip()


def _lock_business(db: Session, business_id: uuid.UUID) -> None:
    db.exec(select(User.id).where(User.id == business_id).with_for_update()).first()


def _sent_in_window(db: Session, business_id: uuid.UUID) -> int:
    since = guards.now() - rules.LIMIT_WINDOW
    return db.exec(select(sa.func.count()).select_from(Invitation)
                   .where(Invitation.business_id == business_id, Invitation.created_at > since)).one()


def _insert_once(db: Session, invitation: Invitation) -> None:
    """The unique (offer, creator) index settles two concurrent invitations: the second is told why."""
    db.add(invitation)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        raise ServiceError(ALREADY_INVITED) from None


def _business_name(db: Session, actor: Actor) -> str:
    company = db.exec(select(Profile.company_name).where(Profile.user_id == actor.id)).first()
    return company or actor.display_name


# ---- the creator's side ------------------------------------------------------------------------


def my_invitations(db: Session, actor: Actor | None, pending_only: object = True) -> list[InvitationRow]:
    """The creator's invitations, pending ones first, newest first (at most 50)."""
    actor = guards.creator(actor)
    only_pending = guards.flag(pending_only, "pending_only")
    where = [Invitation.creator_id == actor.id]
    if only_pending:
        where.append(Invitation.status == InvitationStatus.PENDING)
    rows = db.exec(
        select(Invitation, Offer, Profile.company_name, User.username)
        .join(Offer, Offer.id == Invitation.offer_id)
        .join(User, User.id == Invitation.business_id)
        .join(Profile, Profile.user_id == Invitation.business_id, isouter=True)
        .where(*where).order_by(Invitation.created_at.desc(), Invitation.id).limit(50)
    ).all()
    return [InvitationRow(str(i.id), str(o.id), o.title, o.brand_name or company or username, str(i.business_id),
                          username, i.note, i.waive_requirements, not o.is_public, i.status.value,
                          str(i.application_id) if i.application_id else None, i.created_at)
            for i, o, company, username in rows]


def accept(db: Session, actor: Actor | None, invitation_id: object, message: object = "") -> uuid.UUID:
    """Apply to the offer through the invitation (its waivers count); the invitation is ACCEPTED."""
    actor = guards.creator(actor)
    invitation = _mine(db, actor, invitation_id)
    _check(invitation, rules.ACCEPT)
    offer = db.get(Offer, invitation.offer_id)
    waived = rules.waived_checks(invite_only=not offer.is_public, waive_requirements=invitation.waive_requirements)
    text = message.strip() if isinstance(message, str) else ""
    raw = {"message": text or f"I accept your invitation to “{offer.title}”. Happy to collaborate!"}
    application_id = applications.apply_invited(db, actor, offer, raw, waived)
    _decide(db, invitation, InvitationStatus.ACCEPTED, application_id)
    return application_id


def decline(db: Session, actor: Actor | None, invitation_id: object) -> None:
    actor = guards.creator(actor)
    invitation = _mine(db, actor, invitation_id)
    _check(invitation, rules.DECLINE)
    _decide(db, invitation, InvitationStatus.DECLINED, None)


def _mine(db: Session, actor: Actor, invitation_id: object) -> Invitation:
    invitation = db.get(Invitation, guards.object_id(invitation_id, NOT_FOUND), populate_existing=True)
    if invitation is None or invitation.creator_id != actor.id:
        raise NotAllowed(NOT_FOUND)
    return invitation


def _check(invitation: Invitation, action: str) -> None:
    try:
        rules.invitation_transition(invitation.status, action, CREATOR)
    except TransitionRefused as refusal:
        raise ServiceError(refusal.message) from None


def _decide(db: Session, invitation: Invitation, target: InvitationStatus, application_id: uuid.UUID | None) -> None:
    result = db.exec(
        sa.update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.status == InvitationStatus.PENDING)
        .values(status=target, decided_at=guards.now(), application_id=application_id)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError(CHANGED)


# ---- muting ------------------------------------------------------------------------------------


def set_muted(db: Session, actor: Actor | None, business_id: object, muted: object) -> None:
    """The creator mutes (or unmutes) a business: no more invitations from it. Pending ones stay."""
    actor = guards.creator(actor)
    key = guards.object_id(business_id, "We could not find that business.")
    wanted = guards.flag(muted, "muted")
    business = db.get(User, key)
    if business is None or business.user_type.value not in ("BUSINESS", "AGENCY"):
        raise NotAllowed("We could not find that business.")
    existing = db.get(BusinessMute, (actor.id, key))
    if wanted and existing is None:
        db.add(BusinessMute(creator_id=actor.id, business_id=key))
        try:
            db.flush()
        except IntegrityError:
            db.rollback()  # muted meanwhile from another tab: the same outcome, nothing else was written
    elif not wanted and existing is not None:
        db.delete(existing)
        db.flush()


@dataclass(frozen=True)
class MutedBusiness:
    business_id: str
    name: str
    username: str


def muted_list(db: Session, actor: Actor | None) -> list[MutedBusiness]:
    """The businesses this creator muted, by name, so each can be unmuted."""
    actor = guards.creator(actor)
    rows = db.exec(
        select(User.id, User.username, Profile.company_name, Profile.display_name)
        .join(BusinessMute, BusinessMute.business_id == User.id)
        .join(Profile, Profile.user_id == User.id, isouter=True)
        .where(BusinessMute.creator_id == actor.id).order_by(User.username)
    ).all()
    return [MutedBusiness(str(i), company or display or username, username) for i, username, company, display in rows]
