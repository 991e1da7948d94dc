"""`load_demo_data` on a real PostgreSQL: it fills an empty database once and never twice, and the
demo accounts log in with the documented password."""

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

import influfinder.models  # noqa: F401 - registers every table
from influfinder.models import Offer, User
from influfinder.services.demo_data import ACCOUNTS, DEMO_PASSWORD, load_demo_data
from influfinder.services.passwords import verify_password
from tests.support.demo import NOW, demo_engine

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.timeout(900)]  # a year of work, played


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for name, table in SQLModel.metadata.tables.items()}


def test_the_demo_loads_once_its_accounts_log_in_and_a_second_load_changes_nothing(empty_pg_url):
    engine = demo_engine(empty_pg_url, NOW)
    try:
        counts = row_counts(engine)
        assert counts["users"] == len(ACCOUNTS)
        with Session(engine) as db:
            assert db.exec(select(sa.func.count()).select_from(Offer)).one() >= 40
            hashed = db.exec(select(User.password_hash).where(User.is_admin.is_(True))).one()
            assert load_demo_data(db, now=NOW) is False
            db.commit()
        assert row_counts(engine) == counts
        assert verify_password(DEMO_PASSWORD, hashed)
        assert not verify_password("wrong-password", hashed)
    finally:
        engine.dispose()
