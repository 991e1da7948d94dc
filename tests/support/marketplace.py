"""Builders for the marketplace's service tests on their own engine: the module's database,
transactions, users with a profile, offer forms and published offers, and races of threads.

Every call runs in its own transaction, committed on success and rolled back on a refusal, the
way the app's `session_scope` runs it. Users and offers go through the same services the app uses
where there are services for them (offers), and straight into the tables where there are not
(people, who would otherwise need the sign-up flow).
"""

from __future__ import annotations

import contextvars
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from influfinder import database
from influfinder.domain.enums import UserType
from influfinder.models import Profile, User
from influfinder.services import offer_management
from influfinder.services.actors import Actor
from tests.support.early_access import released

# The `params` of a module's database fixture: SQLite always, PostgreSQL when it answers.
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
MESSAGE = "I film food every week and my audience is in Madrid."
# Whom an authorization matrix tries each action as; "anonymous" is nobody signed in.
ROLES = ("owner", "other_business", "creator", "other_creator", "admin", "anonymous")


@contextmanager
def migrated_database(request, tmp_path_factory, name: str) -> Iterator[tuple[str, sa.Engine]]:
    """The module's database (a SQLite file, or the module's PostgreSQL database), migrated, and an
    engine on it; on PostgreSQL with room for the race tests' twenty concurrent transactions."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp(name) / f'{name}.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    database.migrate(url)
    built = database.make_engine(url, pool_size=25, max_overflow=5) if request.param == "postgres" \
        else database.make_engine(url)
    try:
        yield url, built
    finally:
        built.dispose()


@contextmanager
def scope(engine: sa.Engine) -> Iterator[Session]:
    """The app's session_scope, on the test's engine."""
    with Session(engine, expire_on_commit=False) as db:
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise


def call(engine: sa.Engine, fn, *args, **kwargs):
    """One service call in its own transaction."""
    with scope(engine) as db:
        return fn(db, *args, **kwargs)


def make_user(engine, kind=UserType.CREATOR, *, verified=True, admin=False, followers=800, engagement=2.5,
              tier=0, company=False) -> Actor:
    """A user with a profile (Instagram numbers, tier, and a company name when `company`), as an Actor."""
    tag = uuid.uuid4().hex[:10]
    user = User(email=f"u{tag}@example.com", username=f"u{tag}", user_type=kind, is_verified=verified,
                is_admin=admin)
    with scope(engine) as db:
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name=f"Name {tag}", company_name=f"Company {tag}" if company else None,
                       instagram_followers=followers, instagram_engagement=engagement, tier_level=tier))
    return Actor(id=user.id, session_id="test", username=user.username, email=user.email,
                 display_name=f"Name {tag}", user_type=kind, is_admin=admin, is_verified=verified)


@dataclass
class Cast:
    """The people of an authorization matrix: the business that owns the objects, another business
    (an agency), the creator involved, another creator, and an admin."""

    owner: Actor
    other_business: Actor
    creator: Actor
    other_creator: Actor
    admin: Actor

    def actor(self, role: str) -> Actor | None:
        return None if role == "anonymous" else getattr(self, role)


def cast(engine, make=make_user) -> dict[str, Actor]:
    """The cast's people made with `make` (a module's make_user), as `World(**cast(engine), ...)` takes them."""
    return dict(owner=make(engine, UserType.BUSINESS), other_business=make(engine, UserType.AGENCY),
                creator=make(engine), other_creator=make(engine), admin=make(engine, UserType.BUSINESS, admin=True))


def offer_form(**changes) -> dict:
    """What the offer form sends for a paid Instagram reel in Madrid, with `changes` on top."""
    now = datetime.now(timezone.utc)
    form = {
        "title": "Brunch tasting for two", "description": "Come to Café Aurora, try the menu and film a reel.",
        "category": "FOOD", "platforms": ["INSTAGRAM"], "budget_min": "150", "budget_max": "300",
        "currency": "EUR", "compensation_type": "PAID",
        "requirements": {"regular": {"min_followers": 500, "min_engagement": 1.5}},
        "content_specs": {"formats": ["REEL"], "required_hashtags": ["#ad"], "required_mentions": ["@cafe"]},
        "application_deadline": now + timedelta(days=10), "content_deadline": now + timedelta(days=30),
        "requires_visit": True, "city": "Madrid", "address": "Calle Mayor 1", "slots": 2, "min_tier": 0,
    }
    form.update(changes)
    return form


def published(engine, owner: Actor, **changes) -> uuid.UUID:
    """An ACTIVE offer of `owner`, drafted and published through the offer services, and visible to
    every tier: most tests apply as a Newbie, so the early-access day is let pass."""
    offer_id = call(engine, offer_management.create_draft, owner, offer_form(**changes))
    call(engine, offer_management.publish, owner, offer_id)
    call(engine, released, offer_id)
    return offer_id


def race(count: int, work) -> list:
    """Run `work(i)` in `count` threads released at the same instant; results or exceptions, in order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - the test reads every outcome
            results[i] = error

    # Each thread runs in a copy of the caller's context, as asyncio.to_thread does (the language, say).
    threads = [threading.Thread(target=contextvars.copy_context().run, args=(run, i)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
