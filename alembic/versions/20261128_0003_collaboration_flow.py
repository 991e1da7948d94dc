"""Collaboration flow: the proposed visit date and who proposed it, its confirmation, the visit code's nonce.

The schedule lives in fields, not states (domain/collaboration_lifecycle.py): `proposed_date`
and `proposed_by` (the proposing party's role) say what is on the table and whose turn it is, `schedule_confirmed_at` that it
was agreed (`scheduled_date` then holds the agreed date). The visit code itself is never stored:
it is recomputed from `visit_code_nonce` and the secret key (domain/visit_code.py).
The index serves the periodic job that completes collaborations approved 7 days ago.

Revision ID: 0003_collaboration_flow
Revises: 52177413ca3c
Create Date: 2026-11-28 09:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0003_collaboration_flow'
down_revision: Union[str, None] = '52177413ca3c'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _columns() -> list[sa.Column]:
    return [
        sa.Column('proposed_date', sa.DateTime(timezone=True), nullable=True),
        sa.Column('proposed_by', sa.String(length=16), nullable=True),  # "creator" or "owner": a role, not a key
        sa.Column('schedule_confirmed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('visit_code_nonce', sa.String(length=32), nullable=True),
    ]


def upgrade() -> None:
    # Plain ADD COLUMN, no batch copy: on SQLite a table copy drops and recreates `collaborations`,
    # and with foreign keys on, dropping it would cascade into collaboration_events and notifications.
    for column in _columns():
        op.add_column('collaborations', column)
    op.create_index('ix_collaborations_status_approved', 'collaborations', ['status', 'approved_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_collaborations_status_approved', table_name='collaborations')
    # SQLite 3.35+ drops a plain column in place (no index or constraint touches these four).
    for column in reversed(_columns()):
        op.drop_column('collaborations', column.name)
