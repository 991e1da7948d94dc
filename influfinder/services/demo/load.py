"""Loading the demo into an empty database: accounts, then the past, then the present, each step
through the real services (see the package's docstring)."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.models import User
from influfinder.services import analysis, effects
from influfinder.services.demo.accounts import CREATORS, DEMO_PASSWORD, add_accounts
from influfinder.services.demo.history import play_history
from influfinder.services.demo.offers import planned_offers, publish_offers
from influfinder.services.demo.story import completions_in_story, play_story
from influfinder.services.demo.views import record_views
from influfinder.services.passwords import hash_password


def database_is_empty(db: Session) -> bool:
    return db.exec(select(sa.func.count()).select_from(User)).one() == 0


def load_demo_data(db: Session, now: datetime | None = None) -> bool:
    """Play the demo into an empty database, in the caller's transaction. Returns False, changing
    nothing, if the database has users already."""
    if not database_is_empty(db):
        return False
    now = now or datetime.now(timezone.utc)
    with analysis.analysed_in_transaction():
        actors = add_accounts(db, now, hash_password(DEMO_PASSWORD))
        in_story = completions_in_story()
        play_history(db, actors, now, {c.username: c.completed - in_story[c.username] for c in CREATORS})
        plans = planned_offers(now)
        offer_ids = publish_offers(db, actors, plans)
        play_story(db, actors, plans, offer_ids, now)
        record_views(db, plans, offer_ids, now)
    effects.discard_pending(db)
    return True
