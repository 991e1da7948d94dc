"""The public page of one offer (services.offers.get_public_offer_detail) on SQLite and PostgreSQL,
both built by the migrations and filled with the demo data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import OfferStatus
from influfinder.models import Offer
from influfinder.services.offers import get_public_offer_detail
from tests.support.demo import demo_engine

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]  # the demo plays a year of work first


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('detail') / 'detail.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    built = demo_engine(url)
    yield built
    built.dispose()


@pytest.fixture
def db(engine) -> Iterator[Session]:
    """Each test in a transaction that is rolled back, so one test's edits never reach another."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with Session(bind=connection) as session:
            yield session
        transaction.rollback()


def first(db: Session, keep) -> Offer:
    """The oldest demo offer that `keep` accepts."""
    return next(o for o in db.exec(select(Offer).order_by(Offer.created_at)).all() if keep(o))


def test_an_open_offer_shows_its_terms_as_the_business_wrote_them(db):
    offer = first(db, lambda o: o.status is OfferStatus.ACTIVE and o.is_public and o.requires_visit)
    detail = get_public_offer_detail(db, str(offer.id))
    assert detail.summary.title == offer.title
    assert detail.compensation_details == offer.compensation_details
    assert detail.address == offer.address
    assert detail.requirements.model_dump() == offer.requirements
    assert detail.content_specs.model_dump(mode="json") == offer.content_specs


def test_an_offer_without_a_visit_never_shows_an_address(db):
    offer = first(db, lambda o: o.status is OfferStatus.ACTIVE and o.is_public and not o.requires_visit)
    db.execute(sa.update(Offer).where(Offer.id == offer.id).values(address="Back office, floor 2"))
    assert get_public_offer_detail(db, str(offer.id)).address == ""


@pytest.mark.parametrize("status", [OfferStatus.DRAFT, OfferStatus.PAUSED, OfferStatus.ARCHIVED])
def test_offers_that_are_not_open_are_not_shown(db, status):
    offer = first(db, lambda o: o.status is status)
    assert get_public_offer_detail(db, str(offer.id)) is None


def test_a_private_offer_is_not_shown_even_when_active(db):
    offer = first(db, lambda o: o.status is OfferStatus.ACTIVE and not o.is_public)
    assert get_public_offer_detail(db, str(offer.id)) is None


@pytest.mark.parametrize("offer_id", ["", "not-an-id", "00000000-0000-0000-0000-000000000000", {"$gt": 1}, None])
def test_an_id_that_names_no_offer_gives_nothing_instead_of_an_error(db, offer_id):
    assert get_public_offer_detail(db, offer_id) is None


def test_terms_stored_before_validation_existed_show_defaults_instead_of_failing(db):
    offer = first(db, lambda o: o.status is OfferStatus.ACTIVE and o.is_public)
    db.execute(sa.update(Offer).where(Offer.id == offer.id).values(
        requirements={"influencer": {"min_followers": "lots"}}, content_specs={"required_hashtags": ["no hash"]}))
    detail = get_public_offer_detail(db, str(offer.id))
    assert detail.summary.title == offer.title
    assert detail.requirements.influencer.min_followers == 0
    assert detail.content_specs.required_hashtags == []
