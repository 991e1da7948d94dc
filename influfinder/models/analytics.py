"""Platform figures, one row per day."""

import uuid
import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.models._base import money, timestamp, uuid_pk


class Analytics(SQLModel, table=True):
    __tablename__ = "analytics"

    id: uuid.UUID = uuid_pk()
    date: dt.date = Field(sa_column=sa.Column(sa.Date(), nullable=False, unique=True))
    total_users: int = 0
    new_users: int = 0
    total_offers_created: int = 0
    active_offers: int = 0
    total_applications: int = 0
    total_collaborations_completed: int = 0
    total_revenue: Decimal | None = money()
    avg_tier_level: float = 0.0
    created_at: dt.datetime = timestamp()
