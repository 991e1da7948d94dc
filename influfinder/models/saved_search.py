"""Saved searches: a creator's offer search or a business's creator search, with alerts."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import SavedSearchKind
from influfinder.models._base import enum_column, fk, json_column, timestamp, uuid_pk


class SavedSearch(SQLModel, table=True):
    __tablename__ = "saved_searches"
    __table_args__ = (sa.Index("ix_saved_searches_user_created", "user_id", "created_at"),)

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    kind: SavedSearchKind = enum_column(SavedSearchKind)
    name: str = Field(max_length=120)
    params: dict = json_column(dict)  # the search's URL query, as its page writes it
    # Alerts: results newer than this were already announced.
    checked_at: datetime = timestamp()
    created_at: datetime = timestamp()
