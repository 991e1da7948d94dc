"""The schema's constraints on SQLite, the embedded default, built by the migrations."""

import pytest

from influfinder import database
from tests.support.constraints import ConstraintChecks


@pytest.fixture(scope="module")
def migrated_engine(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('constraints') / 'schema.db'}"
    database.migrate(url)
    engine = database.make_engine(url)
    yield engine
    engine.dispose()


class TestOnSQLite(ConstraintChecks):
    pass
