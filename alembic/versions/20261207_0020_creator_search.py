"""Find creators by relevance without ranking every match: a RUM index, when PostgreSQL has the extension.

Measured in tests/benchmarks/test_creator_search_bench.py (figures and reasons in its README, "Find
creators"). A search with common words ("coffee", "luc") ranked and counted every match, 1,000-3,000 rows
read from profiles and users at 100k creators. It now counts to 200 like a search without words
(services/creator_search.py), so by relevance it only needs the first matches, best first. A RUM index
(the `rum` extension, Debian package postgresql-15-rum) over `profiles.search_vector` with positions
(rum_tsvector_ops) returns the text matches by distance (`<=>`, 1 / ts_rank), computed in the index; the
search reads them in that order and stops after the page and the count. SQLite needs nothing new: FTS5
returns its matches by rank.

Only the text: a condition on a second column of a RUM index makes its ordered scan collect every entry
of that column first (see revision 0008_search_ranked). The facets stay in revision 0019's GIN index
`ix_profiles_search`, which the planner takes, with a sort, when a facet leaves few matches.

Optional, as revision 0008's offer index: the extension is created there when the server has it; here the
index is built only when the extension is installed. Without it the search ranks every match through the
GIN index, as before: correct and exact, slower. Building takes a few seconds per 100k creators.

The index is not in the models; alembic/env.py skips it (models/creator_index.py names it).

Revision ID: 0020_creator_search
Revises: 0019_search
Create Date: 2026-12-07 08:30:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0020_creator_search'
down_revision: Union[str, None] = '0019_search'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The profiles Find creators lists, spelled as ix_profiles_search (revision 0019) spells them.
RANKED_INDEX = ("CREATE INDEX IF NOT EXISTS ix_profiles_search_ranked ON profiles"
                " USING rum (search_vector rum_tsvector_ops) WHERE hidden_from_search IS false")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql' and bind.execute(
            sa.text("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).first():
        op.execute(RANKED_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_profiles_search_ranked")
