"""A fixed clock, and a database with the demo loaded into it."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session

from influfinder import database
from influfinder.services.demo_data import load_demo_data

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def demo_engine(url: str, now: datetime = NOW) -> sa.Engine:
    """The migrated database at `url` with the demo loaded (as of `now`); dispose it when done."""
    database.migrate(url)
    engine = database.make_engine(url)
    with Session(engine) as db:
        assert load_demo_data(db, now=now) is True
        db.commit()
    return engine
