"""Reminders and time zones (issues 11 and 15).

- `collaboration_reminders`: one row per collaboration and kind of reminder sent; its primary key
  makes two processes running the hourly job at once send each reminder once.
- the notification type COLLABORATION_REMINDER widens the type checks of `notifications` and
  `notification_preferences`.
- `users.time_zone`: the IANA zone the user's browser named, so times read on their clock.

Revision ID: 0016_reminders_time_zones
Revises: 0014_i18n_language
Create Date: 2026-12-06 22:30:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0016_reminders_time_zones'
down_revision: Union[str, None] = '0014_i18n_language'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_TYPES = (
    'APPLICATION_RECEIVED', 'APPLICATION_ACCEPTED', 'APPLICATION_REJECTED', 'COLLABORATION_SCHEDULED',
    'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'CONTENT_CHANGES_REQUESTED', 'RATING_RECEIVED', 'TIER_UPGRADED',
    'MESSAGE_RECEIVED', 'DISPUTE_OPENED', 'INVITATION_RECEIVED', 'SAVED_SEARCH_MATCH',
)
NEW_TYPES = OLD_TYPES + ('COLLABORATION_REMINDER',)


def _notification_type(types: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*types, name='ck_notificationtype', native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table('collaboration_reminders',
    sa.Column('collaboration_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['collaboration_id'], ['collaborations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('collaboration_id', 'kind')
    )
    for table in ('notifications', 'notification_preferences'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('type', existing_type=_notification_type(OLD_TYPES),
                                  type_=_notification_type(NEW_TYPES), existing_nullable=False)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('time_zone')
    for table in ('notifications', 'notification_preferences'):
        op.execute(sa.text(f"DELETE FROM {table} WHERE type = 'COLLABORATION_REMINDER'"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('type', existing_type=_notification_type(NEW_TYPES),
                                  type_=_notification_type(OLD_TYPES), existing_nullable=False)
    op.drop_table('collaboration_reminders')
