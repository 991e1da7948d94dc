"""The schema's own guarantees, checked on a database built by the migrations.

`ConstraintChecks` is shared: tests/unit runs it on SQLite and tests/integration on PostgreSQL,
each providing a `migrated_engine` fixture. Each refusal must leave the database unchanged.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from influfinder.domain.enums import UserType
from influfinder.models import Application, Collaboration, Offer, Profile, User


def user(kind: UserType = UserType.CREATOR, email: str | None = None, username: str | None = None) -> User:
    tag = uuid.uuid4().hex[:10]
    return User(email=email or f"u{tag}@example.com", username=username or f"u{tag}", user_type=kind)


def offer(business: User, **fields) -> Offer:
    return Offer(business_id=business.id, title="Brunch for two", description="Come and film it.",
                 category="FOOD", **fields)


def application(of: Offer, by: User) -> Application:
    return Application(offer_id=of.id, creator_id=by.id, message="I'd love to.")


def collaboration(of: Offer, creator: User, **fields) -> Collaboration:
    return Collaboration(offer_id=of.id, creator_id=creator.id, business_id=of.business_id, status="ACCEPTED",
                         **fields)


def insert(engine: sa.Engine, *rows: SQLModel) -> None:
    with Session(engine, expire_on_commit=False) as db:
        for row in rows:
            db.add(row)
            db.flush()
        db.commit()


def assert_refused(engine: sa.Engine, row: SQLModel) -> None:
    with Session(engine) as db:
        db.add(row)
        with pytest.raises(IntegrityError):
            db.commit()
    with Session(engine) as db:
        assert db.get(type(row), row.id) is None


class ConstraintChecks:
    def test_a_creator_applies_to_an_offer_only_once(self, migrated_engine):
        business, creator = user(UserType.BUSINESS), user()
        the_offer = offer(business)
        insert(migrated_engine, business, creator, the_offer, application(the_offer, creator))
        assert_refused(migrated_engine, application(the_offer, creator))
        insert(migrated_engine, application(the_offer, business))  # another applicant is fine

    def test_emails_are_unique_whatever_their_case(self, migrated_engine):
        insert(migrated_engine, user(email="ana@example.com"))
        assert_refused(migrated_engine, user(email="ana@example.com"))
        # A mixed-case copy cannot slip past the unique index: the CHECK wants it lower-cased first.
        assert_refused(migrated_engine, user(email="Ana@Example.com"))

    def test_usernames_are_stored_lower_case(self, migrated_engine):
        assert_refused(migrated_engine, user(username="AnaGlow"))

    @pytest.mark.parametrize("rating", [0, 6, -1])
    def test_collaboration_ratings_are_one_to_five(self, migrated_engine, rating):
        business, creator = user(UserType.BUSINESS), user()
        the_offer = offer(business)
        insert(migrated_engine, business, creator, the_offer, collaboration(the_offer, creator, creator_rating=5,
                                                                           business_rating=1))
        assert_refused(migrated_engine, collaboration(the_offer, creator, creator_rating=rating))
        assert_refused(migrated_engine, collaboration(the_offer, creator, business_rating=rating))

    def test_profile_rating_is_one_to_five(self, migrated_engine):
        creator = user()
        insert(migrated_engine, creator)
        assert_refused(migrated_engine, Profile(user_id=creator.id, rating=0.5))
        insert(migrated_engine, Profile(user_id=creator.id, rating=4.5))

    def test_a_budget_range_runs_from_low_to_high(self, migrated_engine):
        business = user(UserType.BUSINESS)
        insert(migrated_engine, business, offer(business, budget_min=Decimal(100), budget_max=Decimal(100)))
        assert_refused(migrated_engine, offer(business, budget_min=Decimal(200), budget_max=Decimal(100)))
        assert_refused(migrated_engine, offer(business, budget_min=Decimal(-1)))

    def test_an_unknown_status_is_refused(self, migrated_engine):
        business = user(UserType.BUSINESS)
        insert(migrated_engine, business)
        # Raw SQL: the database itself must refuse it, not only SQLAlchemy's Enum type.
        with Session(migrated_engine) as db, pytest.raises(IntegrityError):
            db.execute(sa.text(
                "INSERT INTO offers (id, business_id, brand_name, title, description, category, platforms,"
                " currency, compensation_type, compensation_details, status, is_public, requirements,"
                " content_specs, requires_visit, city, address, slots, min_tier, views_count, created_at,"
                " updated_at) VALUES (:id, :b, '', 't', 'd', 'FOOD', '[]', 'EUR', 'PAID', '', 'LIVE', true,"
                " '{}', '{}', false, '', '', 1, 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ), {"id": uuid.uuid4().hex if db.bind.dialect.name == "sqlite" else uuid.uuid4(), "b": _key(db, business)})
            db.commit()


def _key(db: Session, row: SQLModel):
    # SQLite stores Uuid as 32 hex characters; PostgreSQL has a native uuid type.
    return row.id.hex if db.bind.dialect.name == "sqlite" else row.id
