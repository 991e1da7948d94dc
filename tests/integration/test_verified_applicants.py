"""What a business sees of applicants' figures, and what a creator's fit is read from, once an
account is connected: verified figures win, every card says their source, and "verified only"
filters the list in the database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import select

from influfinder.domain.enums import UserType
from influfinder.models import Profile
from influfinder.services import applications
from influfinder.services.errors import ServiceError
from tests.integration.test_marketplace_services import (  # noqa: F401
    MESSAGE, call, engine, empty_tables, make_user, published,
)
from tests.support.marketplace import scope

pytestmark = pytest.mark.integration


def connected(engine, creator, platform: str, followers: int, engagement: float | None, days_ago: int = 2):
    """The creator's account on `platform` was read `days_ago` days ago (what connecting leaves on the profile)."""
    taken_at = (datetime.now(timezone.utc) - timedelta(days=days_ago)).isoformat()
    with scope(engine) as db:
        profile = db.exec(select(Profile).where(Profile.user_id == creator.id)).one()
        profile.verified_audience = {platform: {"followers": followers, "engagement": engagement,
                                                "taken_at": taken_at, "handle": "me"}}
        db.add(profile)


def test_each_applicant_card_says_where_its_figures_come_from(engine):
    business = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, business, slots=3)
    typed = make_user(engine, followers=900, engagement=2.0)
    verified = make_user(engine, followers=50_000, engagement=9.0)  # typed far too high: the reading wins
    connected(engine, verified, "instagram", 2_400, 3.1)
    for creator in (typed, verified):
        call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})

    cards = {r.creator.username: r.creator for r in call(engine, applications.list_for_offer, business, offer_id).items}

    assert (cards[typed.username].followers, cards[typed.username].audience_source) == (900, "Self-reported")
    mine = cards[verified.username]
    assert (mine.followers, mine.engagement, mine.audience_verified) == (2_400, 3.1, True)
    assert mine.audience_source == "Verified via Instagram, updated 2 days ago"


def test_verified_only_keeps_the_creators_with_figures_from_a_connected_account(engine):
    business = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, business, slots=3)
    typed, verified, elsewhere = make_user(engine), make_user(engine), make_user(engine)
    connected(engine, verified, "instagram", 1_500, 2.0)
    connected(engine, elsewhere, "tiktok", 1_500, 2.0)  # verified, but not on the offer's platform
    for creator in (typed, verified, elsewhere):
        call(engine, applications.apply, creator, offer_id, {"message": MESSAGE})

    page = call(engine, applications.list_for_offer, business, offer_id, None, 1, 20, True)

    assert [r.creator.username for r in page.items] == [verified.username] and page.total == 1
    assert call(engine, applications.list_for_offer, business, offer_id).total == 3
    with pytest.raises(ServiceError, match="yes or no"):
        call(engine, applications.list_for_offer, business, offer_id, None, 1, 20, {"$ne": 1})


def test_a_creator_who_typed_more_than_the_verified_figures_is_held_to_the_verified_ones(engine):
    business = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, business)  # regular creators need 500 followers and 1.5 % engagement
    creator = make_user(engine, followers=20_000, engagement=4.0)
    connected(engine, creator, "instagram", 300, 4.0)

    check = call(engine, applications.check_apply, creator, offer_id)

    assert not check.can_apply
    assert check.reasons == ["You do not have enough followers: 300 on Instagram (verified); the offer asks for 500."]


def test_each_applicant_card_carries_the_creators_reputation_badges(engine):
    business = make_user(engine, UserType.BUSINESS)
    offer_id = published(engine, business, slots=3)
    newcomer = make_user(engine)
    call(engine, applications.apply, newcomer, offer_id, {"message": MESSAGE})

    [row] = call(engine, applications.list_for_offer, business, offer_id).items
    detail = call(engine, applications.open_application, business, row.id)

    assert row.creator.badges == ("Newcomer",) and detail.creator.badges == ("Newcomer",)


def test_the_public_profile_shows_verified_figures_with_their_source(engine):
    from influfinder.services.creator_profiles import public_creator_profile

    creator = make_user(engine, followers=50_000, engagement=9.0)
    with scope(engine) as db:
        db.exec(sa.update(Profile).where(Profile.user_id == creator.id).values(instagram_handle="me"))
    connected(engine, creator, "instagram", 2_400, 3.1, days_ago=1)

    kit = call(engine, public_creator_profile, None, creator.username)

    assert [(f.followers, f.engagement, f.source) for f in kit.card.figures] == [
        (2_400, 3.1, "Verified via Instagram, updated yesterday")]
    assert kit.card.total_followers == 2_400


def test_both_public_profiles_carry_the_reputation_badges(engine):
    from influfinder.services.business_profiles import public_business_profile
    from influfinder.services.creator_profiles import public_creator_profile

    creator, business = make_user(engine), make_user(engine, UserType.BUSINESS)

    assert call(engine, public_creator_profile, None, creator.username).badges == ("Newcomer",)
    assert call(engine, public_business_profile, None, business.username).badges == ("Newcomer",)
