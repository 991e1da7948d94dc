"""Portfolio: a creator shows chosen completed collaborations on the public profile.

- `offers.portfolio_allowed`: the business lets creators show this offer's content (on by default).
- `collaborations.in_portfolio`: the creator chose to show this one (off by default, per item).

Revision ID: 0017_portfolio
Revises: 0016_reminders_time_zones
Create Date: 2026-12-06 22:10:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0017_portfolio'
down_revision: Union[str, None] = '0016_reminders_time_zones'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: on SQLite a copied `offers` table would break the
    # search view built on it (offers_fts_source). Both engines add a column with a constant default.
    op.add_column('offers', sa.Column('portfolio_allowed', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column('collaborations', sa.Column('in_portfolio', sa.Boolean(), nullable=False,
                                              server_default=sa.false()))


def downgrade() -> None:
    # DROP COLUMN: PostgreSQL, and SQLite from 3.35.
    op.execute('ALTER TABLE collaborations DROP COLUMN in_portfolio')
    op.execute('ALTER TABLE offers DROP COLUMN portfolio_allowed')
