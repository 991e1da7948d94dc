"""Offers that businesses and agencies publish."""

import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import CompensationType, Currency, OfferCategory, OfferStatus
from influfinder.domain.offer_terms import requirement_minimums
from influfinder.models._base import enum_column, fk, json_column, money, timestamp, uuid_pk


class Offer(SQLModel, table=True):
    __tablename__ = "offers"
    __table_args__ = (
        sa.CheckConstraint("budget_min IS NULL OR budget_min >= 0", name="ck_offers_budget_min"),
        sa.CheckConstraint(
            "budget_min IS NULL OR budget_max IS NULL OR budget_min <= budget_max", name="ck_offers_budget_range"
        ),
        sa.CheckConstraint("slots >= 1", name="ck_offers_slots"),
        sa.CheckConstraint("min_tier BETWEEN 0 AND 5", name="ck_offers_min_tier"),
        # The public list: active offers, newest first or closing soon, by category and city.
        sa.Index("ix_offers_status_created", "status", "created_at"),
        sa.Index("ix_offers_status_deadline", "status", "application_deadline"),
        sa.Index("ix_offers_status_category", "status", "category"),
        sa.Index("ix_offers_status_city", "status", "city"),
        # A business's own offers by status.
        sa.Index("ix_offers_business_status", "business_id", "status"),
    )

    id: uuid.UUID = uuid_pk()
    business_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    brand_name: str = Field(default="", max_length=120)  # agencies name the brand they act for
    title: str = Field(max_length=120)
    description: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    category: OfferCategory = enum_column(OfferCategory)
    platforms: list = json_column(list)  # [Platform]
    budget_min: Decimal | None = money()
    budget_max: Decimal | None = money()
    currency: Currency = enum_column(Currency, Currency.EUR)
    compensation_type: CompensationType = enum_column(CompensationType, CompensationType.PAID)
    compensation_value: Decimal | None = money()  # retail value of the product or experience
    compensation_details: str = Field(default="", max_length=500)
    status: OfferStatus = enum_column(OfferStatus, OfferStatus.DRAFT)
    is_public: bool = True
    requirements: dict = json_column(dict)  # domain.offer_terms.Requirements
    # The requirements' minimums as typed columns, for Browse's "only offers I qualify for" (compared in
    # SQL, not read from JSON per row): kept from `requirements` by keep_requirement_minimums below on
    # every ORM write, and by services/offer_management.columns for its UPDATE statements.
    influencer_min_followers: int = Field(default=0, sa_column=sa.Column(sa.Integer(), nullable=False,
                                                                         server_default="0"))
    influencer_min_engagement: float = Field(default=0.0, sa_column=sa.Column(sa.Float(), nullable=False,
                                                                              server_default="0"))
    influencer_verified: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                                         server_default=sa.false()))
    regular_min_followers: int = Field(default=0, sa_column=sa.Column(sa.Integer(), nullable=False,
                                                                      server_default="0"))
    regular_min_engagement: float = Field(default=0.0, sa_column=sa.Column(sa.Float(), nullable=False,
                                                                           server_default="0"))
    content_specs: dict = json_column(dict)  # domain.offer_terms.ContentSpecs
    application_deadline: datetime | None = timestamp(nullable=True)
    content_deadline: datetime | None = timestamp(nullable=True)
    requires_visit: bool = False
    # Creators may show this offer's collaborations on their public profile (services/portfolio.py).
    portfolio_allowed: bool = Field(default=True, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                                       server_default=sa.true()))
    city: str = Field(default="", max_length=80)
    address: str = Field(default="", max_length=200)
    slots: int = 1
    min_tier: int = 0
    cover_image: str | None = Field(default=None, max_length=200)
    views_count: int = 0
    published_at: datetime | None = timestamp(nullable=True)
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


@sa.event.listens_for(Offer, "before_insert")
def _new_requirement_minimums(_mapper, _connection, offer: Offer) -> None:
    keep_requirement_minimums(offer)


@sa.event.listens_for(Offer, "before_update")
def _changed_requirement_minimums(_mapper, _connection, offer: Offer) -> None:
    if sa.inspect(offer).attrs.requirements.history.has_changes():
        keep_requirement_minimums(offer)


def keep_requirement_minimums(offer: Offer) -> None:
    """The typed minimums follow `requirements` (domain.offer_terms.requirement_minimums, the rule the
    migration 0021_offer_search filled existing rows with)."""
    for name, value in requirement_minimums(offer.requirements).items():
        setattr(offer, name, value)
