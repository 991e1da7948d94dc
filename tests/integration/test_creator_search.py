"""Find creators: full-text, filters, sorts, paging, who may search, hidden profiles and the public
profile, on SQLite and PostgreSQL (each built by the migrations, where the search index lives), the latter
with and without the rum extension's index (words by relevance read best first, or every match ranked)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from influfinder.domain.enums import UserType
from influfinder.models import Profile, User
from influfinder.models import creator_index, search_index
from influfinder.services.actors import Actor
from influfinder.services.creator_filters import CreatorSearch, InvalidCreatorSearch
from influfinder.services.creator_profiles import public_creator_profile, set_visibility
from influfinder.services.creator_search import COUNT_LIMIT, search_creators
from influfinder.services.errors import NotAllowed
from influfinder.state.offers import counts_shown
from tests.support import search_databases

pytestmark = pytest.mark.integration
NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)


RANKED_INDEXES = (search_index.RANKED_INDEX, creator_index.RANKED_INDEX)  # the offers' and the creators'


@pytest.fixture(scope="module", params=search_databases.KINDS)
def engine(request, tmp_path_factory) -> Iterator[sa.Engine]:
    built = search_databases.search_engine(request, tmp_path_factory, RANKED_INDEXES)
    yield built
    built.dispose()


def walked_in_order(db: Session) -> bool:
    """Whether the text index returns matches best first (SQLite, RUM), so that equally relevant matches are
    cut where it stops; plain PostgreSQL sorts them all, equal ones by followers."""
    return db.get_bind().dialect.name == "sqlite" or bool(
        db.exec(sa.select(sa.func.to_regclass(creator_index.RANKED_INDEX).isnot(None))).one()[0])


@pytest.fixture
def db(engine) -> Iterator[Session]:
    with engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            yield session
        outer.rollback()


def account(db: Session, kind: UserType = UserType.CREATOR, *, name: str = "", active_days_ago: int | None = None,
            **profile) -> Actor:
    tag = uuid.uuid4().hex[:10]
    last_login = NOW - timedelta(days=active_days_ago) if active_days_ago is not None else None
    user = User(email=f"u{tag}@example.com", username=f"u{tag}", user_type=kind, is_verified=True,
                last_login_at=last_login)
    db.add(user)
    db.flush()
    db.add(Profile(user_id=user.id, display_name=name or f"Name {tag}", **profile))
    db.flush()
    return Actor(id=user.id, session_id="t", username=user.username, email=user.email, display_name=name,
                 user_type=kind, is_admin=False, is_verified=True)


def names(db: Session, searcher: Actor, **filters) -> list[str]:
    return [c.name for c in search_creators(db, searcher, CreatorSearch.parse(filters)).items]


def reading(followers: int) -> dict:
    """What connecting an account copies onto the profile (services/connected_accounts.keep_reading)."""
    return {"followers": followers, "engagement": 3.0, "handle": "", "taken_at": NOW.isoformat()}


@pytest.fixture
def world(db: Session):
    brand = account(db, UserType.BUSINESS, name="Café Aurora", company_name="Café Aurora", city="Madrid")
    people = {
        "lucia": account(db, name="Lucía Romero", city="Madrid", bio="Brunch and specialty coffee every weekend.",
                         instagram_handle="lucia.eats", instagram_followers=12_000, instagram_engagement=4.1,
                         preferred_categories=["FOOD"], tier_level=1, rating=4.9, rating_count=3,
                         active_days_ago=1),
        "marco": account(db, name="Marco Díaz", city="Barcelona", bio="Running, yoga and gym reviews.",
                         tiktok_handle="marcofit", tiktok_followers=40_000, tiktok_engagement=6.5,
                         preferred_categories=["FITNESS"], tier_level=3, rating=4.2, rating_count=5,
                         verified_audience={"tiktok": reading(40_000)}, active_days_ago=10),
        "sofia": account(db, name="Sofía Herrera", city="madrid", bio="Tapas crawls and wine bars.",
                         instagram_handle="sofia_tapas", instagram_followers=3_000, instagram_engagement=2.0,
                         preferred_categories=["FOOD", "TRAVEL"], tier_level=2, available=False,
                         active_days_ago=0),
        "hidden": account(db, name="Hidden Foodie", city="Madrid", bio="Brunch lover.", instagram_followers=50_000,
                          preferred_categories=["FOOD"], hidden_from_search=True),
    }
    return brand, people


def test_words_find_creators_by_name_handle_bio_and_category_with_accents_folded(db, world):
    brand, _ = world
    assert names(db, brand, q="lucia") == ["Lucía Romero"]
    assert names(db, brand, q="LUCÍA.EATS") == ["Lucía Romero"]
    assert names(db, brand, q="coff") == ["Lucía Romero"]  # the last word may be unfinished
    assert names(db, brand, q="yoga") == ["Marco Díaz"]
    assert set(names(db, brand, q="food")) == {"Lucía Romero", "Sofía Herrera"}  # the category is searched too


def test_filters_narrow_the_results_and_hidden_profiles_and_businesses_never_show(db, world):
    brand, _ = world
    assert set(names(db, brand, city="MADRID")) == {"Lucía Romero", "Sofía Herrera"}
    assert names(db, brand, category="fitness") == ["Marco Díaz"]
    assert names(db, brand, q="brunch", category="food") == ["Lucía Romero"]
    assert names(db, brand, platform="tiktok") == ["Marco Díaz"]
    assert names(db, brand, followers_min=5_000, followers_max=20_000) == ["Lucía Romero"]
    assert names(db, brand, engagement_min=5) == ["Marco Díaz"]
    assert set(names(db, brand, tier=2)) == {"Marco Díaz", "Sofía Herrera"}
    assert names(db, brand, rating_min=4.5) == ["Lucía Romero"]
    assert names(db, brand, verified_only=True) == ["Marco Díaz"]
    assert "Sofía Herrera" not in names(db, brand, available_only=True)
    everyone = names(db, brand)
    assert "Hidden Foodie" not in everyone and "Café Aurora" not in everyone
    assert "Hidden Foodie" not in names(db, brand, q="brunch")


def test_sorts_by_followers_rating_and_recent_activity(db, world):
    brand, _ = world
    assert names(db, brand, sort="followers") == ["Marco Díaz", "Lucía Romero", "Sofía Herrera"]
    assert names(db, brand, sort="rating") == ["Lucía Romero", "Marco Díaz", "Sofía Herrera"]
    assert names(db, brand, sort="active") == ["Sofía Herrera", "Lucía Romero", "Marco Díaz"]


def test_followers_are_the_ones_the_profile_shows_verified_beating_typed(db, world):
    """Typed 500k, but the connected Instagram says 3k: the search sees the 3k the profile shows."""
    brand, _ = world
    ines = account(db, name="Inés Typed", bio="Croissants", instagram_handle="ines.typed", instagram_followers=500_000,
                   verified_audience={"instagram": reading(3_000)}, available=True)
    badge_only = account(db, name="Badge Only", tiktok_followers=1_000, tiktok_verified=True)

    assert "Inés Typed" not in names(db, brand, followers_min=100_000)
    assert "Inés Typed" in names(db, brand, followers_max=5_000)
    assert "Inés Typed" not in names(db, brand, followers_min=100_000, sort="rating")  # the range read row by row
    assert "Inés Typed" in names(db, brand, q="croissants", followers_max=5_000)
    assert names(db, brand, q="croissants", followers_min=100_000) == []
    by_followers = names(db, brand, sort="followers")
    assert by_followers[:2] == ["Marco Díaz", "Lucía Romero"] and set(by_followers[2:4]) == {"Inés Typed", "Sofía Herrera"}
    # "Verified" is what the profile calls verified: figures from a connected account, not a platform's badge
    assert set(names(db, brand, verified_only=True)) == {"Marco Díaz", "Inés Typed"}
    assert "Badge Only" in names(db, brand) and badge_only

    [card] = [c for c in search_creators(db, brand, CreatorSearch.parse({"q": "croissants"})).items]
    kit = public_creator_profile(db, None, ines.username)
    assert card.total_followers == kit.card.total_followers == 3_000  # the list and the profile agree
    [figure] = kit.card.figures
    assert figure.followers == 3_000 and figure.source.startswith("Verified via Instagram, updated")


def test_the_platform_filter_finds_a_creator_known_there_only_through_a_connected_account(db, world):
    """A Facebook Page connected in Settings, no Facebook handle typed: "platform: Facebook" finds the creator,
    with words and without, and loses them once the Page is unlinked (the reading gone)."""
    brand, _ = world
    page_only = account(db, name="Paula Page", bio="Rooftop brunch", instagram_handle="paula.ig",
                        instagram_followers=2_000, verified_audience={"facebook": reading(9_000)})

    assert names(db, brand, platform="facebook") == ["Paula Page"]
    assert names(db, brand, q="rooftop", platform="facebook") == ["Paula Page"]
    assert "Paula Page" in names(db, brand, platform="instagram")  # the typed handle still counts
    assert names(db, brand, platform="tiktok") == ["Marco Díaz"]

    profile = db.exec(sa.select(Profile).where(Profile.user_id == page_only.id)).scalar_one()
    profile.verified_audience = {}
    db.add(profile)
    db.flush()
    assert names(db, brand, platform="facebook") == []
    assert names(db, brand, q="rooftop", platform="facebook") == []


def test_words_with_verified_only_follow_connecting_unlinking_and_hiding(db, world):
    """Words with "Verified figures only" read the verified creators' own text indexes on PostgreSQL (revision
    0022): a creator is found there once an account is connected, by relevance and by followers, unfinished
    words and categories too, and no longer once it is unlinked or the creator hides from search."""
    brand, _ = world
    nora = account(db, name="Nora Typed", bio="Ceramics studio vlogs", instagram_handle="nora.clay",
                   instagram_followers=30_000, instagram_engagement=5.0, preferred_categories=["LIFESTYLE"])
    weekly = account(db, name="Ceramics Weekly", bio="Glazes.", verified_audience={"tiktok": reading(20_000)},
                     preferred_categories=["LIFESTYLE"])
    assert names(db, brand, q="ceramics", verified_only=True) == ["Ceramics Weekly"]
    assert "Nora Typed" in names(db, brand, q="ceramics")  # typed figures: found without the filter

    profile = db.exec(sa.select(Profile).where(Profile.user_id == nora.id)).scalar_one()
    profile.verified_audience = {"instagram": reading(30_000)}  # connecting Instagram
    db.add(profile)
    db.flush()
    assert names(db, brand, q="ceramics", verified_only=True) == ["Ceramics Weekly", "Nora Typed"]  # name first
    assert names(db, brand, q="cera", verified_only=True, sort="followers") == ["Nora Typed", "Ceramics Weekly"]
    assert names(db, brand, q="studio", verified_only=True, category="lifestyle", engagement_min=4) == ["Nora Typed"]

    profile.verified_audience = {}  # unlinked
    db.add(profile)
    db.flush()
    assert names(db, brand, q="ceramics", verified_only=True) == ["Ceramics Weekly"]
    assert names(db, brand, q="cera", verified_only=True, sort="followers") == ["Ceramics Weekly"]
    set_visibility(db, weekly, True, True)
    db.expire_all()
    assert names(db, brand, q="ceramics", verified_only=True) == []


def test_words_with_a_city_find_it_in_any_case_and_follow_a_move(db, world):
    """On PostgreSQL the city is also a word of the text index (revision 0022): written in any case, it finds
    the same creators as without words, and a creator who moves is found in the new city only."""
    brand, _ = world
    assert set(names(db, brand, q="tapas", city="MADRID")) == {"Sofía Herrera"}  # stored as "madrid"
    assert names(db, brand, q="brunch", city="madrid") == ["Lucía Romero"]  # hidden from search: not listed
    assert names(db, brand, q="brunch", city="Barcelona") == []
    mover = account(db, name="Moving Baker", city="Sevilla", bio="Sourdough brunch", instagram_followers=900)
    assert names(db, brand, q="sourdough", city="sevilla") == ["Moving Baker"]
    profile = db.exec(sa.select(Profile).where(Profile.user_id == mover.id)).scalar_one()
    profile.city = "Valencia"
    db.add(profile)
    db.flush()
    assert names(db, brand, q="sourdough", city="sevilla") == []
    assert names(db, brand, q="sour", city="VALENCIA", verified_only=False) == ["Moving Baker"]


def test_pages_hold_twenty_and_the_total_is_counted(db, world):
    brand, _ = world
    for i in range(25):
        account(db, name=f"Paging Creator {i}", bio="zebrafinch", instagram_followers=100 + i)
    first = search_creators(db, brand, CreatorSearch.parse({"q": "zebrafinch"}))
    second = search_creators(db, brand, CreatorSearch.parse({"q": "zebrafinch", "page": 2}))
    assert (first.total, len(first.items), len(second.items), first.pages) == (25, 20, 5, 2)
    assert not {c.username for c in first.items} & {c.username for c in second.items}


def test_better_matches_come_first_and_many_are_counted_to_200(db, world):
    """A word in the name outranks the same word in a bio, even among more matches than a search counts:
    by relevance the search stops counting at 200 and says "200+", and the pages past 200 still open, up to
    the last, where the count is exact again. Equally relevant matches come by followers on each page."""
    brand, _ = world
    for i in range(COUNT_LIMIT + 9):
        account(db, name=f"Bio Creator {i}", bio=f"Weekly kestrelwatch walks, take {i}.",
                instagram_followers=10_000 + i)
    account(db, name="Kestrelwatch Club", bio="Birds.", instagram_followers=5)  # the fewest followers
    first = search_creators(db, brand, CreatorSearch.parse({"q": "kestrelwatch"}))
    assert first.items[0].name == "Kestrelwatch Club"
    followers = [c.total_followers for c in first.items[1:]]
    assert followers == sorted(followers, reverse=True)
    if not walked_in_order(db):  # every match sorted: the most followed of all equal ones first
        assert first.items[1].name == f"Bio Creator {COUNT_LIMIT + 8}"
    assert [c.name for c in search_creators(db, brand, CreatorSearch.parse({"q": "kestrel"})).items][:1] == [
        "Kestrelwatch Club"]  # an unfinished word too
    assert (first.total, first.more, first.pages) == (COUNT_LIMIT, True, 11)
    assert counts_shown(first.total, first.pages, first.more) == ("200+", "10+")
    matching = COUNT_LIMIT + 10
    last = search_creators(db, brand, CreatorSearch.parse({"q": "kestrelwatch", "page": 11}))
    assert (last.total, last.more, len(last.items)) == (matching, False, 10)
    by_followers = search_creators(db, brand, CreatorSearch.parse({"q": "kestrelwatch", "sort": "followers"}))
    assert (by_followers.total, by_followers.more) == (matching, False)  # other sorts count every match
    assert by_followers.items[0].name == f"Bio Creator {COUNT_LIMIT + 8}"


def test_only_businesses_agencies_and_admins_may_search(db, world):
    _, people = world
    with pytest.raises(NotAllowed):
        search_creators(db, people["lucia"], CreatorSearch())
    with pytest.raises(NotAllowed):
        search_creators(db, None, CreatorSearch())
    agency = account(db, UserType.AGENCY, name="Nova")
    assert names(db, agency, q="marco") == ["Marco Díaz"]


def test_a_bad_filter_is_refused_by_name_and_the_url_round_trips():
    with pytest.raises(InvalidCreatorSearch) as refused:
        CreatorSearch.from_query_params({"followers_min": "lots"})
    assert refused.value.field == "followers_min"
    with pytest.raises(InvalidCreatorSearch):
        CreatorSearch.parse({"followers_min": 10, "followers_max": 5})
    with pytest.raises(InvalidCreatorSearch):
        CreatorSearch.parse({"page": True})
    search = CreatorSearch.from_query_params({"q": "tapas", "city": "Madrid", "platform": "instagram", "tier": "2",
                                              "rating_min": "4.5", "sort": "rating", "utm_source": "x"})
    assert CreatorSearch.from_query_params(search.to_query_params()) == search


def test_the_public_profile_shows_the_media_kit_and_a_creator_can_hide_from_search(db, world):
    brand, people = world
    kit = public_creator_profile(db, None, people["lucia"].username.upper())
    assert (kit.card.name, kit.card.city, kit.card.categories) == ("Lucía Romero", "Madrid", ["FOOD"])
    assert [(f.platform, f.handle, f.followers, f.source) for f in kit.card.figures] == [
        ("INSTAGRAM", "lucia.eats", 12_000, "Self-reported")]
    assert not kit.is_own and public_creator_profile(db, people["lucia"], people["lucia"].username).is_own
    with pytest.raises(NotAllowed):
        public_creator_profile(db, None, brand.username)  # businesses have no creator profile
    set_visibility(db, people["lucia"], True, True)
    db.expire_all()
    assert "Lucía Romero" not in names(db, brand, q="lucia")
    assert public_creator_profile(db, None, people["lucia"].username).hidden_from_search  # the link still works
    with pytest.raises(NotAllowed):
        set_visibility(db, brand, True, True)
