"""Migrations are the schema: they match the models, and go down and up again, on both databases."""

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import influfinder.models  # noqa: F401 - registers every table
from influfinder import database
from influfinder.models.creator_index import include_name  # offer and creator search objects

pytestmark = pytest.mark.integration


def schema_diff(url: str) -> list:
    engine = database.make_engine(url)
    try:
        with engine.connect() as connection:
            # include_name: the full-text search objects the migrations keep beside the models (as env.py does).
            context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": include_name})
            return compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = database.make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def check_round_trip(url: str) -> None:
    config = database.alembic_config(url)
    command.upgrade(config, "head")
    assert schema_diff(url) == [], "the models and the migrations disagree: write a migration"
    command.downgrade(config, "base")
    assert table_names(url) == {"alembic_version"}, "a downgrade left tables behind"
    command.upgrade(config, "head")
    assert set(SQLModel.metadata.tables) <= table_names(url)
    assert schema_diff(url) == []


@pytest.mark.postgres
def test_postgres_upgrades_matches_the_models_downgrades_and_upgrades_again(empty_pg_url):
    check_round_trip(empty_pg_url)


def test_sqlite_upgrades_matches_the_models_downgrades_and_upgrades_again(sqlite_url):
    check_round_trip(sqlite_url)


def test_the_migrations_have_one_head():
    from alembic.script import ScriptDirectory

    assert len(ScriptDirectory.from_config(database.alembic_config("sqlite://")).get_heads()) == 1


def check_audience_backfill(url: str) -> None:
    """Revisions 0018 and 0019 fill profiles.audience_followers and audience_platforms for the rows already
    there: verified beats typed, and a connected account puts the creator on its platform."""
    import uuid
    from datetime import datetime, timezone

    def table(name: str, values: dict):  # the table as revision 0017 left it, typed where the drivers need it
        types = {"id": sa.Uuid(), "user_id": sa.Uuid(), "auth_providers": sa.JSON(), "verified_audience": sa.JSON(),
                 "preferred_categories": sa.JSON(), "created_at": sa.DateTime(timezone=True),
                 "updated_at": sa.DateTime(timezone=True)}
        return sa.table(name, *(sa.column(key, types.get(key)) for key in values))

    config = database.alembic_config(url)
    command.upgrade(config, "0017_portfolio")
    engine = database.make_engine(url)
    now = datetime.now(timezone.utc)
    people = {uuid.uuid4(): {}, uuid.uuid4(): {"instagram": {"followers": 3_000}},
              uuid.uuid4(): {"facebook": {"followers": 700}}}  # a Facebook Page connected, nothing typed there
    try:
        with engine.begin() as connection:
            for user_id, readings in people.items():
                user = {"id": user_id, "email": f"{user_id.hex}@example.com", "username": user_id.hex[:20],
                        "user_type": "CREATOR", "is_verified": True, "is_admin": False, "is_active": True,
                        "auth_providers": {}, "created_at": now, "updated_at": now}
                profile = {"id": uuid.uuid4(), "user_id": user_id, "display_name": "", "bio": "", "city": "",
                           "tier_level": 0, "karma_score": 0, "tier_progress": 0.0, "rating_count": 0,
                           "completed_collaborations": 0, "preferred_categories": [], "verified_audience": readings,
                           "instagram_followers": 500_000, "tiktok_followers": 2_000, "facebook_followers": 0,
                           **{f"{name}_{figure}": value for name in ("instagram", "tiktok", "facebook")
                              for figure, value in (("engagement", 0.0), ("verified", False))},
                           "created_at": now, "updated_at": now}
                connection.execute(table("users", user).insert().values(user))
                connection.execute(table("profiles", profile).insert().values(profile))
        command.upgrade(config, "head")
        with engine.connect() as connection:
            profiles = sa.table("profiles", sa.column("user_id", sa.Uuid()), sa.column("audience_followers"),
                                sa.column("audience_verified", sa.Boolean()), sa.column("audience_platforms"))
            totals = {user_id: (followers, verified, platforms) for user_id, followers, verified, platforms
                      in connection.execute(sa.select(profiles.c.user_id, profiles.c.audience_followers,
                                                      profiles.c.audience_verified, profiles.c.audience_platforms))}
    finally:
        engine.dispose()
    typed_only, connected, page_only = people
    # Revision 0019 fills profiles.audience_platforms, which Find creators' platform filter reads: a
    # connected account counts as much as a typed handle.
    assert totals == {typed_only: (502_000, False, "instagram tiktok"), connected: (5_000, True, "instagram tiktok"),
                      page_only: (502_700, True, "instagram tiktok facebook")}


