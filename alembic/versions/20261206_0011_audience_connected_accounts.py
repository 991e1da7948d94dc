"""Verified audience: connected Instagram/TikTok/Facebook accounts and their dated snapshots.

`connected_accounts` holds one account per provider per user (and one user per provider account),
with its tokens sealed by integrations/token_vault and the refresh schedule. `audience_snapshots`
keeps one reading per account per day. `profiles.verified_audience` copies the latest good reading
per platform (existing profiles start with none: every figure so far was typed).
`reputation_days` caches each user's reputation figures for the day they were computed.

Revision ID: 0011_audience_connected_accounts
Revises: 0010_api_tokens
Create Date: 2026-12-06 19:01:38.938879
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0011_audience_connected_accounts'
down_revision: Union[str, None] = '0010_api_tokens'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('connected_accounts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=False),
    sa.Column('handle', sa.String(length=100), nullable=False),
    sa.Column('access_token', sa.Text(), nullable=False),
    sa.Column('refresh_token', sa.Text(), nullable=True),
    sa.Column('token_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('next_refresh_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("provider IN ('instagram', 'tiktok', 'facebook')", name='ck_connected_accounts_provider'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('provider', 'external_id', name='uq_connected_accounts_provider_external'),
    sa.UniqueConstraint('user_id', 'provider', name='uq_connected_accounts_user_provider')
    )
    with op.batch_alter_table('connected_accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_connected_accounts_next_refresh_at'), ['next_refresh_at'], unique=False)

    op.create_table('audience_snapshots',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('taken_on', sa.Date(), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('handle', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('followers', sa.Integer(), nullable=False),
    sa.Column('following', sa.Integer(), nullable=True),
    sa.Column('posts', sa.Integer(), nullable=False),
    sa.Column('provider_verified', sa.Boolean(), nullable=True),
    sa.Column('engagement', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['connected_accounts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('account_id', 'taken_on', name='uq_audience_snapshots_account_day')
    )
    op.create_table('reputation_days',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'day')
    )
    # A plain ALTER TABLE, not a batch copy: on SQLite the view creators_fts_source (0009) reads profiles,
    # and SQLite adds and drops a column in place without touching it.
    op.add_column('profiles', sa.Column('verified_audience', sa.JSON(), nullable=False, server_default='{}'))



def downgrade() -> None:
    op.drop_column('profiles', 'verified_audience')

    op.drop_table('reputation_days')
    op.drop_table('audience_snapshots')
    with op.batch_alter_table('connected_accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_connected_accounts_next_refresh_at'))

    op.drop_table('connected_accounts')
