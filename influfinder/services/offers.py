"""Offer use cases and the reads that offer pages need."""

from __future__ import annotations

import logging
import uuid
from collections import namedtuple
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, select

from influfinder.domain.enums import OfferStatus
from influfinder.domain.offer_terms import ContentSpecs, Requirements
from influfinder.models import Offer, Profile, User
from influfinder.services import early_access, invite_only
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OfferSummary:
    """What an offer card shows; public data only."""

    id: str
    title: str
    description: str
    brand: str
    category: str
    platforms: list[str]
    city: str
    requires_visit: bool
    budget_min: Decimal | None
    budget_max: Decimal | None
    currency: str
    compensation_type: str
    compensation_value: Decimal | None
    application_deadline: datetime | None
    min_tier: int
    slots: int
    created_at: datetime
    published_at: datetime | None
    cover_image: str | None = None  # storage key of the uploaded cover; None: the category's illustration


def _public_filter():
    return sa.and_(Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True))


# What a card reads: a list of offers selects these columns (`select(*SUMMARY_COLUMNS, ...)`) rather than
# whole offers, whose terms are JSON parsed on every row and whose rows the ORM would track.
_SUMMARY_NAMES = (
    "id", "title", "description", "brand_name", "category", "platforms", "city", "requires_visit", "budget_min",
    "budget_max", "currency", "compensation_type", "compensation_value", "application_deadline", "min_tier", "slots",
    "created_at", "published_at", "cover_image",
)
SUMMARY_COLUMNS = tuple(Offer.__table__.c[name] for name in _SUMMARY_NAMES)
# A result row's attributes are looked up by name (0.3 µs each, 19 per card); a named tuple's are read by position.
_SummaryRow = namedtuple("_SummaryRow", _SUMMARY_NAMES)


def summary_of_row(row: sa.Row, company: str) -> OfferSummary:
    """The card of a row that starts with SUMMARY_COLUMNS."""
    return _summary(_SummaryRow._make(row[:len(_SUMMARY_NAMES)]), company)


def _summary(offer: Offer | _SummaryRow, company: str) -> OfferSummary:
    return OfferSummary(
        id=str(offer.id),
        title=offer.title,
        description=offer.description,
        brand=offer.brand_name or company,
        category=str(offer.category),
        platforms=list(offer.platforms),
        city=offer.city,
        requires_visit=offer.requires_visit,
        budget_min=offer.budget_min,
        budget_max=offer.budget_max,
        currency=str(offer.currency),
        compensation_type=str(offer.compensation_type),
        compensation_value=offer.compensation_value,
        application_deadline=offer.application_deadline,
        min_tier=offer.min_tier,
        slots=offer.slots,
        created_at=offer.created_at,
        published_at=offer.published_at,
        cover_image=offer.cover_image,
    )


@dataclass(frozen=True)
class OfferDetail:
    """The public page of one offer: the card's fields and the terms a creator must know."""

    summary: OfferSummary
    compensation_details: str
    content_deadline: datetime | None
    address: str  # empty unless the offer requires a visit
    requirements: Requirements
    content_specs: ContentSpecs


def get_public_offer_detail(db: Session, offer_id: object, visible=None, listed=None) -> OfferDetail | None:
    """An active public offer with its requirements and content specs; None for any other id.

    `visible` is an extra SQL condition the offer must meet (services.early_access for a viewer);
    `listed`, when given, replaces "public" (services.invite_only: invite-only offers for the invited).
    """
    try:
        key = uuid.UUID(str(offer_id))
    except ValueError:
        return None
    row = db.exec(
        select(Offer, Profile.company_name, User.username)
        .join(User, User.id == Offer.business_id)
        .join(Profile, Profile.user_id == Offer.business_id, isouter=True)
        .where(Offer.id == key, _public_filter() if listed is None else sa.and_(Offer.status == OfferStatus.ACTIVE, listed),
               sa.true() if visible is None else visible)
    ).first()
    if row is None:
        return None
    offer, company, username = row
    return OfferDetail(
        summary=_summary(offer, company or username),
        compensation_details=offer.compensation_details,
        content_deadline=offer.content_deadline,
        address=offer.address if offer.requires_visit else "",
        requirements=_stored_terms(Requirements, offer.requirements, offer.id),
        content_specs=_stored_terms(ContentSpecs, offer.content_specs, offer.id),
    )


def _stored_terms(model, raw: object, offer_id: uuid.UUID):
    # Rows written before validation existed may not parse: show defaults rather than fail the page.
    try:
        return model.model_validate(raw or {})
    except ValidationError:
        logger.warning("offer %s has invalid %s; showing defaults", offer_id, model.__name__)
        return model()


OFFER_NOT_FOUND = "We could not find that offer."


def visible_detail(db: Session, actor: Actor | None, offer_id: object) -> OfferDetail | None:
    """An active offer `actor` (anyone) may see yet, early access and invitations included; None for any other id."""
    now = datetime.now(timezone.utc)
    return get_public_offer_detail(db, offer_id, early_access.released_condition(db, actor, now),
                                   listed=invite_only.listed_condition(actor))


def offer_for_viewer(db: Session, actor: Actor | None, offer_id: object) -> OfferDetail:
    """`visible_detail`, refusing with "not found" (the HTTP API's offer page)."""
    detail = visible_detail(db, actor, offer_id)
    if detail is None:
        raise NotAllowed(OFFER_NOT_FOUND)
    return detail
