"""Messaging: per-type notification preferences, and an index for a user's sent messages.

`notification_preferences` holds only the choices a user made (whether a notification type also
comes by email); a type without a row follows its default. `ix_messages_sender_created` lets the
conversations list find the messages a user sent as fast as the ones they received.

Revision ID: 0005_messaging
Revises: 0004_submission_media
Create Date: 2026-11-29 10:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0005_messaging'
down_revision: Union[str, None] = '0004_submission_media'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

NOTIFICATION_TYPES = (
    'APPLICATION_RECEIVED', 'APPLICATION_ACCEPTED', 'APPLICATION_REJECTED', 'COLLABORATION_SCHEDULED',
    'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'CONTENT_CHANGES_REQUESTED', 'RATING_RECEIVED', 'TIER_UPGRADED',
    'MESSAGE_RECEIVED', 'DISPUTE_OPENED',
)


def upgrade() -> None:
    op.create_table('notification_preferences',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.Enum(*NOTIFICATION_TYPES, name='ck_notificationtype', native_enum=False,
                              create_constraint=True, length=32), nullable=False),
    sa.Column('email', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'type')
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index('ix_messages_sender_created', ['sender_id', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_sender_created')
    op.drop_table('notification_preferences')
