"""A creator's application to an offer: one per offer and creator."""

import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import ApplicationStatus
from influfinder.models._base import enum_column, fk, json_column, money, timestamp, uuid_pk


class Application(SQLModel, table=True):
    __tablename__ = "applications"
    __table_args__ = (
        sa.UniqueConstraint("offer_id", "creator_id", name="uq_applications_offer_creator"),
        sa.CheckConstraint("proposed_fee IS NULL OR proposed_fee >= 0", name="ck_applications_fee"),
        sa.Index("ix_applications_offer_status", "offer_id", "status"),
        sa.Index("ix_applications_creator_status", "creator_id", "status"),
    )

    id: uuid.UUID = uuid_pk()
    offer_id: uuid.UUID = fk("offers.id", index=False, ondelete="CASCADE")
    creator_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    status: ApplicationStatus = enum_column(ApplicationStatus, ApplicationStatus.APPLIED)
    message: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    media_attachments: list = json_column(list)  # [url]
    proposed_fee: Decimal | None = money()
    rejection_reason: str | None = Field(default=None, max_length=500)
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
