"""Server-side sessions and one-time tokens. Only hashes of the secrets are stored."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import TokenPurpose
from influfinder.models._base import enum_column, timestamp, uuid_pk


class UserSession(SQLModel, table=True):
    __tablename__ = "user_sessions"
    __table_args__ = (sa.Index("ix_user_sessions_user_active", "user_id", "revoked_at"),)

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    token_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    # A pending session is a one-minute login grant, exchanged once for the cookie by an HTTP route.
    pending: bool = False
    remember: bool = False
    user_agent: str = Field(default="", max_length=300)
    ip_address: str = Field(default="", max_length=64)
    # A grant's browser: SHA-256 of the pre-login nonce cookie of the browser that logged in.
    browser_hash: str = Field(default="", sa_column=sa.Column(sa.String(64), nullable=False, server_default=""))
    created_at: datetime = timestamp()
    last_seen_at: datetime = timestamp()
    expires_at: datetime = timestamp()
    revoked_at: datetime | None = timestamp(nullable=True)


class OneTimeToken(SQLModel, table=True):
    """Email verification and password reset tokens: single use, expiring, one live per purpose."""

    __tablename__ = "one_time_tokens"
    __table_args__ = (sa.Index("ix_one_time_tokens_user_purpose", "user_id", "purpose"),)

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    purpose: TokenPurpose = enum_column(TokenPurpose)
    token_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    created_at: datetime = timestamp()
    expires_at: datetime = timestamp()
    used_at: datetime | None = timestamp(nullable=True)
