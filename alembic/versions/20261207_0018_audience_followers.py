"""Audience followers: Find creators filters and sorts by the total a profile shows.

1. `profiles.audience_followers` (int, not null, default 0): per platform the verified followers (from
   a connected account, `verified_audience[<platform>]["followers"]`) where there are, else the typed
   ones, summed; and `profiles.audience_verified` (bool, not null, default false): at least one platform
   has such figures, what profiles call verified ("Verified figures only"). Both from one rule,
   domain.eligibility.audience_total; filled here for existing rows, kept by the model on every write of
   a profile (models/user.py).
2. The creator search indexes that spelled the typed total as an expression, `ix_profiles_find_followers`
   and `ix_profiles_find_city`, are made again, same names and shapes, on the new column; on PostgreSQL
   the statistics object `profiles_find_expressions` too. Like revision 0009's, they are not in the
   models (models/creator_index.py names them for alembic/env.py).

Revision ID: 0018_audience_followers
Revises: 0017_portfolio
Create Date: 2026-12-07 09:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# The one rule, not a copy of it: the backfill must give what the model's listener gives.
from influfinder.domain.eligibility import audience_accounts, audience_total

revision: str = '0018_audience_followers'
down_revision: Union[str, None] = '0017_portfolio'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TYPED = "(instagram_followers + tiktok_followers + facebook_followers)"
NAMES = ("instagram", "tiktok", "facebook")
PG_LISTED = "hidden_from_search IS false"
SQLITE_LISTED = "hidden_from_search IS 0"


def _indexes(followers: str, listed: str) -> list[str]:
    return [
        f"CREATE INDEX ix_profiles_find_followers ON profiles ({followers} DESC, id) WHERE {listed}",
        f"CREATE INDEX ix_profiles_find_city ON profiles (lower(city), {followers} DESC, id) WHERE {listed}",
    ]


def _pg_statistics(followers: str) -> list[str]:
    # Why: revision 0009 (the planner must know how a city or a followers range narrows the profiles).
    return [f"CREATE STATISTICS profiles_find_expressions ON (lower((city)::text)), ({followers}),"
            " ((preferred_categories)::text) FROM profiles", "ANALYZE profiles"]


_DROP_INDEXES = ["DROP INDEX ix_profiles_find_city", "DROP INDEX ix_profiles_find_followers"]
_PG_DROP = ["DROP STATISTICS profiles_find_expressions", *_DROP_INDEXES]


def upgrade() -> None:
    op.add_column('profiles', sa.Column('audience_followers', sa.Integer(), server_default='0', nullable=False))
    op.add_column('profiles', sa.Column('audience_verified', sa.Boolean(), server_default=sa.false(), nullable=False))
    _backfill()
    _run(postgresql=[*_PG_DROP, *_indexes("audience_followers", PG_LISTED), *_pg_statistics("audience_followers")],
         sqlite=[*_DROP_INDEXES, *_indexes("audience_followers", SQLITE_LISTED)])


def downgrade() -> None:
    _run(postgresql=[*_PG_DROP, *_indexes(TYPED, PG_LISTED), *_pg_statistics(TYPED)],
         sqlite=[*_DROP_INDEXES, *_indexes(TYPED, SQLITE_LISTED)])
    op.execute("ALTER TABLE profiles DROP COLUMN audience_verified")
    op.execute("ALTER TABLE profiles DROP COLUMN audience_followers")


def _backfill() -> None:
    """Typed totals in one statement; then the profiles with readings, through the rule, in Python."""
    op.execute(f"UPDATE profiles SET audience_followers = {TYPED}")
    profiles = sa.table("profiles", sa.column("id", sa.Uuid()), sa.column("verified_audience", sa.JSON()),
                        sa.column("audience_followers", sa.Integer()), sa.column("audience_verified", sa.Boolean()),
                        *(sa.column(f"{name}_followers", sa.Integer()) for name in NAMES))
    connection = op.get_bind()
    rows = connection.execute(sa.select(profiles).where(profiles.c.verified_audience.is_not(None))).all()
    totals = [(row.id, audience_total(audience_accounts(
        {name: (getattr(row, f"{name}_followers"), 0.0) for name in NAMES}, row.verified_audience)))
        for row in rows if row.verified_audience]
    if totals:
        connection.execute(profiles.update().where(profiles.c.id == sa.bindparam("key"))
                           .values(audience_followers=sa.bindparam("total"), audience_verified=sa.bindparam("verified")),
                           [{"key": key, "total": total.followers, "verified": total.verified} for key, total in totals])


def _run(**statements: list[str]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)
