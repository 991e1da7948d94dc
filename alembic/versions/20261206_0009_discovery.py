"""Discovery: invitations, muted businesses, saved searches, and the creator search index.

1. `invitations` (one per offer and creator) and `business_mutes` (a creator muted a business);
   `saved_searches` (a creator's offer search or a business's creator search, with alerts).
2. `profiles.hidden_from_search` and `profiles.available`; two notification types
   (INVITATION_RECEIVED, SAVED_SEARCH_MATCH) widen the type checks of `notifications` and
   `notification_preferences`.
3. Find creators (services/creator_search.py), the same design as the offer search (revision
   0007_offer_browse_indexes): words and filter values ("facets") in one text index over the profiles
   not hidden from search, and partial indexes read in the order shown for searches without words.
   - PostgreSQL: stored generated tsvector columns `profiles.search_vector` and `profiles.search_facets`,
     config 'simple' with accents folded and punctuation as spaces (handles such as "lucia.eats"
     are two words, as SQLite's tokenizer makes them), one GIN index over both.
   - SQLite: FTS5 table `creators_fts` with the view `creators_fts_source` as its content, kept by
     triggers on profiles.
   - Both: `ix_profiles_find_followers` (total followers), `ix_profiles_find_rating`,
     `ix_profiles_find_city` (lower(city), total followers), and `ix_users_creators_active`
     (creators by last login) for "recently active"; PostgreSQL also the statistics object
     `profiles_find_expressions` on the expressions the search filters by.
   None of these is in the models; models/creator_index.py names them for alembic/env.py.

Revision ID: 0009_discovery
Revises: 0008_search_ranked
Create Date: 2026-12-06 19:00:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0009_discovery'
down_revision: Union[str, None] = '0008_search_ranked'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_TYPES = (
    'APPLICATION_RECEIVED', 'APPLICATION_ACCEPTED', 'APPLICATION_REJECTED', 'COLLABORATION_SCHEDULED',
    'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'CONTENT_CHANGES_REQUESTED', 'RATING_RECEIVED', 'TIER_UPGRADED',
    'MESSAGE_RECEIVED', 'DISPUTE_OPENED',
)
NEW_TYPES = OLD_TYPES + ('INVITATION_RECEIVED', 'SAVED_SEARCH_MATCH')

FOLLOWERS = "(instagram_followers + tiktok_followers + facebook_followers)"
PG_LISTED = "hidden_from_search IS false"
SQLITE_LISTED = "hidden_from_search IS 0"

# --- PostgreSQL -------------------------------------------------------------------------------

_ACCENTED = 'áàâäãåéèêëíìîïóòôöõúùûüñçýÿÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝŸ'
_PLAIN = 'aaaaaaeeeeiiiiooooouuuuncyyAAAAAAEEEEIIIIOOOOOUUUUNCYY'


def _pg_words(text: str, weight: str) -> str:
    plain = f"regexp_replace(translate({text}, '{_ACCENTED}', '{_PLAIN}'), '[^[:alnum:]]+', ' ', 'g')"
    return f"setweight(to_tsvector('simple'::regconfig, {plain}), '{weight}')"


PG_NAME = ("display_name || ' ' || coalesce(instagram_handle, '') || ' ' || coalesce(tiktok_handle, '')"
           " || ' ' || coalesce(facebook_handle, '')")
PG_VECTOR = " || ".join([
    _pg_words(PG_NAME, 'A'),
    _pg_words("city || ' ' || lower(preferred_categories::text)", 'B'),
    _pg_words("bio", 'C'),
])


def _pg_platform(name: str) -> str:
    return f"CASE WHEN {name}_handle IS NOT NULL OR {name}_followers > 0 THEN ' platform{name}' ELSE '' END"


PG_FACETS = (
    "to_tsvector('simple'::regconfig, regexp_replace(preferred_categories::text, '\"([A-Za-z]+)\"', ' category\\1 ', 'g')"
    f" || {_pg_platform('instagram')} || {_pg_platform('tiktok')} || {_pg_platform('facebook')})"
)

_PG_UP = [
    f"ALTER TABLE profiles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({PG_VECTOR}) STORED",
    f"ALTER TABLE profiles ADD COLUMN search_facets tsvector GENERATED ALWAYS AS ({PG_FACETS}) STORED",
    f"CREATE INDEX ix_profiles_search ON profiles USING gin (search_vector, search_facets) WHERE {PG_LISTED}",
    f"CREATE INDEX ix_profiles_find_followers ON profiles ({FOLLOWERS} DESC, id) WHERE {PG_LISTED}",
    f"CREATE INDEX ix_profiles_find_rating ON profiles (rating DESC NULLS LAST, id) WHERE {PG_LISTED}",
    f"CREATE INDEX ix_profiles_find_city ON profiles (lower(city), {FOLLOWERS} DESC, id) WHERE {PG_LISTED}",
    "CREATE INDEX ix_users_creators_active ON users (last_login_at DESC NULLS LAST, id) WHERE user_type = 'CREATOR'",
    # Without statistics on the expressions the search filters by, the planner guesses a city or a
    # category matches a handful of creators and sorts them all, where reading an index in the order
    # shown would stop after the page and the count (the same reason as offers_browse_expressions).
    f"CREATE STATISTICS profiles_find_expressions ON (lower((city)::text)), ({FOLLOWERS}),"
    " ((preferred_categories)::text) FROM profiles",
    "ANALYZE profiles",
]
_PG_DOWN = [
    "DROP STATISTICS profiles_find_expressions",
    "DROP INDEX ix_users_creators_active",
    "DROP INDEX ix_profiles_find_city",
    "DROP INDEX ix_profiles_find_rating",
    "DROP INDEX ix_profiles_find_followers",
    "DROP INDEX ix_profiles_search",
    "ALTER TABLE profiles DROP COLUMN search_facets",
    "ALTER TABLE profiles DROP COLUMN search_vector",
]

# --- SQLite -----------------------------------------------------------------------------------

_FTS_COLUMNS = "name, place, bio, facets"


def _sqlite_list(text: str) -> str:
    # '["FOOD", "TRAVEL"]' -> 'FOOD,TRAVEL'
    for character in ('[', ']', '"', ' '):
        text = f"replace({text}, '{character}', '')"
    return text


def _sqlite_platform(row: str, name: str) -> str:
    return f"CASE WHEN {row}.{name}_handle IS NOT NULL OR {row}.{name}_followers > 0 THEN ' platform{name}' ELSE '' END"


def _sqlite_values(row: str, named: bool = False) -> str:
    name = (f"{row}.display_name || ' ' || coalesce({row}.instagram_handle, '') || ' ' || coalesce({row}.tiktok_handle, '')"
            f" || ' ' || coalesce({row}.facebook_handle, '')")
    categories = _sqlite_list(f"{row}.preferred_categories")
    place = f"{row}.city || ' ' || replace({categories}, ',', ' ')"
    facets = (f"CASE WHEN {categories} <> '' THEN ' category' || replace({categories}, ',', ' category') ELSE '' END"
              f" || {_sqlite_platform(row, 'instagram')} || {_sqlite_platform(row, 'tiktok')}"
              f" || {_sqlite_platform(row, 'facebook')}")
    if named:  # the view's columns carry the index's names, so 'rebuild' finds them
        return f"{row}.rowid AS profile_rowid, {name} AS name, {place} AS place, {row}.bio AS bio, {facets} AS facets"
    return f"{row}.rowid, {name}, {place}, {row}.bio, {facets}"


def _sqlite_listed(row: str) -> str:
    return f"{row}.hidden_from_search = 0"


_SEARCHED = ("display_name, bio, city, preferred_categories, instagram_handle, tiktok_handle, facebook_handle,"
             " instagram_followers, tiktok_followers, facebook_followers, hidden_from_search")
_SQLITE_UP = [
    f"CREATE VIEW creators_fts_source AS SELECT {_sqlite_values('profiles', named=True)}"
    f" FROM profiles WHERE {_sqlite_listed('profiles')}",
    f"CREATE VIRTUAL TABLE creators_fts USING fts5({_FTS_COLUMNS}, content='creators_fts_source',"
    " content_rowid='profile_rowid', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER creators_fts_after_insert AFTER INSERT ON profiles WHEN {_sqlite_listed('new')} BEGIN"
    f" INSERT INTO creators_fts(rowid, {_FTS_COLUMNS}) VALUES ({_sqlite_values('new')}); END",
    f"CREATE TRIGGER creators_fts_after_delete AFTER DELETE ON profiles WHEN {_sqlite_listed('old')} BEGIN"
    f" INSERT INTO creators_fts(creators_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', {_sqlite_values('old')}); END",
    f"CREATE TRIGGER creators_fts_after_update AFTER UPDATE OF {_SEARCHED} ON profiles BEGIN"
    f" INSERT INTO creators_fts(creators_fts, rowid, {_FTS_COLUMNS}) SELECT 'delete', {_sqlite_values('old')}"
    f" WHERE {_sqlite_listed('old')};"
    f" INSERT INTO creators_fts(rowid, {_FTS_COLUMNS}) SELECT {_sqlite_values('new')} WHERE {_sqlite_listed('new')};"
    " END",
    "INSERT INTO creators_fts(creators_fts) VALUES ('rebuild')",
    f"CREATE INDEX ix_profiles_find_followers ON profiles ({FOLLOWERS} DESC, id) WHERE {SQLITE_LISTED}",
    f"CREATE INDEX ix_profiles_find_rating ON profiles (rating DESC, id) WHERE {SQLITE_LISTED}",
    f"CREATE INDEX ix_profiles_find_city ON profiles (lower(city), {FOLLOWERS} DESC, id) WHERE {SQLITE_LISTED}",
    "CREATE INDEX ix_users_creators_active ON users (last_login_at DESC, id) WHERE user_type = 'CREATOR'",
]
_SQLITE_DOWN = [
    "DROP INDEX ix_users_creators_active",
    "DROP INDEX ix_profiles_find_city",
    "DROP INDEX ix_profiles_find_rating",
    "DROP INDEX ix_profiles_find_followers",
    "DROP TRIGGER creators_fts_after_update",
    "DROP TRIGGER creators_fts_after_delete",
    "DROP TRIGGER creators_fts_after_insert",
    "DROP TABLE creators_fts",
    "DROP VIEW creators_fts_source",
]


def _notification_type(types: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*types, name='ck_notificationtype', native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table('invitations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('offer_id', sa.Uuid(), nullable=False),
    sa.Column('creator_id', sa.Uuid(), nullable=False),
    sa.Column('business_id', sa.Uuid(), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('waive_requirements', sa.Boolean(), nullable=False),
    sa.Column('status', sa.Enum('PENDING', 'ACCEPTED', 'DECLINED', name='ck_invitationstatus', native_enum=False,
                                create_constraint=True, length=32), nullable=False),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['business_id'], ['users.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['creator_id'], ['users.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('offer_id', 'creator_id', name='uq_invitations_offer_creator')
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index('ix_invitations_business_created', ['business_id', 'created_at'], unique=False)
        batch_op.create_index('ix_invitations_creator_status', ['creator_id', 'status', 'created_at'], unique=False)
    op.create_table('business_mutes',
    sa.Column('creator_id', sa.Uuid(), nullable=False),
    sa.Column('business_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['business_id'], ['users.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['creator_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('creator_id', 'business_id')
    )
    op.create_table('saved_searches',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('OFFERS', 'CREATORS', name='ck_savedsearchkind', native_enum=False,
                              create_constraint=True, length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('saved_searches', schema=None) as batch_op:
        batch_op.create_index('ix_saved_searches_user_created', ['user_id', 'created_at'], unique=False)
    with op.batch_alter_table('profiles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_from_search', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('available', sa.Boolean(), server_default=sa.true(), nullable=False))
    for table in ('notifications', 'notification_preferences'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('type', existing_type=_notification_type(OLD_TYPES), type_=_notification_type(NEW_TYPES),
                                  existing_nullable=False)
    _run(postgresql=_PG_UP, sqlite=_SQLITE_UP)


def downgrade() -> None:
    _run(postgresql=_PG_DOWN, sqlite=_SQLITE_DOWN)
    for table in ('notifications', 'notification_preferences'):
        op.execute(sa.text(f"DELETE FROM {table} WHERE type IN ('INVITATION_RECEIVED', 'SAVED_SEARCH_MATCH')"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('type', existing_type=_notification_type(NEW_TYPES), type_=_notification_type(OLD_TYPES),
                                  existing_nullable=False)
    with op.batch_alter_table('profiles', schema=None) as batch_op:
        batch_op.drop_column('available')
        batch_op.drop_column('hidden_from_search')
    with op.batch_alter_table('saved_searches', schema=None) as batch_op:
        batch_op.drop_index('ix_saved_searches_user_created')
    op.drop_table('saved_searches')
    op.drop_table('business_mutes')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index('ix_invitations_creator_status')
        batch_op.drop_index('ix_invitations_business_created')
    op.drop_table('invitations')


def _run(**statements: list[str]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)
