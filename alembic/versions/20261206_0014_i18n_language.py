"""Languages: each user's chosen language, and notifications stored as a type plus parameters.

- `users.language`: "es" or "en" once the user picks one in the switcher; NULL until then (the
  browser's preference decides).
- `notifications.params`: the values a notification's words are made of (names, offer titles), so
  it is written in the language of whoever reads it. Rows from before have `{}` and keep showing
  their stored English title and content.

Revision ID: 0014_i18n_language
Revises: 0013_live_sequences
Create Date: 2026-12-06 19:30:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0014_i18n_language'
down_revision: Union[str, None] = '0013_live_sequences'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('language', sa.String(length=5), nullable=True))
    with op.batch_alter_table('notifications') as batch:
        batch.add_column(sa.Column('params', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table('notifications') as batch:
        batch.drop_column('params')
    with op.batch_alter_table('users') as batch:
        batch.drop_column('language')
