"""Refresh tokens of the HTTP API (/api/v1): one row per issued token, grouped in families.

Revision ID: 0010_api_tokens
Revises: 0009_discovery
Create Date: 2026-12-06 19:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0010_api_tokens'
down_revision: Union[str, None] = '0009_discovery'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('api_refresh_tokens',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index('ix_api_refresh_tokens_family_id', 'api_refresh_tokens', ['family_id'], unique=False)
    op.create_index('ix_api_refresh_tokens_user_id', 'api_refresh_tokens', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_api_refresh_tokens_user_id', table_name='api_refresh_tokens')
    op.drop_index('ix_api_refresh_tokens_family_id', table_name='api_refresh_tokens')
    op.drop_table('api_refresh_tokens')
