"""Live updates carry a per-user sequence number: `live_sequences` holds each user's last one.

A page remembers the number of the last update it applied; an update that skips a number tells it
something was lost on the way (a Redis restart, a dropped socket), and it reloads what it shows
from the database. The counter lives in the database, not in Redis, so a Redis restart cannot
reset it and make new updates look old. Rows appear on a user's first live update; nothing to copy.

Revision ID: 0013_live_sequences
Revises: 0012_sec_grant_browser
Create Date: 2026-12-06 19:30:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0013_live_sequences'
down_revision: Union[str, None] = '0012_sec_grant_browser'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('live_sequences',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('last', sa.BigInteger(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id')
    )


def downgrade() -> None:
    op.drop_table('live_sequences')
