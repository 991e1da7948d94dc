"""Invitations: a business asks a creator to apply to one of its offers; creators may mute a business."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import InvitationStatus
from influfinder.models._base import enum_column, fk, timestamp, uuid_pk


class Invitation(SQLModel, table=True):
    __tablename__ = "invitations"
    __table_args__ = (
        # One invitation per offer and creator: inviting twice is refused, not repeated.
        sa.UniqueConstraint("offer_id", "creator_id", name="uq_invitations_offer_creator"),
        # The daily limit counts a business's invitations since a moment.
        sa.Index("ix_invitations_business_created", "business_id", "created_at"),
        # My applications: a creator's invitations by status, newest first.
        sa.Index("ix_invitations_creator_status", "creator_id", "status", "created_at"),
    )

    id: uuid.UUID = uuid_pk()
    offer_id: uuid.UUID = fk("offers.id", index=False, ondelete="CASCADE")
    creator_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    business_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    note: str = Field(default="", max_length=1000)
    # The business waived the offer's audience requirements for this creator (never the tier gate
    # of a public offer, never the offer being open).
    waive_requirements: bool = False
    status: InvitationStatus = enum_column(InvitationStatus, InvitationStatus.PENDING)
    application_id: uuid.UUID | None = fk("applications.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = timestamp()
    decided_at: datetime | None = timestamp(nullable=True)


class BusinessMute(SQLModel, table=True):
    """A creator who muted a business receives no more invitations from it."""

    __tablename__ = "business_mutes"

    creator_id: uuid.UUID = Field(sa_column=sa.Column(
        sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True))
    business_id: uuid.UUID = Field(sa_column=sa.Column(
        sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True))
    created_at: datetime = timestamp()
