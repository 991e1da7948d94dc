"""Sign-in with Google, Facebook, Instagram and TikTok: which provider account belongs to which user.

`oauth_identities` holds one row per linked provider account. The unique (provider, subject) pair
makes sure one provider account signs in to one user only, even when two sign-ins race; the
unique (user_id, provider) pair allows one account of each provider per user and indexes a user's
rows. Nothing exists to copy: no sign-in with a provider was possible before this revision.

Revision ID: 0006_oauth_identities
Revises: 0005_messaging
Create Date: 2026-11-30 10:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0006_oauth_identities'
down_revision: Union[str, None] = '0005_messaging'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('oauth_identities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("provider IN ('google', 'facebook', 'instagram', 'tiktok')", name='ck_oauth_identities_provider'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('provider', 'subject', name='uq_oauth_identities_provider_subject'),
    sa.UniqueConstraint('user_id', 'provider', name='uq_oauth_identities_user_provider')
    )


def downgrade() -> None:
    op.drop_table('oauth_identities')
