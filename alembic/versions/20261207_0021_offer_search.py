"""Offer search at a million offers: typed requirement minimums; the city and closing week in PostgreSQL's facets.

Measured in tests/benchmarks/test_offer_search_bench.py (figures and reasons in its README).

1. `offers.influencer_min_followers`, `influencer_min_engagement`, `influencer_verified`,
   `regular_min_followers`, `regular_min_engagement`: the requirements' minimums as typed columns, so
   Browse's "only offers I qualify for" compares columns instead of reading the JSON of every candidate
   row (about 30 µs a row at a million offers). Filled here for existing rows through the rule the model
   keeps them by (domain.offer_terms.requirement_minimums), once per distinct `requirements` value.
2. PostgreSQL: `offers.search_facets` (revision 0007) also holds the offer's city, as one word
   (models/search_index.city_facet: "city" and the MD5 of lower(city), digits as letters), so words with
   a city are narrowed in the GIN index `ix_offers_search` instead of row by row ("coffee" + food + Madrid
   at a million offers read 5,530 heap pages to drop 4,750 rows for the city). The column is made again
   (a table rewrite, which also rebuilds the other indexes: a few minutes per million offers), with its
   GIN index. The same for the week applications close in (`closesN`, models/search_index.closing_week_facet):
   words with "closing within N days" look for the weeks of those days in the index ("cof" + paid + 30
   days walked 10,300 rows newest first to keep 1,001). SQLite's offers_fts is unchanged.

Revision ID: 0021_offer_search
Revises: 0020_creator_search
Create Date: 2026-12-07 08:30:00.000000
"""
import json
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# The one rule, not a copy of it: the backfill must give what the model's listener gives.
from influfinder.domain.offer_terms import REQUIREMENT_COLUMNS, requirement_minimums

revision: str = '0021_offer_search'
down_revision: Union[str, None] = '0020_creator_search'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PG_BROWSABLE = "status = 'ACTIVE' AND is_public IS TRUE"
# Revision 0007's facets, and the city after them (city_facet spells the same word in Python).
PG_FACETS_0007 = (
    "'category' || category || ' currency' || currency || ' compensation' || compensation_type"
    " || ' ' || regexp_replace(platforms::text, '\"([A-Za-z]+)\"', ' platform\\1 ', 'g')"
)
# Up: the city and the closing week after them.
PG_CITY = "' city' || translate(md5(lower(city)), '0123456789', 'ghijklmnop')"
# The week applications close in (models/search_index.closing_week_facet): whole weeks since 2000-01-01 UTC,
# digits as letters; nothing for an offer that never closes. Timestamp subtraction and extract from an
# interval do not depend on the time zone, so a generated column may hold it.
PG_CLOSING_WEEK = (
    "CASE WHEN application_deadline IS NULL THEN '' ELSE ' closes' || translate(floor(extract(epoch FROM"
    " (application_deadline - TIMESTAMPTZ '2000-01-01 00:00:00+00')) / 604800)::int::text, '0123456789',"
    " 'ghijklmnop') END"
)

_TYPES = {"influencer_min_followers": sa.Integer(), "influencer_min_engagement": sa.Float(),
          "influencer_verified": sa.Boolean(), "regular_min_followers": sa.Integer(),
          "regular_min_engagement": sa.Float()}
_DEFAULTS = {"influencer_min_followers": "0", "influencer_min_engagement": "0",
             "influencer_verified": sa.false(), "regular_min_followers": "0", "regular_min_engagement": "0"}


def _facets(up: bool) -> list[str]:
    expression = PG_FACETS_0007 + (f" || {PG_CITY} || {PG_CLOSING_WEEK}" if up else "")
    return [
        "DROP INDEX ix_offers_search",
        "ALTER TABLE offers DROP COLUMN search_facets",
        "ALTER TABLE offers ADD COLUMN search_facets tsvector GENERATED ALWAYS AS"
        f" (to_tsvector('simple'::regconfig, {expression})) STORED",
        f"CREATE INDEX ix_offers_search ON offers USING gin (search_vector, search_facets) WHERE {PG_BROWSABLE}",
        "ANALYZE offers",
    ]


def _fill_minimums() -> None:
    """Each distinct stored `requirements` through the model's rule, then one UPDATE joining on the text."""
    bind = op.get_bind()
    stored = sa.cast(sa.column("requirements"), sa.Text)
    texts = [text for (text,) in bind.execute(sa.select(stored).select_from(sa.table("offers")).distinct())]
    rows = []
    for text in texts:
        try:
            minimums = requirement_minimums(json.loads(text))
        except (TypeError, ValueError):
            continue  # unreadable: the columns' defaults, no minimum (what the search read before)
        if any(minimums.values()):
            rows.append({"requirements_text": text, **minimums})
    if not rows:
        return
    op.execute("CREATE TEMPORARY TABLE requirement_minimums (requirements_text TEXT PRIMARY KEY,"
               " influencer_min_followers INTEGER, influencer_min_engagement FLOAT, influencer_verified BOOLEAN,"
               " regular_min_followers INTEGER, regular_min_engagement FLOAT)")
    found = sa.table("requirement_minimums", sa.column("requirements_text", sa.Text),
                     *(sa.column(name, _TYPES[name]) for name in REQUIREMENT_COLUMNS))
    bind.execute(found.insert(), rows)
    names = ", ".join(REQUIREMENT_COLUMNS)
    values = ", ".join(f"m.{name}" for name in REQUIREMENT_COLUMNS)
    op.execute(f"UPDATE offers SET ({names}) = ({values}) FROM requirement_minimums AS m"
               " WHERE CAST(offers.requirements AS TEXT) = m.requirements_text")
    op.execute("DROP TABLE requirement_minimums")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == 'postgresql'
    for name in REQUIREMENT_COLUMNS:
        op.add_column('offers', sa.Column(name, _TYPES[name], nullable=False, server_default=_DEFAULTS[name]))
    # Before the facets' rewrite, which then leaves one copy of each row and freshly built indexes.
    _fill_minimums()
    if postgres:
        for statement in _facets(up=True):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in _facets(up=False):
            op.execute(statement)
    for name in REQUIREMENT_COLUMNS:  # SQLite drops a column in place (3.35+): offers_fts's triggers stay
        op.execute(f"ALTER TABLE offers DROP COLUMN {name}")
