"""A creator's Instagram, TikTok or Facebook account connected for its figures, and its dated readings.

One account of each provider per user, and one user per provider account: two creators cannot both
claim the same audience. Tokens are stored sealed (integrations/token_vault). Snapshots keep one
reading per account per day; the latest good one is what the pages show (Profile.verified_audience
holds a copy for the queries that filter by audience). Unlinking deletes the account and its
snapshots, as the platforms' terms ask.
"""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.verified_audience import CONNECTABLE, OK
from influfinder.models._base import timestamp, uuid_pk

_PROVIDER_LIST = ", ".join(f"'{name}'" for name in CONNECTABLE)


class ConnectedAccount(SQLModel, table=True):
    __tablename__ = "connected_accounts"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "provider", name="uq_connected_accounts_user_provider"),
        sa.UniqueConstraint("provider", "external_id", name="uq_connected_accounts_provider_external"),
        sa.CheckConstraint(f"provider IN ({_PROVIDER_LIST})", name="ck_connected_accounts_provider"),
    )

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    provider: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    external_id: str = Field(sa_column=sa.Column(sa.String(255), nullable=False))
    handle: str = Field(default="", max_length=100)
    access_token: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))  # sealed
    refresh_token: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))  # sealed
    token_expires_at: dt.datetime | None = timestamp(nullable=True)
    status: str = Field(default=OK, max_length=16)  # domain.verified_audience: ok, expired, revoked, ...
    failures: int = 0  # failed refreshes in a row, for the backoff
    next_refresh_at: dt.datetime = timestamp(index=True)
    last_attempt_at: dt.datetime | None = timestamp(nullable=True)
    created_at: dt.datetime = timestamp()
    updated_at: dt.datetime = timestamp()


class AudienceSnapshot(SQLModel, table=True):
    __tablename__ = "audience_snapshots"
    __table_args__ = (sa.UniqueConstraint("account_id", "taken_on", name="uq_audience_snapshots_account_day"),)

    id: uuid.UUID = uuid_pk()
    account_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("connected_accounts.id", ondelete="CASCADE"), nullable=False)
    )
    taken_on: dt.date = Field(sa_column=sa.Column(sa.Date(), nullable=False))
    taken_at: dt.datetime = timestamp()
    handle: str = Field(default="", max_length=100)
    display_name: str = Field(default="", max_length=200)
    followers: int = 0
    following: int | None = None
    posts: int = 0
    provider_verified: bool | None = None  # the platform's own badge, when its API says
    engagement: float | None = None  # percent; None when the API gives no per-post figures
