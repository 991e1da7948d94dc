"""Find creators' platform filter counts connected accounts; search speed.

1. `profiles.audience_platforms` (varchar, not null, default ''): the platforms Find creators' platform
   filter finds a creator on, as "instagram facebook": a handle or followers typed in Settings, or a
   connected account (domain.eligibility.audience_platforms, the rule that decides verified figures).
   Filled here for existing rows through that rule, kept by the model with audience_followers
   (models/user.py). Before, the filter read the typed handle and followers only, so a creator known to
   Facebook only through a connected Page was not found by "platform: Facebook".
2. The creator search index's facets read it, and hold `audienceverified` when the profile's figures
   come from a connected account (`audience_verified`, "Verified figures only"), so words with that
   filter are narrowed in the index instead of row by row: PostgreSQL's generated
   `profiles.search_facets` is made again (with its GIN index `ix_profiles_search`), SQLite's
   `creators_fts` (view, table and triggers of revision 0009) likewise.
3. `ix_users_listed_creators`: the listed creators' users (see _listed_creators).

Revision ID: 0019_search
Revises: 0018_audience_followers
Create Date: 2026-12-07 05:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# The one rule, not a copy of it: the backfill must give what the model's listener gives.
from influfinder.domain.eligibility import PLATFORM_NAMES, audience_accounts, audience_platforms

revision: str = '0019_search'
down_revision: Union[str, None] = '0018_audience_followers'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

NAMES = [name for _platform, name in PLATFORM_NAMES]
VERIFIED_FACET = "audienceverified"  # facet_word("audience", "verified"): "Verified figures only" in the index
PG_LISTED = "hidden_from_search IS false"

# --- the facets' platforms: from audience_platforms (up), from the typed columns (down, as 0009) ----------


def _typed_platforms(row: str) -> str:
    return " || ".join(f"CASE WHEN {row}{name}_handle IS NOT NULL OR {row}{name}_followers > 0"
                       f" THEN ' platform{name}' ELSE '' END" for name in NAMES)


def _pg_platforms(up: bool) -> str:
    if not up:
        return _typed_platforms("")
    return (r"regexp_replace(audience_platforms, '([a-z]+)', ' platform\1', 'g')"
            f" || CASE WHEN audience_verified THEN ' {VERIFIED_FACET}' ELSE '' END")


def _pg_facets(up: bool) -> str:
    return ("to_tsvector('simple'::regconfig, regexp_replace(preferred_categories::text, '\"([A-Za-z]+)\"',"
            f" ' category\\1 ', 'g') || {_pg_platforms(up)})")


def _pg(up: bool) -> list[str]:
    return [
        "DROP INDEX ix_profiles_search",
        "ALTER TABLE profiles DROP COLUMN search_facets",
        f"ALTER TABLE profiles ADD COLUMN search_facets tsvector GENERATED ALWAYS AS ({_pg_facets(up)}) STORED",
        f"CREATE INDEX ix_profiles_search ON profiles USING gin (search_vector, search_facets) WHERE {PG_LISTED}",
        "ANALYZE profiles",
    ]


# --- SQLite: revision 0009's creators_fts, its facets spelled by `up` -------------------------------------

_FTS_COLUMNS = "name, place, bio, facets"


def _sqlite_list(text: str) -> str:
    for character in ('[', ']', '"', ' '):
        text = f"replace({text}, '{character}', '')"
    return text


def _sqlite_values(row: str, up: bool, named: bool = False) -> str:
    name = (f"{row}.display_name || ' ' || coalesce({row}.instagram_handle, '') || ' ' || coalesce({row}.tiktok_handle, '')"
            f" || ' ' || coalesce({row}.facebook_handle, '')")
    categories = _sqlite_list(f"{row}.preferred_categories")
    place = f"{row}.city || ' ' || replace({categories}, ',', ' ')"
    platforms = (f"CASE WHEN {row}.audience_platforms <> '' THEN ' platform' || replace({row}.audience_platforms, ' ',"
                 f" ' platform') ELSE '' END || CASE WHEN {row}.audience_verified THEN ' {VERIFIED_FACET}' ELSE '' END"
                 if up else _typed_platforms(f"{row}."))
    facets = f"CASE WHEN {categories} <> '' THEN ' category' || replace({categories}, ',', ' category') ELSE '' END || {platforms}"
    if named:
        return f"{row}.rowid AS profile_rowid, {name} AS name, {place} AS place, {row}.bio AS bio, {facets} AS facets"
    return f"{row}.rowid, {name}, {place}, {row}.bio, {facets}"


def _sqlite_listed(row: str) -> str:
    return f"{row}.hidden_from_search = 0"


def _sqlite(up: bool) -> list[str]:
    searched = ("display_name, bio, city, preferred_categories, instagram_handle, tiktok_handle, facebook_handle,"
                + (" audience_platforms, audience_verified," if up else " instagram_followers, tiktok_followers, facebook_followers,")
                + " hidden_from_search")
    return [
        "DROP TRIGGER creators_fts_after_update",
        "DROP TRIGGER creators_fts_after_delete",
        "DROP TRIGGER creators_fts_after_insert",
        "DROP TABLE creators_fts",
        "DROP VIEW creators_fts_source",
        f"CREATE VIEW creators_fts_source AS SELECT {_sqlite_values('profiles', up, named=True)}"
        f" FROM profiles WHERE {_sqlite_listed('profiles')}",
        f"CREATE VIRTUAL TABLE creators_fts USING fts5({_FTS_COLUMNS}, content='creators_fts_source',"
        " content_rowid='profile_rowid', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER creators_fts_after_insert AFTER INSERT ON profiles WHEN {_sqlite_listed('new')} BEGIN"
        f" INSERT INTO creators_fts(rowid, {_FTS_COLUMNS}) VALUES ({_sqlite_values('new', up)}); END",
        f"CREATE TRIGGER creators_fts_after_delete AFTER DELETE ON profiles WHEN {_sqlite_listed('old')} BEGIN"
        f" INSERT INTO creators_fts(creators_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', {_sqlite_values('old', up)}); END",
        f"CREATE TRIGGER creators_fts_after_update AFTER UPDATE OF {searched} ON profiles BEGIN"
        f" INSERT INTO creators_fts(creators_fts, rowid, {_FTS_COLUMNS}) SELECT 'delete', {_sqlite_values('old', up)}"
        f" WHERE {_sqlite_listed('old')};"
        f" INSERT INTO creators_fts(rowid, {_FTS_COLUMNS}) SELECT {_sqlite_values('new', up)} WHERE {_sqlite_listed('new')};"
        " END",
        "INSERT INTO creators_fts(creators_fts) VALUES ('rebuild')",
    ]


# --- the listed creators, looked up from each text match (services/creator_profiles.listed_creator) ------
# A search with words joins every match to its user to check it is a listed creator: without this index
# PostgreSQL read the whole users table for it (hash join, 62 of 127 ms for "coffee" at 100k creators) and
# SQLite read each user's row. Spelled as listed_creator() spells the condition, so both use it.


def _listed_creators(listed: str) -> str:
    return (f"CREATE INDEX ix_users_listed_creators ON users (id, user_type, is_active, deleted_at)"
            f" WHERE user_type = 'CREATOR' AND {listed} AND deleted_at IS NULL")


def upgrade() -> None:
    op.add_column('profiles', sa.Column('audience_platforms', sa.String(length=40), server_default='', nullable=False))
    _backfill()
    _run(postgresql=[*_pg(True), _listed_creators("is_active IS true"), "ANALYZE users"],
         sqlite=[*_sqlite(True), _listed_creators("is_active IS 1")])
    _sqlite_statistics()


def downgrade() -> None:
    op.execute("DROP INDEX ix_users_listed_creators")
    _run(postgresql=_pg(False), sqlite=_sqlite(False))
    op.execute("ALTER TABLE profiles DROP COLUMN audience_platforms")


def _sqlite_statistics() -> None:
    """A SQLite database with planner statistics gets them for the new index too: without them, SQLite
    took it for the best way into every search and read all creators for "as it opens" (about 0.4 s at
    100k). A database never analysed is left so (every index is without statistics alike)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")).first():
        op.execute("ANALYZE users")


def _backfill() -> None:
    profiles = sa.table("profiles", sa.column("id", sa.Uuid()), sa.column("verified_audience", sa.JSON()),
                        sa.column("audience_platforms", sa.String()),
                        *(sa.column(f"{name}_followers", sa.Integer()) for name in NAMES),
                        *(sa.column(f"{name}_handle", sa.String()) for name in NAMES))
    connection = op.get_bind()
    rows = connection.execute(sa.select(profiles)).all()
    platforms = [(row.id, " ".join(audience_platforms(
        audience_accounts({name: (getattr(row, f"{name}_followers") or 0, 0.0) for name in NAMES}, row.verified_audience),
        {name: getattr(row, f"{name}_handle") for name in NAMES}))) for row in rows]
    platforms = [(key, names) for key, names in platforms if names]
    if platforms:
        connection.execute(profiles.update().where(profiles.c.id == sa.bindparam("key"))
                           .values(audience_platforms=sa.bindparam("names")),
                           [{"key": key, "names": names} for key, names in platforms])


def _run(**statements: list[str]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)
