"""Saved searches: who saves what, validated like the page's search, and the daily alert of new matches."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from influfinder.domain.enums import NotificationType, UserType
from influfinder.models import Notification, Profile, SavedSearch
from influfinder.services import guards, saved_searches
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.marketplace import DATABASES, call, make_user, migrated_database, published, scope

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=DATABASES)
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    with migrated_database(request, tmp_path_factory, "saved") as (_url, built):
        yield built


def alerts_for(engine, user) -> list[Notification]:
    with scope(engine) as db:
        return db.exec(select(Notification).where(Notification.user_id == user.id,
                                                  Notification.type == NotificationType.SAVED_SEARCH_MATCH)).all()


def test_creators_save_offer_searches_businesses_creator_searches_and_bad_ones_are_refused(engine):
    creator, brand = make_user(engine), make_user(engine, UserType.BUSINESS)
    saved_id = call(engine, saved_searches.save, creator, "OFFERS", {"q": "brunch", "city": "Madrid", "page": "3"})
    [row] = call(engine, saved_searches.mine, creator)
    assert (row.id, row.href, row.name) == (str(saved_id), "/offers?q=brunch&city=Madrid", "brunch · Madrid")
    call(engine, saved_searches.save, brand, "CREATORS", {"category": "food"})
    with pytest.raises(NotAllowed):
        call(engine, saved_searches.save, creator, "CREATORS", {})
    with pytest.raises(NotAllowed):
        call(engine, saved_searches.save, brand, "OFFERS", {})
    with pytest.raises(ServiceError):
        call(engine, saved_searches.save, creator, "OFFERS", {"category": "not-a-category"})
    with pytest.raises(NotAllowed):
        call(engine, saved_searches.delete, brand, saved_id)  # not theirs
    call(engine, saved_searches.delete, creator, saved_id)
    assert call(engine, saved_searches.mine, creator) == []


def test_the_daily_alert_names_new_matching_offers_once(engine):
    creator, brand = make_user(engine), make_user(engine, UserType.BUSINESS)
    word = "zanzibarbrunch"
    saved_id = call(engine, saved_searches.save, creator, "OFFERS", {"q": word})
    with scope(engine) as db:  # saved two days ago
        db.get(SavedSearch, saved_id).checked_at = guards.now() - timedelta(days=2)
    published(engine, brand, title=f"The {word} morning")  # published (and released) a day ago
    published(engine, brand, title="Something else entirely")
    call(engine, saved_searches.send_alerts)
    [alert] = alerts_for(engine, creator)
    assert alert.title.startswith("1 new offer for") and word in alert.title
    call(engine, saved_searches.send_alerts)  # checked just now: nothing more today
    call(engine, saved_searches.send_alerts, guards.now() + timedelta(days=2))  # nothing new since
    assert len(alerts_for(engine, creator)) == 1


def test_a_business_alert_counts_every_new_matching_creator_not_only_the_first_page(engine):
    brand = make_user(engine, UserType.BUSINESS)
    city = "Zanzibarcity"
    saved_id = call(engine, saved_searches.save, brand, "CREATORS", {"city": city})
    with scope(engine) as db:  # saved two days ago
        db.get(SavedSearch, saved_id).checked_at = guards.now() - timedelta(days=2)
    joined = [make_user(engine) for _ in range(25)]  # more than a page (20) of new creators
    make_user(engine)  # new, elsewhere
    with scope(engine) as db:
        db.exec(sa.update(Profile).where(Profile.user_id.in_([c.id for c in joined])).values(city=city))
    call(engine, saved_searches.send_alerts)
    [alert] = alerts_for(engine, brand)
    assert alert.title.startswith("25 new creators for")
