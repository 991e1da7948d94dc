"""Browsing offers: full-text search, filters, sorts, paging, "only offers I qualify for", the URL
round-trip, and views counted once per viewer per day, on SQLite and on PostgreSQL.

Each database is built by the migrations (the search index lives there, not in the models); each
test runs in a transaction that is rolled back, so tests never see each other's offers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from influfinder.domain.enums import OfferStatus, UserType
from influfinder.models import Offer, OfferView, Profile, User
from influfinder.models.search_index import RANKED_INDEX, city_facet, closing_week_facet
from influfinder.services.actors import Actor
from influfinder.services.offer_filters import SORTS, InvalidSearch, OfferSearch
from influfinder.services.offer_search import COUNT_LIMIT, search_offers
from influfinder.services.offer_view_counts import record_view, viewer_key
from influfinder.state.offers import counts_shown
from tests.support import search_databases

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module", params=search_databases.KINDS)
def migrated_engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    engine = search_databases.search_engine(request, tmp_path_factory, (RANKED_INDEX,))
    yield engine
    engine.dispose()


@pytest.fixture
def db(migrated_engine) -> Iterator[Session]:
    with migrated_engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            yield session
        outer.rollback()


# --- builders --------------------------------------------------------------------------------


def business(db: Session, company: str = "Acme Foods") -> User:
    tag = uuid.uuid4().hex[:10]
    user = User(email=f"b{tag}@example.com", username=f"b{tag}", user_type=UserType.BUSINESS)
    db.add(user)
    db.flush()
    db.add(Profile(user_id=user.id, company_name=company))
    db.flush()
    return user


def creator(db: Session, tier: int = 0, **audience) -> Actor:
    tag = uuid.uuid4().hex[:10]
    user = User(email=f"c{tag}@example.com", username=f"c{tag}", user_type=UserType.CREATOR, is_verified=True)
    db.add(user)
    db.flush()
    db.add(Profile(user_id=user.id, tier_level=tier, **audience))
    db.flush()
    return actor_of(user)


def actor_of(user: User) -> Actor:
    return Actor(id=user.id, session_id="s", username=user.username, email=user.email,
                 display_name=user.username, user_type=user.user_type, is_admin=False, is_verified=True)


_minutes = iter(range(10_000))


def offer(db: Session, owner: User, title: str = "Brunch for two", **fields) -> Offer:
    values = dict(
        description="Come and film it.", category="FOOD", platforms=["INSTAGRAM"], status=OfferStatus.ACTIVE,
        # Distinct creation times: later offers are newer.
        created_at=NOW - timedelta(days=30) + timedelta(minutes=next(_minutes)),
    )
    values.update(fields)
    row = Offer(business_id=owner.id, title=title, **values)
    db.add(row)
    db.flush()
    return row


def titles(db: Session, actor: Actor | None = None, **filters) -> list[str]:
    return [o.title for o in search_offers(db, actor, OfferSearch(**filters), now=NOW).items]


# --- text search -----------------------------------------------------------------------------


def test_words_find_offers_by_title_brand_and_description(db):
    owner = business(db)
    offer(db, owner, "Specialty coffee tasting", description="Taste three roasts.")
    offer(db, owner, "Weekend tasting menu", brand_name="Casa Lumbre", description="Seven courses.")
    offer(db, owner, "Yoga morning", description="A sunrise session on the rooftop terrace.")

    assert titles(db, q="coffee") == ["Specialty coffee tasting"]
    assert titles(db, q="lumbre") == ["Weekend tasting menu"]
    assert titles(db, q="rooftop") == ["Yoga morning"]
    assert sorted(titles(db, q="tasting")) == ["Specialty coffee tasting", "Weekend tasting menu"]
    assert titles(db, q="tasting seven") == ["Weekend tasting menu"], "every word must match"
    assert titles(db, q="sushi") == []


def test_the_last_word_matches_as_a_prefix_and_case_and_accents_do_not_matter(db):
    owner = business(db)
    offer(db, owner, "Specialty coffee tasting")
    offer(db, owner, "Café de especialidad en Málaga")

    assert titles(db, q="cof") == ["Specialty coffee tasting"]
    assert titles(db, q="COFFEE TAST") == ["Specialty coffee tasting"]
    assert titles(db, q="malaga cafe") == ["Café de especialidad en Málaga"]
    assert titles(db, q="Málaga") == ["Café de especialidad en Málaga"]
    assert titles(db, q="spec") == ["Specialty coffee tasting"]
    assert titles(db, q="tast coffee") == [], "only the last word may be unfinished"


def test_spanish_words_are_found_without_accents_and_in_any_inflection(db):
    owner = business(db, "Café Central")
    offer(db, owner, "Sesión de fotografía en el Café Central",
          description="Ven a nuestro café con tu cámara y comparte las fotos con tus seguidores.")
    offer(db, owner, "Menú degustación en restaurante gallego",
          description="Cinco platos de temporada y vinos de la casa para dos personas.")
    offer(db, owner, "Cata de vinos en la bodega", description="Una tarde de cata con el enólogo.")
    offer(db, owner, "Specialty coffee tasting", description="Taste three roasts.")

    assert titles(db, q="cafe") == ["Sesión de fotografía en el Café Central"]
    assert titles(db, q="fotografia") == ["Sesión de fotografía en el Café Central"]
    assert titles(db, q="fotografías cámaras") == ["Sesión de fotografía en el Café Central"]
    assert titles(db, q="restaurantes") == ["Menú degustación en restaurante gallego"]
    assert titles(db, q="degustaciones gallegas") == ["Menú degustación en restaurante gallego"]
    assert sorted(titles(db, q="vino")) == ["Cata de vinos en la bodega", "Menú degustación en restaurante gallego"]
    assert titles(db, q="enologo catas") == ["Cata de vinos en la bodega"]
    assert titles(db, q="con el enól") == ["Cata de vinos en la bodega"], "short words are words too"
    # English keeps working beside it.
    assert titles(db, q="coffee tasting") == ["Specialty coffee tasting"]
    assert titles(db, q="roasts") == ["Specialty coffee tasting"]
    assert titles(db, q="restaurantes tasting") == []


def test_punctuation_in_the_query_is_harmless(db):
    owner = business(db)
    offer(db, owner, "Specialty coffee tasting")

    assert titles(db, q="coffee's \"tasting\" & (best) | !:*") == []  # "best" is not in the offer
    assert titles(db, q="'coffee' \"tasting\" :*") == ["Specialty coffee tasting"]
    assert titles(db, q="  ...  ") == ["Specialty coffee tasting"], "no words: no text filter"


def test_only_active_public_offers_still_open_are_found(db):
    owner = business(db)
    offer(db, owner, "Open brunch")
    offer(db, owner, "Draft brunch", status=OfferStatus.DRAFT)
    offer(db, owner, "Paused brunch", status=OfferStatus.PAUSED)
    offer(db, owner, "Archived brunch", status=OfferStatus.ARCHIVED)
    offer(db, owner, "Private brunch", is_public=False)
    offer(db, owner, "Closed brunch", application_deadline=NOW - timedelta(hours=1))

    assert titles(db, q="brunch") == ["Open brunch"]
    assert titles(db) == ["Open brunch"]


def test_the_index_follows_updates_and_deletes(db):
    owner = business(db)
    row = offer(db, owner, "Sushi night")

    row.title = "Ramen night"
    db.add(row)
    db.flush()
    assert titles(db, q="sushi") == []
    assert titles(db, q="ramen") == ["Ramen night"]

    row.views_count = 7  # an update that does not touch the searched text keeps the offer findable
    db.add(row)
    db.flush()
    assert titles(db, q="ramen") == ["Ramen night"]

    db.delete(row)
    db.flush()
    assert titles(db, q="ramen") == []
    assert search_offers(db, None, OfferSearch(q="ramen"), now=NOW).total == 0


def test_offers_leave_and_rejoin_the_index_with_their_status_and_filter_values(db):
    owner = business(db)
    row = offer(db, owner, "Sushi night", category="FOOD", platforms=["INSTAGRAM"])

    row.category, row.platforms, row.currency, row.compensation_type = "ENTERTAINMENT", ["TIKTOK"], "MXN", "PRODUCT"
    db.add(row)
    db.flush()
    assert titles(db, q="sushi", category="food") == []
    assert titles(db, q="sushi", category="entertainment", platform="tiktok", currency="mxn",
                  compensation_type="product") == ["Sushi night"]

    hidden = []
    for change in ({"status": OfferStatus.PAUSED}, {"status": OfferStatus.ACTIVE}, {"is_public": False},
                   {"is_public": True}):
        for name, value in change.items():
            setattr(row, name, value)
        db.add(row)
        db.flush()
        hidden.append(titles(db, q="sushi", platform="tiktok") == [])
    assert hidden == [True, False, True, False], "paused and private offers leave the search, and come back"


# --- filters ---------------------------------------------------------------------------------


def test_category_platform_city_and_compensation_filters(db):
    owner = business(db)
    offer(db, owner, "Tapas in Madrid", city="Madrid", platforms=["INSTAGRAM", "TIKTOK"])
    offer(db, owner, "Sneakers drop", category="FASHION", city="Madrid", platforms=["TIKTOK"],
          compensation_type="PRODUCT")
    offer(db, owner, "Hotel weekend", category="TRAVEL", city="Sevilla", platforms=["FACEBOOK"],
          compensation_type="EXPERIENCE")

    assert titles(db, category="fashion") == ["Sneakers drop"]
    assert sorted(titles(db, platform="tiktok")) == ["Sneakers drop", "Tapas in Madrid"]
    assert titles(db, platform="facebook") == ["Hotel weekend"]
    assert sorted(titles(db, city="madrid")) == ["Sneakers drop", "Tapas in Madrid"]
    assert titles(db, compensation_type="experience") == ["Hotel weekend"]
    assert titles(db, city="Madrid", platform="instagram") == ["Tapas in Madrid"]


def test_words_and_filters_are_matched_together_and_no_word_matches_a_filter_value(db):
    owner = business(db)
    offer(db, owner, "Coffee tasting", platforms=["INSTAGRAM"], currency="EUR", compensation_type="PAID")
    offer(db, owner, "Coffee cupping", category="OTHER", platforms=["TIKTOK", "FACEBOOK"], currency="USD",
          compensation_type="PRODUCT")
    offer(db, owner, "Tea tasting", platforms=["TIKTOK"], compensation_type="EXPERIENCE")

    assert titles(db, q="coffee", category="food") == ["Coffee tasting"]
    assert titles(db, q="coffee", platform="tiktok") == ["Coffee cupping"]
    assert titles(db, q="tasting", platform="tiktok") == ["Tea tasting"]
    assert titles(db, q="coffee", currency="usd") == ["Coffee cupping"]
    assert titles(db, q="tast", compensation_type="experience") == ["Tea tasting"]
    assert titles(db, q="coffee", category="other", platform="facebook", currency="usd",
                  compensation_type="product") == ["Coffee cupping"]
    assert titles(db, q="coffee", category="fashion") == []
    # The index keeps the filter values as words of their own, out of reach of the search box.
    for word in ("categoryfood", "currencyeur", "platforminstagram", "compensationpaid", "p", "cur", "categ"):
        assert titles(db, q=word) == [], word


def test_words_with_a_city_find_its_offers_whatever_the_name_and_no_word_matches_the_city(db):
    # PostgreSQL narrows words with a city in its text index (the city as a facet word); SQLite compares
    # the column. The same offers either way: the city as typed, any case, spaces and accents kept.
    owner = business(db)
    offer(db, owner, "Tacos al pastor", city="Ciudad de México")
    offer(db, owner, "Tacos de canasta", city="Madrid")
    offer(db, owner, "Tacos norteños", city="Monterrey")
    offer(db, owner, "Churros", city="Ciudad de México")

    assert titles(db, q="tacos", city="ciudad de MÉXICO") == ["Tacos al pastor"]
    assert titles(db, q="taco", city="Madrid", category="food") == ["Tacos de canasta"]
    assert titles(db, q="tacos", city="Ciudad") == []
    assert titles(db, q="tacos", city="Mexico") == []
    assert sorted(titles(db, q="tacos")) == ["Tacos al pastor", "Tacos de canasta", "Tacos norteños"]
    for word in (city_facet("Madrid"), "city", "madrid"):
        assert titles(db, q=word, city="Monterrey") == [], word


def test_budget_range_matches_overlapping_budgets_in_the_chosen_currency(db):
    owner = business(db)
    offer(db, owner, "Small", budget_min=Decimal("100"), budget_max=Decimal("300"))
    offer(db, owner, "Medium", budget_min=Decimal("400"), budget_max=Decimal("800"))
    offer(db, owner, "Large only minimum", budget_min=Decimal("1500"))
    offer(db, owner, "Pesos", budget_min=Decimal("500"), budget_max=Decimal("900"), currency="MXN")
    offer(db, owner, "Product only", compensation_type="PRODUCT")

    assert titles(db, currency="EUR", budget_min=Decimal("500")) == ["Large only minimum", "Medium"]
    assert titles(db, currency="EUR", budget_max=Decimal("350")) == ["Small"]
    assert titles(db, currency="EUR", budget_min=Decimal("250"), budget_max=Decimal("450")) == ["Medium", "Small"]
    assert titles(db, currency="MXN") == ["Pesos"]


def test_deadline_within_days_keeps_offers_closing_soon(db):
    owner = business(db)
    offer(db, owner, "Tomorrow", application_deadline=NOW + timedelta(days=1))
    offer(db, owner, "Next week", application_deadline=NOW + timedelta(days=6, hours=23))
    offer(db, owner, "Next month", application_deadline=NOW + timedelta(days=30))
    offer(db, owner, "No deadline")

    assert titles(db, deadline_within_days=7) == ["Next week", "Tomorrow"]
    assert titles(db, deadline_within_days=1) == ["Tomorrow"]


def test_words_with_closing_within_days_keep_the_offers_closing_in_time_whatever_the_week(db):
    # PostgreSQL narrows words with "closing within N days" by closing week in its text index (weeks from
    # 2000-01-01 UTC, a Saturday: NOW is a Friday, its Monday in the next week); the exact closing time is
    # still compared, on either database.
    owner = business(db)
    for title, deadline in [("Brunch in an hour", NOW + timedelta(hours=1)),
                            ("Brunch on Monday", NOW + timedelta(days=3)),
                            ("Brunch in 13 days", NOW + timedelta(days=13, hours=23)),
                            ("Brunch in 15 days", NOW + timedelta(days=15)),
                            ("Brunch closed", NOW - timedelta(hours=1)),
                            ("Brunch in 60 days", NOW + timedelta(days=60)),
                            ("Brunch never closes", None)]:
        offer(db, owner, title, application_deadline=deadline)

    assert titles(db, q="brunch", deadline_within_days=14) == [
        "Brunch in 13 days", "Brunch on Monday", "Brunch in an hour"]
    assert titles(db, q="brunch", deadline_within_days=1) == ["Brunch in an hour"]
    assert titles(db, q="brunch", deadline_within_days=3) == ["Brunch on Monday", "Brunch in an hour"]
    assert len(titles(db, q="brunch", deadline_within_days=61)) == 5
    assert len(titles(db, q="brunch", deadline_within_days=365)) == 5, "past the weeks' span: the date alone"
    assert titles(db, q=closing_week_facet(NOW + timedelta(days=3))) == []


# --- sorts and paging -------------------------------------------------------------------------


def test_sorts(db):
    owner = business(db)
    offer(db, owner, "Oldest", application_deadline=NOW + timedelta(days=9), budget_min=Decimal("50"),
          budget_max=Decimal("2000"))
    offer(db, owner, "Middle", budget_min=Decimal("700"))
    offer(db, owner, "Newest", application_deadline=NOW + timedelta(days=2), budget_min=Decimal("10"),
          budget_max=Decimal("90"))

    assert titles(db) == ["Newest", "Middle", "Oldest"]
    assert titles(db, sort="closing") == ["Newest", "Oldest", "Middle"], "no deadline sorts last"
    assert titles(db, sort="budget_high") == ["Oldest", "Middle", "Newest"]
    assert titles(db, sort="budget_low") == ["Newest", "Oldest", "Middle"]


def test_each_sort_orders_a_search_with_words_as_one_without(db):
    # With words every match is sorted after the text index found it; without, an index is read in order.
    owner = business(db)
    offer(db, owner, "Later", application_deadline=NOW + timedelta(days=9), budget_min=Decimal("50"))
    offer(db, owner, "Never closes", budget_max=Decimal("700"))
    offer(db, owner, "Soon", application_deadline=NOW + timedelta(days=2), budget_min=Decimal("10"),
          budget_max=Decimal("90"))
    offer(db, owner, "Also soon", application_deadline=NOW + timedelta(days=2))

    for sort in SORTS:
        assert titles(db, q="film", sort=sort) == titles(db, sort=sort), sort
    assert titles(db, sort="closing") == ["Also soon", "Soon", "Later", "Never closes"]


def test_a_search_counts_to_a_thousand_then_says_more(db):
    owner = business(db)
    db.add_all([Offer(business_id=owner.id, title=f"Offer {n:04d}", description="Counting check.", category="FOOD",
                      platforms=["INSTAGRAM"], status=OfferStatus.ACTIVE,
                      created_at=NOW - timedelta(days=20) + timedelta(seconds=n))
                for n in range(COUNT_LIMIT + 5)])
    db.flush()

    first, fiftieth, last = [search_offers(db, None, OfferSearch(page=p), now=NOW) for p in (1, 50, 51)]
    words_first, words_last = [search_offers(db, None, OfferSearch(q="counting", page=p), now=NOW) for p in (1, 51)]

    assert (first.total, first.more, first.pages, first.has_next) == (1000, True, 51, True)
    assert counts_shown(first.total, first.pages, first.more) == ("1,000+", "50+"), "never an exact-looking guess"
    assert (fiftieth.total, fiftieth.more, fiftieth.has_next) == (1000, True, True)
    assert (last.total, last.more, last.pages, last.has_next) == (1005, False, 51, False)
    assert counts_shown(last.total, last.pages, last.more) == ("1,005", "51")
    assert [o.title for o in fiftieth.items + last.items] == [f"Offer {n:04d}" for n in reversed(range(25))]
    # Words count the same way, whichever index finds them.
    assert (words_first.total, words_first.more, words_first.pages) == (1000, True, 51)
    assert [o.title for o in words_first.items] == [o.title for o in first.items]
    assert (words_last.total, words_last.more) == (1005, False)
    assert [o.title for o in words_last.items] == [o.title for o in last.items]


def test_budget_sorts_compare_currencies_by_value_not_by_the_number(db):
    owner = business(db)
    offer(db, owner, "Pesos", budget_min=Decimal("4000"), currency="MXN")  # about €200
    offer(db, owner, "Euros", budget_min=Decimal("300"), currency="EUR")
    offer(db, owner, "Dollars", budget_min=Decimal("250"), currency="USD")  # about €230

    assert titles(db, sort="budget_high") == ["Euros", "Dollars", "Pesos"]
    assert titles(db, sort="budget_low") == ["Pesos", "Dollars", "Euros"]


def test_pages_of_twenty_with_the_total(db):
    owner = business(db)
    for n in range(45):
        offer(db, owner, f"Offer number {n:02d}", description="paging check")

    pages = [search_offers(db, None, OfferSearch(q="paging", page=p), now=NOW) for p in (1, 2, 3, 4)]

    assert [p.total for p in pages] == [45, 45, 45, 45]
    assert [len(p.items) for p in pages] == [20, 20, 5, 0]
    assert pages[0].pages == 3 and pages[0].has_next and not pages[2].has_next
    seen = [item.title for p in pages for item in p.items]
    assert seen == [f"Offer number {n:02d}" for n in reversed(range(45))], "newest first, none twice"


def test_results_carry_the_card_fields_with_the_company_as_brand_when_none_is_named(db):
    owner = business(db, company="Panadería Sol")
    offer(db, owner, "Bread workshop", city="Valencia", platforms=["INSTAGRAM", "TIKTOK"])

    [card] = search_offers(db, None, OfferSearch(q="bread"), now=NOW).items

    assert (card.brand, card.city, card.platforms, card.category) == (
        "Panadería Sol", "Valencia", ["INSTAGRAM", "TIKTOK"], "FOOD")


# --- only offers I qualify for ------------------------------------------------------------------


def requirements(influencer: dict | None = None, regular: dict | None = None) -> dict:
    return {"influencer": influencer or {}, "regular": regular or {}}


def test_qualified_only_compares_the_creator_profile_with_each_offer(db):
    owner = business(db)
    me = creator(db, tier=1, instagram_handle="me", instagram_followers=5_000, instagram_engagement=3.0)
    offer(db, owner, "Open to all")
    offer(db, owner, "Regulars with 1k", requirements=requirements(
        {"min_followers": 50_000}, {"min_followers": 1_000, "min_engagement": 2.5}))
    offer(db, owner, "Influencers with 4k", requirements=requirements(
        {"min_followers": 4_000, "min_engagement": 1.0}, {"min_followers": 100_000}))
    offer(db, owner, "Too big", requirements=requirements({"min_followers": 10_000}, {"min_followers": 10_000}))
    offer(db, owner, "Engagement too low", requirements=requirements(
        {"min_engagement": 5.0}, {"min_engagement": 4.0}))
    offer(db, owner, "Verified influencers", requirements=requirements(
        {"min_followers": 1_000, "verified": True}, {"min_followers": 100_000}))
    offer(db, owner, "Tier two", min_tier=2)
    offer(db, owner, "TikTok only", platforms=["TIKTOK"])

    assert sorted(titles(db, me, qualified_only=True)) == ["Influencers with 4k", "Open to all", "Regulars with 1k"]
    assert len(titles(db, me)) == 8, "without the filter every offer is listed"


def test_a_verified_creator_qualifies_where_verification_is_asked_on_that_platform(db):
    owner = business(db)
    # TikTok's figures come from the connected account (verified); Instagram's are typed
    me = creator(db, tier=2, tiktok_handle="me", tiktok_followers=20_000, tiktok_engagement=4.0,
                 verified_audience={"tiktok": {"followers": 20_000, "engagement": 4.0}},
                 instagram_handle="me2", instagram_followers=20_000)
    offer(db, owner, "Verified on TikTok", platforms=["TIKTOK"], min_tier=2,
          requirements=requirements({"min_followers": 10_000, "verified": True}, {"min_followers": 999_999}))
    offer(db, owner, "Verified on Instagram", platforms=["INSTAGRAM"],
          requirements=requirements({"min_followers": 10_000, "verified": True}, {"min_followers": 999_999}))

    assert titles(db, me, qualified_only=True) == ["Verified on TikTok"]


def test_qualified_only_pages_and_counts_in_the_database(db):
    owner = business(db)
    me = creator(db, instagram_handle="me", instagram_followers=2_000)
    for n in range(25):
        offer(db, owner, f"Fits {n:02d}")
        offer(db, owner, f"Too big {n:02d}", requirements=requirements({"min_followers": 9_000},
                                                                        {"min_followers": 9_000}))

    page2 = search_offers(db, me, OfferSearch(qualified_only=True, page=2), now=NOW)

    assert page2.total == 25
    assert [o.title for o in page2.items] == [f"Fits {n:02d}" for n in reversed(range(5))]


def test_qualified_only_follows_requirements_changed_after_publishing(db):
    owner = business(db)
    me = creator(db, instagram_handle="me", instagram_followers=2_000, instagram_engagement=2.0)
    row = offer(db, owner, "Changing", requirements=requirements({"min_followers": 9_000}, {"min_followers": 9_000}))
    assert titles(db, me, qualified_only=True) == []

    row.requirements = requirements({"min_followers": 9_000}, {"min_followers": 1_500, "min_engagement": 1.5})
    db.flush()
    assert titles(db, me, qualified_only=True) == ["Changing"]

    row.requirements = requirements({"min_followers": 1_000, "verified": True}, {"min_engagement": 2.5})
    db.flush()
    assert titles(db, me, qualified_only=True) == [], "verified asked of influencers, engagement of regulars"

    row.requirements = {}  # nothing asked: every creator on the platform qualifies
    db.flush()
    assert titles(db, me, qualified_only=True) == ["Changing"]


def test_qualified_only_needs_a_signed_in_creator(db):
    owner = business(db)
    offer(db, owner)

    with pytest.raises(InvalidSearch) as anonymous:
        search_offers(db, None, OfferSearch(qualified_only=True), now=NOW)
    with pytest.raises(InvalidSearch):
        search_offers(db, actor_of(owner), OfferSearch(qualified_only=True), now=NOW)
    assert anonymous.value.field == "qualified_only"
    assert "creator" in anonymous.value.message


# --- the URL ---------------------------------------------------------------------------------


def test_a_search_survives_the_trip_through_the_url():
    search = OfferSearch(q="café brunch", category="FOOD", platform="TIKTOK", city="Madrid",
                         budget_min=Decimal("100.50"), budget_max=Decimal("900"), currency="EUR",
                         compensation_type="PAID", deadline_within_days=14, qualified_only=True,
                         sort="budget_high", page=3)

    params = search.to_query_params()

    assert params == {"q": "café brunch", "category": "food", "platform": "tiktok", "city": "Madrid",
                      "budget_min": "100.5", "budget_max": "900", "currency": "eur",
                      "compensation_type": "paid", "deadline_within_days": "14", "qualified_only": "1",
                      "sort": "budget_high", "page": "3"}
    assert OfferSearch.from_query_params(params) == search
    assert OfferSearch().to_query_params() == {}, "the default search is the bare /offers"


def test_a_shared_link_reads_lists_blanks_and_ignores_foreign_parameters():
    search = OfferSearch.from_query_params(
        {"q": ["pizza"], "category": "", "page": "2", "utm_source": "newsletter", "qualified_only": "true"})

    assert search == OfferSearch(q="pizza", page=2, qualified_only=True)


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"category": "cars"}, "category", "Unknown category"),
        ({"platform": "myspace"}, "platform", "Unknown platform"),
        ({"currency": "GBP"}, "currency", "Unknown currency"),
        ({"compensation_type": "equity"}, "compensation_type", "Unknown compensation type"),
        ({"sort": "random"}, "sort", "Unknown sort"),
        ({"page": "0"}, "page", "Page must be"),
        ({"page": "10001"}, "page", "Page must be"),
        ({"page": "two"}, "page", "Page must be"),
        ({"deadline_within_days": "400"}, "deadline_within_days", "from 1 to 365"),
        ({"budget_min": "-5", "currency": "eur"}, "budget_min", "0 or more"),
        ({"budget_max": "NaN", "currency": "eur"}, "budget_max", "0 or more"),
        ({"budget_min": "10.123", "currency": "eur"}, "budget_min", "2 decimals"),
        ({"budget_min": "900", "budget_max": "100", "currency": "eur"}, "budget_min", "cannot be more"),
        ({"budget_min": "100"}, "currency", "Choose a currency"),
        ({"qualified_only": "maybe"}, "qualified_only", "yes or no"),
        ({"q": "x" * 101}, "q", "at most 100"),
        ({"page": ["1", "2"]}, "page", "once"),
    ],
)
def test_bad_values_are_refused_with_a_message_for_the_field(params, field, words):
    with pytest.raises(InvalidSearch) as refused:
        OfferSearch.from_query_params(params)

    assert refused.value.field == field
    assert words in refused.value.message


def test_unknown_filters_and_non_numbers_are_refused_from_events():
    with pytest.raises(InvalidSearch, match="Unknown search filter: color"):
        OfferSearch.parse({"color": "red"})
    with pytest.raises(InvalidSearch, match="Page must be"):
        OfferSearch.parse({"page": True})
    with pytest.raises(InvalidSearch, match="could not be read"):
        OfferSearch.parse(["page", 2])


# --- views -----------------------------------------------------------------------------------


def views(db: Session, row: Offer) -> int:
    return db.exec(sa.select(Offer.views_count).where(Offer.id == row.id)).scalar_one()


def test_a_view_counts_once_per_viewer_per_day(db):
    owner = business(db)
    row = offer(db, owner)
    today, tomorrow = date(2026, 11, 27), date(2026, 11, 28)
    alice = viewer_key(uuid.uuid4(), "", "")

    counted = [record_view(db, row.id, alice, today) for _ in range(3)]
    counted.append(record_view(db, row.id, alice, tomorrow))
    counted.append(record_view(db, str(row.id), viewer_key(uuid.uuid4(), "", ""), today))

    assert counted == [True, False, False, True, True]
    assert views(db, row) == 3
    assert db.exec(sa.select(sa.func.count()).select_from(OfferView)).scalar_one() == 3


def test_anonymous_visitors_are_told_apart_by_ip_and_browser_without_storing_the_ip(db, settings_env):
    owner = business(db)
    row = offer(db, owner)
    day = date(2026, 11, 27)
    phone = viewer_key(None, "203.0.113.7", "Mobile Safari")

    assert viewer_key(None, "203.0.113.7", "Mobile Safari") == phone
    assert "203.0.113.7" not in phone and len(phone) == 64
    assert [record_view(db, row.id, phone, day),
            record_view(db, row.id, viewer_key(None, "203.0.113.7", "Mobile Safari"), day),
            record_view(db, row.id, viewer_key(None, "203.0.113.7", "Firefox"), day),
            record_view(db, row.id, viewer_key(None, "198.51.100.2", "Mobile Safari"), day)] == [
        True, False, True, True]
    assert views(db, row) == 3


def test_views_of_hidden_or_unknown_offers_are_not_counted(db):
    owner = business(db)
    draft = offer(db, owner, status=OfferStatus.DRAFT)
    day = date(2026, 11, 27)

    assert record_view(db, draft.id, "someone", day) is False
    assert record_view(db, uuid.uuid4(), "someone", day) is False
    assert record_view(db, "not-an-id", "someone", day) is False
    assert views(db, draft) == 0
