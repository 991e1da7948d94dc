"""The creator search objects the migration creates beside the models (alembic revision 0009_discovery).

Find creators (services/creator_search.py) reads, for the profiles not hidden from search:
- PostgreSQL: two stored generated tsvector columns, `profiles.search_vector` (name and handles
  weigh A, city and categories B, bio C) and `profiles.search_facets` (filter values as words,
  "categoryfood", "platformtiktok"), with one GIN index over both;
- SQLite: the FTS5 table `creators_fts` over the view `creators_fts_source`, kept by triggers;
- on both, partial indexes walked in the order shown when there are no words (most followers,
  best rated, a city by followers) and one on users for "recently active";
- PostgreSQL with the rum extension: `ix_profiles_search_ranked` (RUM), text matches best first;
- PostgreSQL: the same two over the verified creators only, for words with "Verified figures only"
  (`ix_profiles_search_verified`, GIN, and with rum `ix_profiles_search_verified_ranked`; revision
  0022_creator_verified).

Like the offer search objects (models/search_index.py), none of these is a model column, table or
index, so alembic's autogenerate must skip them: `include_name` below covers both sets.
"""

from __future__ import annotations

from collections.abc import Mapping

from influfinder.models import search_index

CREATOR_TABLE = "profiles"
SEARCH_VECTOR_COLUMN = "search_vector"
SEARCH_FACETS_COLUMN = "search_facets"
FTS_TABLE = "creators_fts"
FTS_SOURCE = "creators_fts_source"
FOLLOWERS = "audience_followers"  # the total a profile shows (since revision 0018_audience_followers)
# With the rum extension, a RUM index over search_vector that returns text matches best first (alembic
# revision 0020_creator_search); without it, only ix_profiles_search (GIN).
RANKED_INDEX = "ix_profiles_search_ranked"
# Both over the listed creators whose figures are verified (alembic revision 0022_creator_verified): the
# search's `audience_verified IS true` selects them.
VERIFIED_INDEXES = ("ix_profiles_search_verified", "ix_profiles_search_verified_ranked")
SEARCH_INDEXES = (
    "ix_profiles_search", "ix_profiles_find_followers", "ix_profiles_find_rating", "ix_profiles_find_city",
    "ix_users_creators_active", "ix_users_listed_creators", RANKED_INDEX, *VERIFIED_INDEXES,
)


def is_search_object(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    if name is None:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(FTS_TABLE + "_") or name == FTS_SOURCE
    if type_ == "column":
        return parent_names.get("table_name") == CREATOR_TABLE and name in (SEARCH_VECTOR_COLUMN, SEARCH_FACETS_COLUMN)
    if type_ == "index":
        return name in SEARCH_INDEXES
    return False


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's `include_name` hook: everything except the offer and creator search objects."""
    return search_index.include_name(name, type_, parent_names) and not is_search_object(name, type_, parent_names)
