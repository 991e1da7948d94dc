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
