"""Offer search and view counting: a full-text index on offers, and offer_views.

Full-text search over title, brand and description, kept in sync by the database itself:

- PostgreSQL: a stored generated column `offers.search_vector` (tsvector) with a GIN index over
  the browsable offers (active and public; searching other offers would need another index).
  Title and brand weigh A, description B. The text search config is 'simple' (lower-case, no
  stemming, no stop words), not 'english': offers are written in Spanish as much as in English,
  English stemming mangles Spanish words, and stems break prefix matching ("runn:*" does not
  match the stem "run"). 'simple' also behaves like SQLite's unicode61 tokenizer, so both
  databases find the same offers. Accents are folded with translate() (immutable, built in)
  because the unaccent extension may not be installable: "cafe" finds "Café" on both databases.
- SQLite: an FTS5 external-content table `offers_fts` over offers(title, brand_name,
  description), keyed by offers.rowid, filled from the existing rows here and kept in sync by
  triggers. The update trigger fires only when a searched column changes, so counting a view
  (an UPDATE of views_count) does not touch the index.
  Caution for later migrations: rebuilding `offers` on SQLite (batch_alter_table) drops these
  triggers and renumbers rowids; such a migration must recreate the triggers and run
  INSERT INTO offers_fts(offers_fts) VALUES('rebuild').

These objects are not in the models; alembic/env.py skips them when comparing
(influfinder/models/search_index.py names them).

`offer_views` holds one row per offer, viewer and day; its unique key makes a repeated view a no-op.

Revision ID: 52177413ca3c
Revises: 3e52dcf097df
Create Date: 2026-11-27 10:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR


revision: str = '52177413ca3c'
down_revision: Union[str, None] = '3e52dcf097df'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Accented letters of Spanish, Portuguese, French, German and Catalan, and their plain forms.
_ACCENTED = 'áàâäãåéèêëíìîïóòôöõúùûüñçýÿÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝŸ'
_PLAIN = 'aaaaaaeeeeiiiiooooouuuuncyyAAAAAAEEEEIIIIOOOOOUUUUNCYY'


def _weighted(column: str, weight: str) -> str:
    folded = f"translate({column}, '{_ACCENTED}', '{_PLAIN}')"
    return f"setweight(to_tsvector('simple'::regconfig, {folded}), '{weight}')"


# Only the offers Browse shows are indexed: a smaller index, and no need for the planner to AND
# it with the status index (which costs as much as the text lookup). The search service writes
# this predicate with literals, so the planner can match it even in a generic (prepared) plan.
BROWSABLE = "status = 'ACTIVE' AND is_public IS TRUE"

SEARCH_VECTOR = " || ".join(
    [_weighted('title', 'A'), _weighted('brand_name', 'A'), _weighted('description', 'B')]
)

_FTS_COLUMNS = 'title, brand_name, description'
_SQLITE_UP = [
    f"CREATE VIRTUAL TABLE offers_fts USING fts5({_FTS_COLUMNS}, content='offers', content_rowid='rowid',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER offers_fts_after_insert AFTER INSERT ON offers BEGIN"
    f" INSERT INTO offers_fts(rowid, {_FTS_COLUMNS}) VALUES (new.rowid, new.title, new.brand_name, new.description);"
    " END",
    "CREATE TRIGGER offers_fts_after_delete AFTER DELETE ON offers BEGIN"
    f" INSERT INTO offers_fts(offers_fts, rowid, {_FTS_COLUMNS})"
    " VALUES ('delete', old.rowid, old.title, old.brand_name, old.description);"
    " END",
    f"CREATE TRIGGER offers_fts_after_update AFTER UPDATE OF {_FTS_COLUMNS} ON offers BEGIN"
    f" INSERT INTO offers_fts(offers_fts, rowid, {_FTS_COLUMNS})"
    " VALUES ('delete', old.rowid, old.title, old.brand_name, old.description);"
    f" INSERT INTO offers_fts(rowid, {_FTS_COLUMNS}) VALUES (new.rowid, new.title, new.brand_name, new.description);"
    " END",
    # Index the offers that exist already.
    "INSERT INTO offers_fts(offers_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS offers_fts_after_update",
    "DROP TRIGGER IF EXISTS offers_fts_after_delete",
    "DROP TRIGGER IF EXISTS offers_fts_after_insert",
    "DROP TABLE IF EXISTS offers_fts",
]


def upgrade() -> None:
    op.create_table('offer_views',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('offer_id', sa.Uuid(), nullable=False),
    sa.Column('viewer_key', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('offer_id', 'viewer_key', 'day', name='uq_offer_views_offer_viewer_day')
    )
    dialect = op.get_bind().dialect.name
    if dialect == 'postgresql':
        op.add_column('offers', sa.Column(
            'search_vector', TSVECTOR(), sa.Computed(SEARCH_VECTOR, persisted=True), nullable=True
        ))
        op.create_index('ix_offers_search_vector', 'offers', ['search_vector'], postgresql_using='gin',
                        postgresql_where=sa.text(BROWSABLE))
    elif dialect == 'sqlite':
        for statement in _SQLITE_UP:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'postgresql':
        op.drop_index('ix_offers_search_vector', table_name='offers')
        op.drop_column('offers', 'search_vector')
    elif dialect == 'sqlite':
        for statement in _SQLITE_DOWN:
            op.execute(statement)
    op.drop_table('offer_views')
