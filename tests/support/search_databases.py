"""The databases the searches are tested on: SQLite, plain PostgreSQL (GIN only, what a server without the
rum extension has) and PostgreSQL with rum (RUM indexes, read best first), each built by the migrations,
where the text indexes live."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from influfinder import database
from tests.support.services import unavailable

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres),
         pytest.param("postgres-rum", marks=pytest.mark.postgres)]


def search_engine(request, tmp_path_factory, ranked_indexes: tuple[str, ...]) -> sa.Engine:
    """A migrated database of the kind `request.param` names (a fixture parametrized with KINDS)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'search.db'}"
    else:
        url = request.getfixturevalue("postgres_databases").create()  # one database for each
    database.migrate(url)
    engine = database.make_engine(url)
    if request.param.startswith("postgres"):
        _choose_text_index(engine, ranked=request.param == "postgres-rum", indexes=ranked_indexes)
    return engine


def _choose_text_index(engine: sa.Engine, *, ranked: bool, indexes: tuple[str, ...]) -> None:
    with engine.begin() as connection:
        if ranked and not all(connection.scalar(sa.text(f"SELECT to_regclass('{name}') IS NOT NULL"))
                              for name in indexes):
            unavailable("The rum extension", "this PostgreSQL server (Debian: postgresql-15-rum)",
                        RuntimeError(f"the migrations found no rum extension to build {', '.join(indexes)} with"))
        if not ranked:  # what a server without the extension has: no RUM index, `indexes` or others
            for name in connection.scalars(sa.text(
                    "SELECT c.relname FROM pg_class AS c JOIN pg_am AS a ON a.oid = c.relam"
                    " WHERE c.relkind = 'i' AND a.amname = 'rum'")).all():
                connection.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
