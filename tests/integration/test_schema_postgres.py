"""The schema built by the migrations on a real PostgreSQL keeps the same guarantees as on SQLite."""

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import influfinder.models  # noqa: F401 - registers every table
from influfinder import database
from tests.support.constraints import ConstraintChecks

pytestmark = [pytest.mark.integration, pytest.mark.postgres]


@pytest.fixture(scope="module")
def migrated_engine(pg_url):
    database.migrate(pg_url)
    engine = database.make_engine(pg_url)
    yield engine
    engine.dispose()


def test_every_model_has_its_table(migrated_engine):
    tables = set(sa.inspect(migrated_engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_uuid_and_timestamp_columns_use_native_postgresql_types(migrated_engine):
    columns = {c["name"]: c["type"] for c in sa.inspect(migrated_engine).get_columns("offers")}
    assert isinstance(columns["id"], sa.Uuid)
    assert getattr(columns["created_at"], "timezone", False) is True


class TestOnPostgres(ConstraintChecks):
    pass
