"""The full-text search objects the migrations create beside the models, and the filter that hides them.

PostgreSQL keeps a generated tsvector column `offers.search_vector` with a GIN index; SQLite keeps an
FTS5 table `offers_fts` (and the shadow tables FTS5 makes for it) filled by triggers. Neither is a
model column or table: they are maintained by the database itself, the app never writes them, and
the SQLite one cannot be declared as a table at all. Alembic's autogenerate compares the models
with the database, so it must skip exactly these objects, or it would propose dropping them.
"""

from __future__ import annotations

from collections.abc import Mapping

SEARCH_TABLE = "offers"
SEARCH_VECTOR_COLUMN = "search_vector"
SEARCH_VECTOR_INDEX = "ix_offers_search_vector"
FTS_TABLE = "offers_fts"


def is_search_object(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    if name is None:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")
    if type_ == "column":
        return parent_names.get("table_name") == SEARCH_TABLE and name == SEARCH_VECTOR_COLUMN
    if type_ == "index":
        return name == SEARCH_VECTOR_INDEX
    return False


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's `include_name` hook: everything except the search objects above."""
    return not is_search_object(name, type_, parent_names)
