"""Find creators: words with "Verified figures only" or a city narrowed inside PostgreSQL's text indexes.

Measured in tests/benchmarks/test_creator_search_bench.py (figures and reasons in its README, "Find
creators"). PostgreSQL only; SQLite's creators_fts is unchanged (its searches were within target).

1. "content" + verified + engagement at 100k creators was the slowest search: revision 0019's facet
   `audienceverified` narrowed it inside the GIN index `ix_profiles_search`, but after a prefix scan of
   "content:*" over every listed creator (27,581 entries, 3 ms), and the 1,959 matches were then read
   (1,809 heap pages) and sorted by relevance, even with the rum extension: RUM's ordered scan over the
   words cannot also check a facet in its index (revision 0020). Two partial indexes over the listed
   creators whose figures are verified (`audience_verified`, kept by the model from the connected
   accounts: domain.eligibility.audience_total), about 7 % of them:
   - `ix_profiles_search_verified`, GIN over (search_vector, search_facets) as `ix_profiles_search`: the
     prefix scan reads the verified creators' entries only, facets still narrow inside it;
   - with the rum extension, `ix_profiles_search_verified_ranked`, RUM over search_vector as
     `ix_profiles_search_ranked`: words by relevance are walked best first among verified creators and the
     search stops after the page and the count (201 rows read instead of 1,959 read and sorted).
   The search asks for `audience_verified IS true`, which selects them; on PostgreSQL it no longer repeats
   the facet word, which the planner took for a second, independent filter (49 matches expected for 1,700:
   it sorted instead of walking).
2. The creator's city in `profiles.search_facets`, spelled as the offers' (revision 0021,
   models/search_index.city_facet: "city" and the MD5 of lower(city), digits as letters): "pilates" +
   Madrid read 2,170 heap pages to keep 453 creators. The generated column is made again (a table rewrite,
   a few seconds per 100k creators), then its GIN indexes.

Nothing to backfill or keep: generated columns and indexes over existing columns. The indexes are not in
the models; alembic/env.py skips them (models/creator_index.py names them).

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

# The listed profiles as revisions 0019 and 0020 spell them, and those with verified figures.
LISTED = "hidden_from_search IS false"
VERIFIED = f"{LISTED} AND audience_verified IS true"
# Revision 0019's facets (categories, platforms, verified figures), then the city as revision 0021 spells an
# offer's (models/search_index.city_facet spells the same word in Python).
FACETS_0019 = (
    "regexp_replace(preferred_categories::text, '\"([A-Za-z]+)\"', ' category\\1 ', 'g')"
    " || regexp_replace(audience_platforms, '([a-z]+)', ' platform\\1', 'g')"
    " || CASE WHEN audience_verified THEN ' audienceverified' ELSE '' END"
)
CITY = "' city' || translate(md5(lower(city)), '0123456789', 'ghijklmnop')"
RUM_INDEX = ("CREATE INDEX IF NOT EXISTS ix_profiles_search_verified_ranked ON profiles"
             f" USING rum (search_vector rum_tsvector_ops) WHERE {VERIFIED}")


def _facets(up: bool) -> list[str]:
    expression = FACETS_0019 + (f" || {CITY}" if up else "")
    return [
        "DROP INDEX IF EXISTS ix_profiles_search_verified",
        "DROP INDEX ix_profiles_search",
        "ALTER TABLE profiles DROP COLUMN search_facets",
        "ALTER TABLE profiles ADD COLUMN search_facets tsvector GENERATED ALWAYS AS"
        f" (to_tsvector('simple'::regconfig, {expression})) STORED",
        f"CREATE INDEX ix_profiles_search ON profiles USING gin (search_vector, search_facets) WHERE {LISTED}",
        *([f"CREATE INDEX ix_profiles_search_verified ON profiles USING gin (search_vector, search_facets)"
           f" WHERE {VERIFIED}"] if up else []),
        "ANALYZE profiles",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    for statement in _facets(up=True):
        op.execute(statement)
    # As revision 0020: built only when the rum extension is installed.
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).first():
        op.execute(RUM_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_profiles_search_verified_ranked")
        for statement in _facets(up=False):
            op.execute(statement)
