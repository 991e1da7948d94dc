"""In-app notifications, one row per event for one user."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import NotificationType
from influfinder.models._base import enum_column, fk, json_column, timestamp, uuid_pk


class Notification(SQLModel, table=True):
    __tablename__ = "notifications"
    __table_args__ = (
        # The bell (unread count) and the paged list, newest first.
        sa.Index("ix_notifications_user_read_created", "user_id", "is_read", "created_at"),
        sa.Index("ix_notifications_user_created", "user_id", "created_at"),
    )

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    type: NotificationType = enum_column(NotificationType)
    title: str = Field(max_length=200)
    content: str = Field(default="", max_length=2000)
    # What the words are made of, so each reader gets them in their own language
    # (services/notification_text.py); title/content keep an English copy for rows from before.
    params: dict = json_column(dict)
    related_offer_id: uuid.UUID | None = fk("offers.id", nullable=True, index=False, ondelete="SET NULL")
    related_application_id: uuid.UUID | None = fk(
        "applications.id", nullable=True, index=False, ondelete="SET NULL"
    )
    related_collaboration_id: uuid.UUID | None = fk(
        "collaborations.id", nullable=True, index=False, ondelete="SET NULL"
    )
    related_user_id: uuid.UUID | None = fk("users.id", nullable=True, index=False, ondelete="SET NULL")
    is_read: bool = False
    read_at: datetime | None = timestamp(nullable=True)
    created_at: datetime = timestamp()
