"""A collaboration between a creator and a business, and the log of its transitions."""

import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import CollaborationStatus, Currency
from influfinder.models._base import enum_column, fk, money, timestamp, uuid_pk

_RATING = "{0} IS NULL OR ({0} >= 1 AND {0} <= 5)"


class Collaboration(SQLModel, table=True):
    __tablename__ = "collaborations"
    __table_args__ = (
        sa.CheckConstraint(_RATING.format("creator_rating"), name="ck_collaborations_creator_rating"),
        sa.CheckConstraint(_RATING.format("business_rating"), name="ck_collaborations_business_rating"),
        sa.Index("ix_collaborations_creator_status", "creator_id", "status"),
        sa.Index("ix_collaborations_business_status", "business_id", "status"),
        # The periodic job: approved collaborations still IN_REVIEW, oldest approval first.
        sa.Index("ix_collaborations_status_approved", "status", "approved_at"),
    )

    id: uuid.UUID = uuid_pk()
    offer_id: uuid.UUID = fk("offers.id", ondelete="CASCADE")
    application_id: uuid.UUID | None = Field(
        default=None,
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("applications.id", ondelete="SET NULL"), unique=True),
    )
    creator_id: uuid.UUID = fk("users.id", index=False)
    business_id: uuid.UUID = fk("users.id", index=False)
    status: CollaborationStatus = enum_column(CollaborationStatus, CollaborationStatus.ACCEPTED)
    agreed_fee: Decimal | None = money()
    currency: Currency = enum_column(Currency, Currency.EUR)
    # The visit date on the table and who put it there; the other party confirms it or proposes
    # another (domain/collaboration_lifecycle.py). scheduled_date is the confirmed date.
    proposed_date: datetime | None = timestamp(nullable=True)
    proposed_by: str | None = Field(default=None, max_length=16)  # "creator" or "owner" (the business)
    schedule_confirmed_at: datetime | None = timestamp(nullable=True)
    scheduled_date: datetime | None = timestamp(nullable=True)
    # The visit code is never stored: it is recomputed from the nonce (domain/visit_code.py).
    visit_code_nonce: str | None = Field(default=None, max_length=32)
    visit_code_hash: str | None = Field(default=None, max_length=64)
    visited_at: datetime | None = timestamp(nullable=True)
    approved_at: datetime | None = timestamp(nullable=True)
    completed_date: datetime | None = timestamp(nullable=True)
    # creator_rating is the rating the creator received (given by the business), and vice versa.
    creator_rating: int | None = None
    business_rating: int | None = None
    creator_feedback: str | None = Field(default=None, max_length=2000)
    business_feedback: str | None = Field(default=None, max_length=2000)
    dispute_reason: str | None = Field(default=None, max_length=2000)
    # The creator shows this one on the public profile (off by default; the offer may forbid it).
    in_portfolio: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                                   server_default=sa.false()))
    # Bumped by every transition: a conditional UPDATE on it makes concurrent clicks lose cleanly.
    version: int = 1
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class CollaborationEvent(SQLModel, table=True):
    """One row per transition: who, when, from, to and a note. The collaboration page's timeline."""

    __tablename__ = "collaboration_events"
    __table_args__ = (sa.Index("ix_collaboration_events_collab_created", "collaboration_id", "created_at"),)

    id: uuid.UUID = uuid_pk()
    collaboration_id: uuid.UUID = fk("collaborations.id", index=False, ondelete="CASCADE")
    actor_id: uuid.UUID | None = fk("users.id", nullable=True, index=False, ondelete="SET NULL")
    action: str = Field(max_length=40)
    from_status: CollaborationStatus | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Enum(CollaborationStatus, native_enum=False, create_constraint=True, length=32,
                    name="ck_collaborationstatus_from"),
            nullable=True,
        ),
    )
    to_status: CollaborationStatus = Field(
        sa_column=sa.Column(
            sa.Enum(CollaborationStatus, native_enum=False, create_constraint=True, length=32,
                    name="ck_collaborationstatus_to"),
            nullable=False,
        )
    )
    note: str = Field(default="", max_length=2000)
    created_at: datetime = timestamp()
