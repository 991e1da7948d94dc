"""Reminders already sent: one row per collaboration and kind (domain/reminders.py).

The primary key is what makes "sent once" hold when two processes run the hourly job at once: each
inserts the row or nothing (services/reminders.py), in the transaction that writes the notifications,
and only the one whose insert took sends them.
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.models._base import timestamp


class CollaborationReminder(SQLModel, table=True):
    __tablename__ = "collaboration_reminders"

    collaboration_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("collaborations.id", ondelete="CASCADE"), primary_key=True)
    )
    kind: str = Field(sa_column=sa.Column(sa.String(24), primary_key=True))
    sent_at: datetime = timestamp()
