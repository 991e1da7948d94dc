"""An application's moves, each one conditional UPDATE that writes only if nothing changed meanwhile
(services/applications.py decides who may make which): withdraw, open, reject, and accept with the slot
rule in the same statement, which then starts the collaboration."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import application_lifecycle as lifecycle
from influfinder.domain.enums import ApplicationStatus, CollaborationStatus
from influfinder.domain.transitions import TransitionRefused
from influfinder.i18n import N_
from influfinder.models import Application, Collaboration, CollaborationEvent, Offer
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.offer_management import LIVE, taken_slot_filter
from influfinder.services.status_moves import move_status

CHANGED = N_("This application was changed meanwhile. Reload the page to see where it stands.")


def transition(application: Application, action: str, role: str) -> ApplicationStatus:
    try:
        return lifecycle.application_transition(application.status, action, role)
    except TransitionRefused as refusal:
        if refusal.kind == "wrong_role":
            raise NotAllowed(refusal.message) from None
        raise ServiceError(refusal.message) from None


def move(db: Session, application: Application, action: str, role: str,
                values: dict | None = None) -> None:
    target = transition(application, action, role)
    move_status(db, application, target, CHANGED, updated_at=guards.now(), **(values or {}))


def decide_if_place_left(db: Session, application: Application, offer: Offer, target: ApplicationStatus) -> bool:
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


def why_not_accepted(db: Session, application: Application, offer: Offer) -> str:
    db.refresh(offer)
    db.refresh(application)
    if application.status not in lifecycle.UNDECIDED:
        return f"This application was {application.status.value.replace('_', ' ').lower()} meanwhile."
    if offer.status not in LIVE:
        return "This offer was archived meanwhile: it cannot take new collaborations."
    return f"Every place on this offer is taken ({offer.slots} of {offer.slots}): it cannot accept more creators."


def start_collaboration(db: Session, actor: Actor, application: Application, offer: Offer,
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


