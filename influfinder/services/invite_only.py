"""Invite-only offers (not public): only their business, admins and the creators invited see them.

Their link is no longer enough: a creator without an invitation is told "not found", on the offer's
page and when applying. Kept apart from services/invitations.py so the offer and application reads
can ask without importing the invitation use cases (which apply through services/applications.py).
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.models import Invitation, Offer
from influfinder.services.actors import Actor


def invitation_for(db: Session, offer_id: uuid.UUID, creator_id: uuid.UUID) -> Invitation | None:
    return db.exec(select(Invitation).where(Invitation.offer_id == offer_id,
                                            Invitation.creator_id == creator_id)).first()


def may_see(db: Session, actor: Actor | None, offer: Offer) -> bool:
    """Whether `actor` may see `offer` as far as invite-only goes."""
    if offer.is_public:
        return True
    if actor is None:
        return False
    if actor.is_admin or offer.business_id == actor.id:
        return True
    return actor.is_creator and invitation_for(db, offer.id, actor.id) is not None


def listed_condition(actor: Actor | None):
    """SQL for the offer pages: public offers, and the invite-only ones this viewer may see."""
    public = Offer.is_public.is_(True)
    if actor is None:
        return public
    if actor.is_admin:
        return sa.true()
    invited = sa.exists().where(Invitation.offer_id == Offer.id, Invitation.creator_id == actor.id)
    return sa.or_(public, Offer.business_id == actor.id, invited)
