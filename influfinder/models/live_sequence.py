"""Each user's live-update counter: the sequence number of the last live update published to them."""

import uuid

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class LiveSequence(SQLModel, table=True):
    """One row per user who was ever sent a live update; `last` only grows (services/live_updates)."""

    __tablename__ = "live_sequences"

    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True))
    last: int = Field(default=0, sa_column=sa.Column(sa.BigInteger(), nullable=False, server_default="0"))
