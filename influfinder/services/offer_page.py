"""The public offer page as one read: the offer, its business's track record and, for a creator,
whether they may apply (each requirement met or not, and why)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlmodel import Session

from influfinder.models import Offer
from influfinder.services import applications
from influfinder.services import offers as offer_service
from influfinder.services.actors import Actor
from influfinder.services.applications import ApplyCheck
from influfinder.services.business_record import BusinessRecord, business_record
from influfinder.services.errors import ServiceError
from influfinder.services.offer_view_counts import record_view, viewer_key
from influfinder.services.offers import OfferDetail


@dataclass(frozen=True)
class OfferPage:
    detail: OfferDetail | None  # None: not an active public offer (nor an invite-only one the viewer was invited to)
    record: BusinessRecord | None
    check: ApplyCheck | None  # for a creator only
    viewer: str  # "anonymous", "creator" or "other" (a business, an agency, an admin)
    mine: bool = False  # the viewer owns the offer (or is an admin): the page links its numbers


def offer_page(db: Session, actor: Actor | None, offer_id: object) -> OfferPage:
    """One transaction; anything but an active public offer reads as "not found" (detail None)."""
    viewer = "anonymous" if actor is None else "creator" if actor.is_creator else "other"
    detail = offer_service.visible_detail(db, actor, offer_id)
    if detail is None:
        return OfferPage(None, None, None, viewer)
    check = None
    if actor is not None and actor.is_creator:
        try:
            check = applications.check_apply(db, actor, offer_id)
        except ServiceError as error:  # read-only: nothing to roll back; the panel says why
            check = ApplyCheck(False, [error.message], [], None)
    owner = db.get(Offer, uuid.UUID(detail.summary.id)) if actor is not None else None
    mine = owner is not None and (owner.business_id == actor.id or actor.is_admin)
    return OfferPage(detail, business_record(db, offer_id), check, viewer, mine)


def count_view(db: Session, actor: Actor | None, offer_id: object, ip_address: str, user_agent: str) -> bool:
    """Count this viewer's look at the offer, once per viewer and day (see offer_view_counts)."""
    key = viewer_key(actor.id if actor else None, ip_address, user_agent)
    return record_view(db, offer_id, key, datetime.now(timezone.utc).date())
