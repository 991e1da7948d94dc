"""Which provider account signs in to which user: one row per (provider, subject).

The unique pair means one Google (Facebook, ...) account can never sign in to two users, even when
two sign-ins race. `User.auth_providers` keeps the same facts as the brief's summary of how an
account signs in; this table is what sign-in looks up.
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.oauth_identity import PROVIDERS
from influfinder.models._base import timestamp, uuid_pk

_PROVIDER_LIST = ", ".join(f"'{name}'" for name in PROVIDERS)


class OAuthIdentity(SQLModel, table=True):
    __tablename__ = "oauth_identities"
    __table_args__ = (
        sa.UniqueConstraint("provider", "subject", name="uq_oauth_identities_provider_subject"),
        sa.UniqueConstraint("user_id", "provider", name="uq_oauth_identities_user_provider"),
        sa.CheckConstraint(f"provider IN ({_PROVIDER_LIST})", name="ck_oauth_identities_provider"),
    )

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    provider: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    subject: str = Field(sa_column=sa.Column(sa.String(255), nullable=False))
    created_at: datetime = timestamp()
