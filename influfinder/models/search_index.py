"""The offer search objects the migrations create beside the models, and the filter that hides them.

PostgreSQL keeps two generated tsvector columns, `offers.search_vector` (the text) and
`offers.search_facets` (filter values as words, see facet_word), with one GIN index over both;
SQLite keeps an FTS5 table `offers_fts` (and the shadow tables FTS5 makes for it) filled by
triggers, with the facets as a fourth column. Both hold only the offers Browse shows. Beside them,
partial indexes for browsing without words (alembic revision 0007_offer_browse_indexes), and on
PostgreSQL with the rum extension a RUM index that walks the text matches newest first (RANKED_INDEX).

None of these is a model column, table or index: the database maintains them, the app never
writes them, some cannot be declared in SQLAlchemy at all (FTS5, expression indexes on SQLite),
and the search's SQL must match their exact spelling. Alembic's autogenerate compares the models
with the database, so it must skip exactly these objects, or it would propose dropping them.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from datetime import datetime, timezone

SEARCH_TABLE = "offers"
SEARCH_VECTOR_COLUMN = "search_vector"
SEARCH_FACETS_COLUMN = "search_facets"
FTS_TABLE = "offers_fts"
# With the rum extension, a RUM index over search_vector that returns matches newest first (alembic
# revision 0008_search_ranked); without it, only ix_offers_search (GIN).
RANKED_INDEX = "ix_offers_search_ranked"
SEARCH_INDEXES = ("ix_offers_search", RANKED_INDEX, "ix_offers_browse_closing", "ix_offers_browse_category_city")
# "Never closes", as ix_offers_browse_closing spells it on each database: the search writes this
# literal (a parameter would not match the index's expression).
NO_DEADLINE = {"postgresql": "TIMESTAMPTZ '9999-12-31 00:00:00+00'", "sqlite": "'9999-12-31 00:00:00.000000'"}


def facet_word(kind: str, value: str) -> str:
    """How the text index spells one filter value of an offer: ("category", "FOOD") -> "categoryfood".

    kind is category, platform, currency or compensation (the compensation type), as the migration
    writes them; letters only, so both full-text tokenizers keep the word whole. The city: city_facet."""
    return f"{kind}{value}".lower()


def city_facet(city: str) -> str:
    """How PostgreSQL's `search_facets` spells an offer's city (alembic revision 0021_offer_search) and a
    creator's (revision 0022_creator_verified): "city" and the MD5 of the lower-cased name in letters only
    (digits as g-p), one word whatever the name ("Ciudad de México"). The search passes the city lower-cased
    as it compares `lower(city)`, so the rows with that word are exactly those the comparison keeps.
    PostgreSQL only: SQLite's indexes have no city (they did not need one at 100,000 rows)."""
    return "city" + hashlib.md5(city.lower().encode("utf-8")).hexdigest().translate(_HEX_AS_LETTERS)


_HEX_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")

# The week an offer stops taking applications, as PostgreSQL's `search_facets` counts it (revision
# 0021_offer_search): whole weeks since this moment, in UTC.
WEEKS_FROM = datetime(2000, 1, 1, tzinfo=timezone.utc)


def closing_week_facet(moment: datetime) -> str:
    """The facet word of the week holding `moment` ("closes" and the week's number, digits as g-p), as
    `search_facets` spells it for an offer whose applications close then. PostgreSQL only."""
    week = math.floor((moment - WEEKS_FROM).total_seconds() / 604_800)
    return "closes" + str(week).translate(_HEX_AS_LETTERS)


def is_search_object(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    if name is None:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")
    if type_ == "column":
        return parent_names.get("table_name") == SEARCH_TABLE and name in (SEARCH_VECTOR_COLUMN, SEARCH_FACETS_COLUMN)
    if type_ == "index":
        return name in SEARCH_INDEXES
    return False


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's `include_name` hook: everything except the search objects above."""
    return not is_search_object(name, type_, parent_names)
