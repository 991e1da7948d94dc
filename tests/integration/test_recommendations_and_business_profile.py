"""Recommended offers for a creator, suggested creators for an offer (each with its reasons), and the
public business profile, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from influfinder.domain.enums import UserType
from influfinder.models import Profile
from influfinder.services import business_profiles, invitations, recommendations
from influfinder.services.errors import NotAllowed
from tests.support.marketplace import DATABASES, call, make_user, migrated_database, published, scope

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=DATABASES)
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    with migrated_database(request, tmp_path_factory, "recommend") as (_url, built):
        yield built


def taste(engine, actor, **values) -> None:
    with scope(engine) as db:
        profile = db.exec(sa.select(Profile).where(Profile.user_id == actor.id)).scalar_one()
        for name, value in values.items():
            setattr(profile, name, value)


def test_a_creator_gets_offers_in_their_category_and_city_first_with_the_reasons(engine):
    brand, creator = make_user(engine, UserType.BUSINESS, company=True), make_user(engine, followers=3000)
    taste(engine, creator, city="Sevilla", preferred_categories=["TRAVEL"])
    near = published(engine, brand, title="Sevilla rooftop weekend", category="TRAVEL", city="Sevilla")
    published(engine, brand, title="Tech launch in Lisboa", category="TECH", city="Lisboa")
    shown = call(engine, recommendations.recommended_offers, creator)
    assert shown[0].offer.id == str(near)
    assert "Travel, one of your categories" in shown[0].why and "In Sevilla, your city" in shown[0].why
    with pytest.raises(NotAllowed):
        call(engine, recommendations.recommended_offers, brand)


def test_a_business_gets_suggested_creators_for_its_offer_but_not_those_already_invited(engine):
    brand, other = make_user(engine, UserType.BUSINESS), make_user(engine, UserType.BUSINESS)
    fit, invited = make_user(engine, followers=3000), make_user(engine, followers=3000)
    for person in (fit, invited):
        taste(engine, person, city="Bilbao", preferred_categories=["FITNESS"], rating=4.8)
    offer_id = published(engine, brand, category="FITNESS", city="Bilbao")
    call(engine, invitations.invite, brand, offer_id, invited.username)
    shown = call(engine, recommendations.suggested_creators, brand, offer_id)
    names = [s.creator.username for s in shown]
    assert fit.username in names and invited.username not in names
    best = shown[names.index(fit.username)]
    assert best.why.startswith("Fitness creator in Bilbao") and "4.8 rating" in best.why
    with pytest.raises(NotAllowed):
        call(engine, recommendations.suggested_creators, other, offer_id)


def test_the_business_profile_shows_its_open_public_offers_for_anyone(engine):
    brand = make_user(engine, UserType.AGENCY, company=True)
    public = published(engine, brand, title="Open to all")
    published(engine, brand, title="Invite only", is_public=False)
    profile = call(engine, business_profiles.public_business_profile, None, brand.username.upper())
    assert profile.name.startswith("Company ") and [o.id for o in profile.offers] == [str(public)]
    assert (profile.completed, profile.rating, profile.reviews) == (0, None, [])
    creator = make_user(engine)
    with pytest.raises(NotAllowed):
        call(engine, business_profiles.public_business_profile, None, creator.username)
