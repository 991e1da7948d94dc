"""The public offer page as one read: the offer, its business's track record and, for a creator,
whether they may apply (each requirement met or not, and why)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlmodel import Session

from influfinder.services import applications, early_access
from influfinder.services import offers as offer_service
from influfinder.services.actors import Actor
from influfinder.services.applications import ApplyCheck
from influfinder.services.business_record import BusinessRecord, business_record
from influfinder.services.errors import ServiceError
from influfinder.services.offer_view_counts import record_view, viewer_key
from influfinder.services.offers import OfferDetail


@dataclass(frozen=True)
class OfferPage:
    detail: OfferDetail | None  # None: not an active public offer
    record: BusinessRecord | None
    check: ApplyCheck | None  # for a creator only
    viewer: str  # "anonymous", "creator" or "other" (a business, an agency, an admin)


def offer_page(db: Session, actor: Actor | None, offer_id: object) -> OfferPage:
    """One transaction; anything but an active public offer reads as "not found" (detail None)."""
    viewer = "anonymous" if actor is None else "creator" if actor.is_creator else "other"
    now = datetime.now(timezone.utc)
    detail = offer_service.get_public_offer_detail(db, offer_id, early_access.released_condition(db, actor, now))
    if detail is None:
        return OfferPage(None, None, None, viewer)
    check = None
    if actor is not None and actor.is_creator:
        try:
            check = applications.check_apply(db, actor, offer_id)
        except ServiceError as error:  # read-only: nothing to roll back; the panel says why
            check = ApplyCheck(False, [error.message], [], None)
    return OfferPage(detail, business_record(db, offer_id), check, viewer)


def count_view(db: Session, actor: Actor | None, offer_id: object, ip_address: str, user_agent: str) -> bool:
    """Count this viewer's look at the offer, once per viewer and day (see offer_view_counts)."""
    key = viewer_key(actor.id if actor else None, ip_address, user_agent)
    return record_view(db, offer_id, key, datetime.now(timezone.utc).date())
