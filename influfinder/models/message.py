"""Direct messages between two users, grouped by a conversation key."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.models._base import fk, json_column, timestamp, uuid_pk


def conversation_key(a: uuid.UUID, b: uuid.UUID) -> str:
    """The same key for both directions of a conversation."""
    low, high = sorted((str(a), str(b)))
    return f"{low}:{high}"


class Message(SQLModel, table=True):
    __tablename__ = "messages"
    __table_args__ = (
        sa.CheckConstraint("sender_id <> recipient_id", name="ck_messages_not_self"),
        sa.Index("ix_messages_conversation_created", "conversation_key", "created_at"),
        sa.Index("ix_messages_recipient_read", "recipient_id", "is_read"),
        # A user's conversations: the messages they sent (received ones use the index above).
        sa.Index("ix_messages_sender_created", "sender_id", "created_at"),
    )

    id: uuid.UUID = uuid_pk()
    conversation_key: str = Field(max_length=73)
    sender_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    recipient_id: uuid.UUID = fk("users.id", index=False, ondelete="CASCADE")
    content: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    attachments: list = json_column(list)  # [{"key", "name", "type", "size"}]: private storage keys and what they are
    collaboration_id: uuid.UUID | None = fk("collaborations.id", nullable=True, index=False, ondelete="SET NULL")
    is_read: bool = False
    read_at: datetime | None = timestamp(nullable=True)
    created_at: datetime = timestamp()
