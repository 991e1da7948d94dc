"""Find creators: words with "Verified figures only" read the verified creators' own text indexes (PostgreSQL).

Measured in tests/benchmarks/test_creator_search_bench.py (figures and reasons in its README, "Find
creators"). "content" + verified + engagement at 100k creators was the slowest search: revision 0019's
facet `audienceverified` narrowed it inside the GIN index `ix_profiles_search`, but only after a prefix
scan of "content:*" over every listed creator (27,581 entries, 3 ms), and the 1,959 matches were then read
(1,809 heap pages) and sorted by relevance, even with the rum extension: RUM's ordered scan over the words
cannot also check the facet in its index (revision 0020).

Two partial indexes over the listed creators whose figures are verified (`audience_verified`, kept by the
model from the connected accounts: domain.eligibility.audience_total), about 7 % of them:
- `ix_profiles_search_verified`, GIN over (search_vector, search_facets) as `ix_profiles_search`: the
  prefix scan reads the verified creators' entries only (0.5 ms instead of 3), category and platform facets
  still narrow inside it;
- with the rum extension, `ix_profiles_search_verified_ranked`, RUM over search_vector as
  `ix_profiles_search_ranked`: words by relevance are walked best first among verified creators, and the
  search stops after the page and the count (201 rows read instead of 1,959 read and sorted).
The search (services/creator_search.py) asks for `audience_verified IS true`, which selects them; on
PostgreSQL it no longer repeats the facet word, which the planner took for a second, independent filter
(estimating 49 matches instead of 1,700, so it sorted instead of walking the RUM index).

Nothing to backfill and nothing to keep: the indexes read existing columns. Not in the models; alembic/env.py
skips them (models/creator_index.py names them). A few hundred ms per 100k creators to build.

Revision ID: 0022_creator_verified
Revises: 0021_offer_search
Create Date: 2026-12-07 11:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0022_creator_verified'
down_revision: Union[str, None] = '0021_offer_search'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The listed profiles as revisions 0019 and 0020 spell them, verified figures only.
VERIFIED = "hidden_from_search IS false AND audience_verified IS true"
SEARCH_INDEX = ("CREATE INDEX IF NOT EXISTS ix_profiles_search_verified ON profiles"
                f" USING gin (search_vector, search_facets) WHERE {VERIFIED}")
RANKED_INDEX = ("CREATE INDEX IF NOT EXISTS ix_profiles_search_verified_ranked ON profiles"
                f" USING rum (search_vector rum_tsvector_ops) WHERE {VERIFIED}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return  # SQLite: FTS5 narrows by the facet inside creators_fts already
    op.execute(SEARCH_INDEX)
    # As revision 0020: built only when the rum extension is installed.
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).first():
        op.execute(RANKED_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_profiles_search_verified_ranked")
        op.execute("DROP INDEX IF EXISTS ix_profiles_search_verified")
