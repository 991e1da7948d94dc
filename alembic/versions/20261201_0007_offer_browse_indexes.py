"""Offer browse indexes: filter values in the text index, and indexes for browsing without words.

Measured in tests/benchmarks/test_offer_search_bench.py (figures and reasons in its README).

1. Facets. A search with words used to find every offer with those words through the text index,
   then read each of those rows to check category, platform, currency and compensation. Now the
   text index holds those values too, as words of their own ("facets": categoryfood, currencyeur,
   compensationpaid, platforminstagram; influfinder/models/search_index.py facet_word spells them
   for the search), so it finds exactly the offers with the words and the values, and only those
   rows are read. The facets live apart from the offer's text, so a search for "currencyeur" (or
   the prefix "c") never matches a filter value:
   - PostgreSQL: a second stored generated tsvector column `offers.search_facets`; the GIN index
     `ix_offers_search` over (search_vector, search_facets) replaces `ix_offers_search_vector`,
     still only over the offers Browse shows.
   - SQLite: `offers_fts` gets a fourth column `facets`; searches name the columns they look in.
     The index now holds only the offers Browse shows (active and public), like PostgreSQL's: its
     triggers skip other offers, and its external content is the view `offers_fts_source`, so
     'rebuild' reads the same rows and facets the triggers write. (FTS5 cannot rebuild from a view
     that calls a table-valued function such as json_each, so the platforms are taken from the
     JSON text with replace().)

2. Browsing without words. Such a search can match most offers; it now reads them in the order
   shown and stops after the page and a count of up to 1,000 (services/offer_search.py). Two
   partial indexes over the browsable offers make that order and the usual filters cheap:
   - `ix_offers_browse_closing` (closing date, "never" as 9999-12-31, then newest): "closing soon"
     in order, and "still open" / "closing within N days" as a range of the same key.
   - `ix_offers_browse_category_city` (category, lower(city), then newest): "food in Madrid", newest
     first, without reading the other food offers in Madrid beyond the first thousand.
   PostgreSQL also gets the statistics object `offers_browse_expressions` on the expressions the
   search filters by (closing date, release time, platforms text, lower(city)): without it the
   planner guesses their selectivity (a third, half a percent) and picks a full sort where reading
   in order would stop after a few hundred rows. ANALYZE at the end fills it.

None of these objects is in the models; alembic/env.py skips them (models/search_index.py names them).
On PostgreSQL adding the stored column rewrites `offers` (about 20 s per million offers, table locked).

Revision ID: 0007_offer_browse_indexes
Revises: 0006_oauth_identities
Create Date: 2026-12-01 10:00:00.000000
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0007_offer_browse_indexes'
down_revision: Union[str, None] = '0006_oauth_identities'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The browsable offers, spelled as the search service's SQL spells them on each database: a partial
# index is only used when the query carries the same terms.
PG_BROWSABLE = "status = 'ACTIVE' AND is_public IS TRUE"
SQLITE_BROWSABLE = "status = 'ACTIVE' AND is_public IS 1"
# "Never closes", the same literal the search writes (models/search_index.py NO_DEADLINE).
PG_OPEN_UNTIL = "coalesce(application_deadline, TIMESTAMPTZ '9999-12-31 00:00:00+00')"
SQLITE_OPEN_UNTIL = "coalesce(application_deadline, '9999-12-31 00:00:00.000000')"
# A category in a city, newest first: the search stops after the page and the count.
CATEGORY_CITY = "category, lower(city), created_at DESC, id DESC"

# --- PostgreSQL -------------------------------------------------------------------------------

# platforms is a JSON list of names: '["INSTAGRAM", "TIKTOK"]' gives 'platforminstagram platformtiktok'.
PG_FACETS = (
    "to_tsvector('simple'::regconfig, 'category' || category || ' currency' || currency"
    " || ' compensation' || compensation_type"
    " || ' ' || regexp_replace(platforms::text, '\"([A-Za-z]+)\"', ' platform\\1 ', 'g'))"
)
PG_STATISTICS = (
    f"CREATE STATISTICS offers_browse_expressions ON ({PG_OPEN_UNTIL}), (coalesce(published_at, created_at)),"
    " ((platforms)::text), (lower((city)::text)) FROM offers"
)


_PG_UP = [
    f"ALTER TABLE offers ADD COLUMN search_facets tsvector GENERATED ALWAYS AS ({PG_FACETS}) STORED",
    "DROP INDEX ix_offers_search_vector",
    f"CREATE INDEX ix_offers_search ON offers USING gin (search_vector, search_facets) WHERE {PG_BROWSABLE}",
    f"CREATE INDEX ix_offers_browse_closing ON offers ({PG_OPEN_UNTIL}, created_at DESC, id DESC) WHERE {PG_BROWSABLE}",
    f"CREATE INDEX ix_offers_browse_category_city ON offers ({CATEGORY_CITY}) WHERE {PG_BROWSABLE}",
    PG_STATISTICS,
    "ANALYZE offers",
]
_PG_DOWN = [
    "DROP STATISTICS offers_browse_expressions",
    "DROP INDEX ix_offers_browse_category_city",
    "DROP INDEX ix_offers_browse_closing",
    "DROP INDEX ix_offers_search",
    "ALTER TABLE offers DROP COLUMN search_facets",
    f"CREATE INDEX ix_offers_search_vector ON offers USING gin (search_vector) WHERE {PG_BROWSABLE}",
]


# --- SQLite -----------------------------------------------------------------------------------

_TEXT_COLUMNS = 'title, brand_name, description'
_FTS_COLUMNS = f'{_TEXT_COLUMNS}, facets'


def _sqlite_platforms(row: str) -> str:
    # '["INSTAGRAM", "TIKTOK"]' -> 'INSTAGRAM,TIKTOK' -> ' platformINSTAGRAM platformTIKTOK' (the tokenizer
    # lower-cases).
    names = f"{row}.platforms"
    for character in ('[', ']', '"', ' '):
        names = f"replace({names}, '{character}', '')"
    return f"CASE WHEN {names} <> '' THEN ' platform' || replace({names}, ',', ' platform') ELSE '' END"


def _sqlite_facets(row: str) -> str:
    return (f"'category' || {row}.category || ' currency' || {row}.currency"
            f" || ' compensation' || {row}.compensation_type || {_sqlite_platforms(row)}")


def _sqlite_values(row: str) -> str:
    return f"{row}.rowid, {row}.title, {row}.brand_name, {row}.description, {_sqlite_facets(row)}"


def _sqlite_browsable(row: str) -> str:
    return f"{row}.status = 'ACTIVE' AND {row}.is_public"


_SQLITE_DROP_0002 = [
    "DROP TRIGGER offers_fts_after_update",
    "DROP TRIGGER offers_fts_after_delete",
    "DROP TRIGGER offers_fts_after_insert",
    "DROP TABLE offers_fts",
]
_SQLITE_UP = [
    f"CREATE VIEW offers_fts_source AS SELECT rowid AS offer_rowid, {_TEXT_COLUMNS}, {_sqlite_facets('offers')}"
    f" AS facets FROM offers WHERE {_sqlite_browsable('offers')}",
    f"CREATE VIRTUAL TABLE offers_fts USING fts5({_FTS_COLUMNS}, content='offers_fts_source',"
    " content_rowid='offer_rowid', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER offers_fts_after_insert AFTER INSERT ON offers WHEN {_sqlite_browsable('new')} BEGIN"
    f" INSERT INTO offers_fts(rowid, {_FTS_COLUMNS}) VALUES ({_sqlite_values('new')});"
    " END",
    f"CREATE TRIGGER offers_fts_after_delete AFTER DELETE ON offers WHEN {_sqlite_browsable('old')} BEGIN"
    f" INSERT INTO offers_fts(offers_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', {_sqlite_values('old')});"
    " END",
    # Fires only when something the index holds changes (counting a view does not), and moves the
    # offer in or out of the index when it starts or stops being browsable.
    "CREATE TRIGGER offers_fts_after_update AFTER UPDATE OF"
    f" {_TEXT_COLUMNS}, category, currency, compensation_type, platforms, status, is_public ON offers BEGIN"
    f" INSERT INTO offers_fts(offers_fts, rowid, {_FTS_COLUMNS}) SELECT 'delete', {_sqlite_values('old')}"
    f" WHERE {_sqlite_browsable('old')};"
    f" INSERT INTO offers_fts(rowid, {_FTS_COLUMNS}) SELECT {_sqlite_values('new')} WHERE {_sqlite_browsable('new')};"
    " END",
    "INSERT INTO offers_fts(offers_fts) VALUES ('rebuild')",
    f"CREATE INDEX ix_offers_browse_closing ON offers ({SQLITE_OPEN_UNTIL}, created_at DESC, id DESC)"
    f" WHERE {SQLITE_BROWSABLE}",
    f"CREATE INDEX ix_offers_browse_category_city ON offers ({CATEGORY_CITY}) WHERE {SQLITE_BROWSABLE}",
]
_SQLITE_DOWN = [
    "DROP INDEX ix_offers_browse_category_city",
    "DROP INDEX ix_offers_browse_closing",
    "DROP TRIGGER offers_fts_after_update",
    "DROP TRIGGER offers_fts_after_delete",
    "DROP TRIGGER offers_fts_after_insert",
    "DROP TABLE offers_fts",
    "DROP VIEW offers_fts_source",
]
# Revision 52177413ca3c's index, as it was: every offer, three columns, content read from `offers`.
_SQLITE_RESTORE_0002 = [
    f"CREATE VIRTUAL TABLE offers_fts USING fts5({_TEXT_COLUMNS}, content='offers', content_rowid='rowid',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER offers_fts_after_insert AFTER INSERT ON offers BEGIN"
    f" INSERT INTO offers_fts(rowid, {_TEXT_COLUMNS}) VALUES (new.rowid, new.title, new.brand_name, new.description);"
    " END",
    "CREATE TRIGGER offers_fts_after_delete AFTER DELETE ON offers BEGIN"
    f" INSERT INTO offers_fts(offers_fts, rowid, {_TEXT_COLUMNS})"
    " VALUES ('delete', old.rowid, old.title, old.brand_name, old.description);"
    " END",
    f"CREATE TRIGGER offers_fts_after_update AFTER UPDATE OF {_TEXT_COLUMNS} ON offers BEGIN"
    f" INSERT INTO offers_fts(offers_fts, rowid, {_TEXT_COLUMNS})"
    " VALUES ('delete', old.rowid, old.title, old.brand_name, old.description);"
    f" INSERT INTO offers_fts(rowid, {_TEXT_COLUMNS}) VALUES (new.rowid, new.title, new.brand_name, new.description);"
    " END",
    "INSERT INTO offers_fts(offers_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    _run(postgresql=_PG_UP, sqlite=_SQLITE_DROP_0002 + _SQLITE_UP)


def downgrade() -> None:
    _run(postgresql=_PG_DOWN, sqlite=_SQLITE_DOWN + _SQLITE_RESTORE_0002)


def _run(**statements: list[str]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)
