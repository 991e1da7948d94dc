"""The business's track record on an offer's page: its rating and completed collaborations, for
public offers only, on SQLite and on PostgreSQL (both built by the migrations)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from influfinder import database
from influfinder.domain.enums import CollaborationStatus, OfferStatus, UserType
from influfinder.models import Application, Collaboration, Offer, Profile, User
from influfinder.services.business_record import business_record

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def migrated_engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('record') / 'record.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    database.migrate(url)
    engine = database.make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(migrated_engine) -> Iterator[Session]:
    with migrated_engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            yield session
        outer.rollback()


def user(db: Session, kind: UserType, **profile) -> User:
    tag = uuid.uuid4().hex[:10]
    row = User(email=f"u{tag}@example.com", username=f"u{tag}", user_type=kind, is_verified=True)
    db.add(row)
    db.flush()
    db.add(Profile(user_id=row.id, **profile))
    db.flush()
    return row


def offer(db: Session, business: User, **changes) -> Offer:
    values = {"title": "Brunch for two", "description": "Film it.", "category": "FOOD", "status": OfferStatus.ACTIVE}
    row = Offer(business_id=business.id, **{**values, **changes})
    db.add(row)
    db.flush()
    return row


def collaboration(db: Session, on: Offer, status: CollaborationStatus, business_rating: int | None = None) -> None:
    creator = user(db, UserType.CREATOR)
    application = Application(offer_id=on.id, creator_id=creator.id, message="I would love to film this.")
    db.add(application)
    db.flush()
    db.add(Collaboration(offer_id=on.id, application_id=application.id, creator_id=creator.id,
                         business_id=on.business_id, status=status, business_rating=business_rating))
    db.flush()


def test_the_record_counts_completed_collaborations_and_ratings_across_the_business_offers(db):
    business = user(db, UserType.BUSINESS, company_name="Café Aurora", city="Madrid")
    shown, other = offer(db, business), offer(db, business, status=OfferStatus.ARCHIVED)
    collaboration(db, shown, CollaborationStatus.COMPLETED, business_rating=5)
    collaboration(db, other, CollaborationStatus.COMPLETED, business_rating=4)
    collaboration(db, other, CollaborationStatus.SCHEDULED)
    collaboration(db, offer(db, user(db, UserType.BUSINESS)), CollaborationStatus.COMPLETED, business_rating=1)

    record = business_record(db, str(shown.id))

    assert (record.name, record.city, record.rating, record.rating_count) == ("Café Aurora", "Madrid", 4.5, 2)
    assert record.completed_collaborations == 2


def test_a_new_business_has_no_rating_and_falls_back_to_its_username(db):
    business = user(db, UserType.BUSINESS)
    record = business_record(db, offer(db, business).id)
    assert (record.name, record.rating, record.rating_count, record.completed_collaborations) == (
        business.username, None, 0, 0)


@pytest.mark.parametrize("status", [OfferStatus.DRAFT, OfferStatus.PAUSED, OfferStatus.ARCHIVED])
def test_offers_nobody_may_browse_reveal_nothing(db, status):
    business = user(db, UserType.BUSINESS, company_name="Hidden Co")
    assert business_record(db, offer(db, business, status=status).id) is None
    assert business_record(db, offer(db, business, is_public=False).id) is None


@pytest.mark.parametrize("bad", ["not-a-uuid", "", None, 12, "5bcb51b0-2e02-4368-8393-c4dc410fef6f"])
def test_unknown_or_malformed_ids_give_none(db, bad):
    assert business_record(db, bad) is None
