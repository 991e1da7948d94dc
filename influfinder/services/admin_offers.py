"""Offer moderation: every offer on the platform with counts per status, and pausing or archiving one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import OfferStatus
from influfinder.models import Offer, Profile, User
from influfinder.services import guards, offer_management
from influfinder.services.actors import Actor
from influfinder.services.admin_access import admin_only, aware, contains, search_text, tally
from influfinder.services.pagination import Page


@dataclass(frozen=True)
class OfferRow:
    id: str
    title: str
    business: str  # the company or display name
    business_username: str
    status: str
    category: str
    city: str
    views: int
    applications: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class OfferModeration:
    page: Page[OfferRow]
    counts: dict[str, int]  # OfferStatus value -> offers matching the search


def list_offers(db: Session, actor: Actor | None, search: object = "", status: object = None, page: object = 1,
                page_size: object = 20) -> OfferModeration:
    """Every offer, most recently changed first, with counts per status of the offers `search` matches."""
    admin_only(actor)
    text = search_text(search)
    wanted = guards.choice(status, OfferStatus, "status", "offer status")
    page, page_size = guards.paging(page, page_size)
    where = [_offer_matches(text)] if text else []
    joined = (select(Offer.status, sa.func.count()).join(User, User.id == Offer.business_id)
              .join(Profile, Profile.user_id == User.id, isouter=True))
    counts = tally(db.exec(joined.where(*where).group_by(Offer.status)).all(), OfferStatus)
    if wanted:
        where.append(Offer.status == wanted)
    rows = db.exec(
        select(Offer, User.username, Profile.display_name, Profile.company_name)
        .join(User, User.id == Offer.business_id).join(Profile, Profile.user_id == User.id, isouter=True)
        .where(*where).order_by(Offer.updated_at.desc(), Offer.id).offset((page - 1) * page_size).limit(page_size)
    ).all()
    applied = offer_management.application_counts(db, [o.id for o, *_ in rows])
    items = [_offer_row(o, company or display or username, username, sum(applied[o.id].values()))
             for o, username, display, company in rows]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return OfferModeration(Page(items, total, page, page_size), counts)


def _offer_matches(text: str):
    """The title, the brand, or the business as the list shows it (company, display name, username)."""
    return sa.or_(contains(Offer.title, text), contains(Offer.brand_name, text), contains(User.username, text),
                  contains(sa.func.coalesce(Profile.company_name, ""), text),
                  contains(sa.func.coalesce(Profile.display_name, ""), text))


def _offer_row(offer: Offer, business: str, username: str, applications: int) -> OfferRow:
    return OfferRow(
        id=str(offer.id), title=offer.title, business=offer.brand_name or business, business_username=username,
        status=offer.status.value, category=offer.category.value, city=offer.city, views=offer.views_count,
        applications=applications, created_at=aware(offer.created_at), updated_at=aware(offer.updated_at),
    )


def pause_offer(db: Session, actor: Actor | None, offer_id: object) -> None:
    """ACTIVE -> PAUSED; the business may resume it once the problem is fixed."""
    offer_management.pause(db, admin_only(actor), offer_id)


def archive_offer(db: Session, actor: Actor | None, offer_id: object) -> None:
    """Takes the offer off the marketplace for good."""
    offer_management.archive(db, admin_only(actor), offer_id)