@pytest.mark.postgres
def test_postgres_fills_the_audience_total_of_existing_profiles(empty_pg_url):
    check_audience_backfill(empty_pg_url)


def test_sqlite_fills_the_audience_total_of_existing_profiles(sqlite_url):
    check_audience_backfill(sqlite_url)


def check_requirement_backfill(url: str) -> None:
    """Revision 0021 fills the offers' typed requirement minimums for the rows already there, through the
    rule the model keeps them by, and (PostgreSQL) puts the city in the text index's facets."""
    import uuid
    from datetime import datetime, timezone

    from influfinder.models.search_index import city_facet

    config = database.alembic_config(url)
    command.upgrade(config, "0019_search")
    engine = database.make_engine(url)
    now = datetime.now(timezone.utc)
    owner = uuid.uuid4()
    asked = {uuid.uuid4(): {"influencer": {"min_followers": 10_000, "min_engagement": 2.5, "verified": True},
                            "regular": {"min_followers": 500, "min_engagement": 1.0}},
             uuid.uuid4(): {"regular": {"min_followers": 1_000}},
             uuid.uuid4(): {}}
    offers = sa.table("offers", *(sa.column(name, kind) for name, kind in (
        ("id", sa.Uuid()), ("business_id", sa.Uuid()), ("title", None), ("description", None), ("category", None),
        ("platforms", sa.JSON()), ("currency", None), ("compensation_type", None), ("compensation_details", None),
        ("status", None), ("is_public", None), ("requirements", sa.JSON()), ("content_specs", sa.JSON()),
        ("requires_visit", None), ("city", None), ("address", None), ("slots", None), ("min_tier", None),
        ("views_count", None), ("brand_name", None), ("created_at", sa.DateTime(timezone=True)),
        ("updated_at", sa.DateTime(timezone=True)))))
    users = sa.table("users", *(sa.column(name, kind) for name, kind in (
        ("id", sa.Uuid()), ("email", None), ("username", None), ("user_type", None), ("is_verified", None),
        ("is_admin", None), ("is_active", None), ("auth_providers", sa.JSON()),
        ("created_at", sa.DateTime(timezone=True)), ("updated_at", sa.DateTime(timezone=True)))))
    try:
        with engine.begin() as connection:
            connection.execute(users.insert().values(
                id=owner, email="owner@example.com", username="owner", user_type="BUSINESS", is_verified=True,
                is_admin=False, is_active=True, auth_providers={}, created_at=now, updated_at=now))
            for offer_id, requirements in asked.items():
                connection.execute(offers.insert().values(
                    id=offer_id, business_id=owner, title="Tacos", description="Film the tacos.", category="FOOD",
                    platforms=["INSTAGRAM"], currency="EUR", compensation_type="PAID", compensation_details="",
                    status="ACTIVE", is_public=True, requirements=requirements, content_specs={},
                    requires_visit=False, city="Ciudad de México", address="", slots=1, min_tier=0, views_count=0,
                    brand_name="", created_at=now, updated_at=now))
        command.upgrade(config, "head")
        names = ["influencer_min_followers", "influencer_min_engagement", "influencer_verified",
                 "regular_min_followers", "regular_min_engagement"]
        with engine.connect() as connection:
            found = {uuid.UUID(str(row[0])): tuple(row[1:]) for row in connection.execute(
                sa.text(f"SELECT id, {', '.join(names)} FROM offers"))}
            facets = (connection.scalar(sa.text("SELECT count(*) FROM offers WHERE search_facets @@"
                                                " to_tsquery('simple', :word)"), {"word": city_facet("ciudad de méxico")})
                      if engine.dialect.name == "postgresql" else None)
    finally:
        engine.dispose()
    full, regular_only, nothing = asked
    assert {key: (a, b, bool(c), d, e) for key, (a, b, c, d, e) in found.items()} == {
        full: (10_000, 2.5, True, 500, 1.0), regular_only: (0, 0.0, False, 1_000, 0.0), nothing: (0, 0.0, False, 0, 0.0)}
    assert facets in (None, 3)


@pytest.mark.postgres
def test_postgres_fills_the_requirement_minimums_of_existing_offers(empty_pg_url):
    check_requirement_backfill(empty_pg_url)


def test_sqlite_fills_the_requirement_minimums_of_existing_offers(sqlite_url):
    check_requirement_backfill(sqlite_url)
