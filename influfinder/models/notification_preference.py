"""Per-type notification preferences: whether a user also wants a type by email.

Only the choices a user made are stored; a missing row means the type's default
(services/notification_preferences.py).
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import NotificationType
from influfinder.models._base import timestamp


class NotificationPreference(SQLModel, table=True):
    __tablename__ = "notification_preferences"

    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    type: NotificationType = Field(
        sa_column=sa.Column(
            sa.Enum(NotificationType, native_enum=False, create_constraint=True, length=32,
                    name="ck_notificationtype"),
            primary_key=True,
        )
    )
    email: bool = Field(sa_column=sa.Column(sa.Boolean(), nullable=False))
    updated_at: datetime = timestamp()
