"""Refresh tokens of the HTTP API. Only hashes of the secrets are stored.

Every login starts a family; each refresh marks its token used and adds the next one to the same
family. A used token presented again means it was copied: the whole family is revoked.
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.models._base import timestamp, uuid_pk


class ApiRefreshToken(SQLModel, table=True):
    __tablename__ = "api_refresh_tokens"

    id: uuid.UUID = uuid_pk()
    family_id: uuid.UUID = Field(sa_column=sa.Column(sa.Uuid(), nullable=False, index=True))
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    token_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    created_at: datetime = timestamp()
    expires_at: datetime = timestamp()
    used_at: datetime | None = timestamp(nullable=True)  # rotated: the next token of the family exists
    revoked_at: datetime | None = timestamp(nullable=True)
