"""Content submissions: their private media files, the paid-partnership flag, the analysis start time.

`submission_media` holds one row per stored file. Its unique `storage_key` is how the private
media route finds the submission (and so the collaboration) a requested file belongs to, and
serves it to that collaboration's two parties and admins only.

`content_submissions.paid_partnership` is the platform's "Paid partnership" label (it counts as
disclosure in the analysis); `analysis_started_at` lets a party retry an analysis that a restart
left RUNNING.

Revision ID: 0004_submission_media
Revises: 0003_collaboration_flow
Create Date: 2026-11-28 10:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0004_submission_media'
down_revision: Union[str, None] = '0003_collaboration_flow'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('content_submissions', schema=None) as batch_op:
        # The default fills the rows that exist already: none of them claimed a paid partnership.
        batch_op.add_column(sa.Column('paid_partnership', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('analysis_started_at', sa.DateTime(timezone=True), nullable=True))

    op.create_table('submission_media',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('submission_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('storage_key', sa.String(length=120), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('size_bytes >= 0', name='ck_submission_media_size'),
    sa.ForeignKeyConstraint(['submission_id'], ['content_submissions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('storage_key'),
    sa.UniqueConstraint('submission_id', 'position', name='uq_submission_media_position')
    )


def downgrade() -> None:
    op.drop_table('submission_media')
    with op.batch_alter_table('content_submissions', schema=None) as batch_op:
        batch_op.drop_column('analysis_started_at')
        batch_op.drop_column('paid_partnership')
