"""A user's reputation figures as computed on one day (services/reputation.py): the day's cache."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.models._base import json_column, timestamp


class ReputationDay(SQLModel, table=True):
    __tablename__ = "reputation_days"

    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    day: dt.date = Field(sa_column=sa.Column(sa.Date(), primary_key=True))
    figures: dict = json_column(dict)  # domain.reputation.Reputation as a dict
    created_at: dt.datetime = timestamp()
