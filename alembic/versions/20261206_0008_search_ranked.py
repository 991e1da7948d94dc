"""Offer search newest first without reading every match: a RUM index, when PostgreSQL has the extension.

Measured in tests/benchmarks/test_offer_search_bench.py (figures and reasons in its README).

A search with words counted every match, reading each one's row to check that it is open and
released: at a million offers "tasting" + Instagram + EUR read about 20,000 rows (134-141 ms p95).
The search now counts to 1,000 like a search without words (services/offer_search.py), so it only
needs the first matches in the order shown. A RUM index (the `rum` extension, Debian package
postgresql-15-rum) over `offers.search_vector` with `created_at` attached returns the text matches
newest first; the search reads them in that order and stops after the page and the count.

Only the text: RUM orders by a value attached to one tsvector column, and a condition on another
column of the same index makes its ordered scan collect every entry of that column first (seconds
for '~currencyeur'-sized lists). The facets stay in revision 0007's GIN index `ix_offers_search`,
which the planner still takes, with a sort, when it expects few matches.

Optional: without the extension, or without the right to create it (CREATE EXTENSION rum needs a
superuser), nothing is created and the search reads every match through the GIN index, as before:
correct, slower at a million offers. Adding it later: tests/benchmarks/README.md ("RUM"). No table
rewrite; building the index takes about a minute per million offers.

The index is not in the models; alembic/env.py skips it (models/search_index.py names it).

Revision ID: 0008_search_ranked
Revises: 0007_offer_browse_indexes
Create Date: 2026-12-06 19:00:00.000000
"""
import logging
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

log = logging.getLogger(__name__)

revision: str = '0008_search_ranked'
down_revision: Union[str, None] = '0007_offer_browse_indexes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The browsable offers, spelled as the search service's SQL spells them (see revision 0007).
PG_BROWSABLE = "status = 'ACTIVE' AND is_public IS TRUE"
RANKED_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_offers_search_ranked ON offers"
    " USING rum (search_vector rum_tsvector_addon_ops, created_at)"
    f" WITH (attach = 'created_at', to = 'search_vector') WHERE {PG_BROWSABLE}"
)


def _rum() -> bool:
    """Whether the rum extension is installed in this database, creating it when the server has it."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).first():
        return True
    if not bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")).first():
        log.info("The rum extension is not installed: offer search keeps its GIN index only")
        return False
    try:
        with bind.begin_nested():  # a refusal (not a superuser) must not abort the migration
            bind.execute(sa.text("CREATE EXTENSION rum"))
    except sa.exc.DBAPIError as error:
        log.warning("The rum extension could not be created (%s): offer search keeps its GIN index only",
                    str(error.orig).strip())
        return False
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql' and _rum():
        op.execute(RANKED_INDEX)


def downgrade() -> None:
    # The extension stays: dropping an extension is the administrator's call.
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_offers_search_ranked")
