"""`load_demo_data` on a real PostgreSQL: it fills an empty database once and never twice."""

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

import influfinder.models  # noqa: F401 - registers every table
from influfinder import database
from influfinder.models import Offer, User
from influfinder.services.demo_data import DEMO_PASSWORD, build_demo, load_demo_data
from influfinder.services.passwords import verify_password
from tests.support.demo import NOW

pytestmark = [pytest.mark.integration, pytest.mark.postgres]


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for name, table in SQLModel.metadata.tables.items()}


@pytest.fixture
def engine(empty_pg_url):
    database.migrate(empty_pg_url)
    engine = database.make_engine(empty_pg_url)
    yield engine
    engine.dispose()


def test_demo_data_loads_into_an_empty_database_then_a_second_call_changes_nothing(engine):
    with Session(engine) as db:
        assert load_demo_data(db, now=NOW) is True
        db.commit()
    expected = build_demo(NOW, "unused")
    counts = row_counts(engine)
    assert counts["users"] == len(expected.users)
    assert counts["offers"] == len(expected.offers)
    assert counts["collaborations"] == len(expected.collaborations)
    with Session(engine) as db:
        assert set(db.exec(select(Offer.id)).all()) == {o.id for o in expected.offers}
    with Session(engine) as db:
        assert load_demo_data(db, now=NOW) is False
        db.commit()
    assert row_counts(engine) == counts


def test_demo_accounts_log_in_with_the_documented_password(engine):
    with Session(engine) as db:
        load_demo_data(db, now=NOW)
        db.commit()
    with Session(engine) as db:
        admin = db.exec(select(User).where(User.is_admin.is_(True))).one()
    assert verify_password(DEMO_PASSWORD, admin.password_hash)
    assert not verify_password("wrong-password", admin.password_hash)
