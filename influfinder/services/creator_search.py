"""Find creators: full-text search, filters, sorts and paging in SQL, for businesses, agencies and admins.

The same design as the offer search (services/offer_search.py): the words and the chosen category
and platform ("facets") go to one text index over the profiles not hidden from search
(PostgreSQL: `profiles.search_vector` and `profiles.search_facets`, GIN; SQLite: FTS5 `creators_fts`;
models/creator_index.py, alembic revision 0009_discovery). Without words the matches are read in the
order shown through partial indexes, up to the page and a count of 200 ("200+"). Revision 0019_search
added the platforms a creator is on (`profiles.audience_platforms`: typed or connected) and "verified
figures" to the facets, and the users index text matches are checked in. Revision 0022_creator_verified
added the city to PostgreSQL's facets, and there words with "verified figures" read the verified creators'
own GIN and RUM indexes instead of the facet (see _facet_words).

Words sorted by relevance are read best first and counted to 200 the same way (revision
0020_creator_search): SQLite's FTS5 returns its matches by rank (bm25, computed inside the index for
every match, but only the first rows read from profiles and users), PostgreSQL with the rum extension
walks the RUM index `ix_profiles_search_ranked` by distance (`<=>`, 1 / ts_rank). Matches equally relevant
are shown by followers within the first 200 (+ the page) the index gives, not over every match: "coffee"
may have a thousand creators of one score, and reading them all to find the most followed is what made
the search slow. Plain PostgreSQL (no rum) ranks and sorts every match (equal ones by followers, over
all of them) and checks users and counts for the first 201 only. Figures: tests/benchmarks/README.md
("Find creators").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.i18n import N_
from influfinder.domain.enums import Platform
from influfinder.models import Profile, User
from influfinder.models.creator_index import FTS_TABLE, SEARCH_FACETS_COLUMN, SEARCH_VECTOR_COLUMN
from influfinder.models.search_index import city_facet, facet_word
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.creator_filters import CreatorSearch, InvalidCreatorSearch
from influfinder.services.creator_profiles import CreatorCard, creator_card, listed_creator
from influfinder.services.errors import NotAllowed
# Whether this PostgreSQL database has the rum extension (the offer search's RUM index exists): revision
# 0020 builds the creators' RUM index in the same case.
from influfinder.services.offer_search import has_ranked_index
from influfinder.services.pagination import Page
from influfinder.services.search_words import search_words

PAGE_SIZE = 20
# A search without words, or with words by relevance, stops counting here and says "200+": reading matches
# in the order shown is cheap for a page, but each counted match is a row read and joined (the offer search
# counts to 1,000; creators carry no column that narrows as well as an offer's closing date).
COUNT_LIMIT = 200
# Relevance on SQLite: bm25 with these column weights (name, place, bio, facets); lower is better.
BM25_WEIGHTS = "bm25(10.0, 4.0, 1.0, 0.0)"
FOR_BUSINESSES = N_("Only businesses, agencies and admins can search creators.")


@dataclass(frozen=True)
class CreatorPage(Page[CreatorCard]):
    """With `more`, `total` is a lower bound (a search read in the order shown stops counting at COUNT_LIMIT)."""

    more: bool = False

    @property
    def pages(self) -> int:
        return super().pages + (1 if self.more else 0)


def can_search(actor: Actor | None) -> bool:
    return actor is not None and (actor.is_business or actor.is_admin)


def search_creators(db: Session, actor: Actor | None, search: object) -> CreatorPage:
    """One page (20) of creators matching `search`, and how many match, both in SQL."""
    actor = guards.signed_in(actor)
    if not can_search(actor):
        raise NotAllowed(FOR_BUSINESSES)
    if not isinstance(search, CreatorSearch):
        raise InvalidCreatorSearch("The search could not be read.")
    dialect = db.get_bind().dialect.name
    words = search_words(search.q)
    text = None
    if words:
        text = _text_match(dialect, words, _facet_words(search, dialect), ranked=has_ranked_index(db, dialect))
    conditions = _conditions(search, dialect, words) + (text.conditions if text else [])
    # Read in the order shown, the first `limit` matches are the page and the count ("200+"): without
    # words through an ordered index, with words by relevance through the text index's own order.
    in_order = not words or search.sort == "relevance"
    limit = max(COUNT_LIMIT, search.page * PAGE_SIZE) + 1 if in_order else None
    rows = db.exec(_page_query(search, conditions, text, limit, dialect)).all()
    total = rows[0][2] if rows else db.exec(_count_query(conditions, text, limit)).one()
    more = limit is not None and total >= limit
    items = [creator_card(user, profile) for profile, user, _total in rows]
    return CreatorPage(items, limit - 1 if more else total, search.page, PAGE_SIZE, more=more)


def count_joined_since(db: Session, actor: Actor | None, search: CreatorSearch, since: datetime) -> int:
    """How many creators matching `search` joined after `since`, over all pages (saved-search alerts)."""
    actor = guards.signed_in(actor)
    if not can_search(actor):
        raise NotAllowed(FOR_BUSINESSES)
    dialect = db.get_bind().dialect.name
    words = search_words(search.q)
    # Joined to users as a table: the condition on when they joined reads it.
    text = _text_match(dialect, words, _facet_words(search, dialect), user_lookup=False) if words else None
    conditions = _conditions(search, dialect, words) + (text.conditions if text else [])
    return db.exec(_count_query([*conditions, User.created_at > since], text, None)).one()


def _followers():
    # The total the profile shows (verified beats typed per platform), which ix_profiles_find_followers
    # and ix_profiles_find_city index (alembic revision 0018_audience_followers).
    return Profile.audience_followers


@dataclass(frozen=True)
class _TextMatch:
    """Words in the text index: conditions on the profile row (PostgreSQL) or a full-text table to join
    (SQLite), and the relevance score either way."""

    conditions: list
    score: object
    joined: object = None  # SQLite's full-text table, joined on the profile's rowid
    # PostgreSQL: each match's user, looked up one by one (see _listed_user); None: users joined as a table.
    user: object = None
    # Relevance as a key, best first (SQLite's rank, RUM's distance, or PostgreSQL's -ts_rank without rum).
    order: object = None
    # Whether the text index returns the matches in `order` (SQLite, RUM): a search by relevance then reads
    # only the first ones, and equally relevant matches are cut where the index stops. Otherwise (plain
    # PostgreSQL) every match is ranked and sorted, equal ones by followers, and users are looked up for
    # the first ones only.
    walked: bool = True


def _sort_keys(search: CreatorSearch, text: _TextMatch | None, dialect: str) -> list:
    """The order of the matches, spelled as the index that walks it (SQLite's DESC already puts NULLs last)."""
    def desc(column):
        return column.desc().nulls_last() if dialect == "postgresql" else column.desc()

    if search.sort == "rating":
        return [desc(Profile.rating), Profile.id]
    if search.sort == "active":
        return [desc(User.last_login_at), User.id]
    if search.sort == "relevance" and text is not None:
        # SQLite: FTS5's rank alone, the order it returns (another key would sort every match); ties are
        # ordered on the page.
        return [text.order]
    return [_followers().desc(), Profile.id]  # "followers", and "relevance" without words


def _page_query(search: CreatorSearch, conditions: list, text: _TextMatch | None, limit: int | None, dialect: str):
    # As in the offer search: the matches once (MATERIALIZED), counted with a window, then one page.
    if limit is not None and text is not None and text.user is not None:  # PostgreSQL, words by relevance
        matches = _ranked_matches(conditions, text, limit)
    else:
        matches = _from(select(Profile.id.label("profile_id"), _sort_value(search, text).label("sort_value"),
                               _followers().label("followers")), text).where(*conditions)
        if limit is not None:  # the first matches in the order shown, through the index that walks it
            matches = matches.order_by(*_sort_keys(search, text, dialect)).limit(limit)
    matches = matches.cte("matches").prefix_with("MATERIALIZED")
    page = (select(*matches.c, sa.func.count().over().label("total"))
            .order_by(*_ordering(matches.c)).offset((search.page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
            .subquery("page"))
    # Names and figures are read for the page's 20 profiles only.
    return (select(Profile, User, page.c.total)
            .join(page, page.c.profile_id == Profile.id)
            .join(User, User.id == Profile.user_id)
            .order_by(*_ordering(page.c)))


def _ranked_matches(conditions: list, text: _TextMatch, limit: int):
    """PostgreSQL by relevance: the text matches best first, each one's user checked after that order, until
    `limit` are listed creators.

    The check is a subquery in the filter above the ordered matches, not a join: a join let the planner
    check every match before sorting them ("content" + verified + engagement: 1,694 users looked up for
    201 rows), and planned the ordered matches for reading them all (the GIN index and a sort, 2,600 rows
    for "concert", where the RUM index gives the first 201). With no join and no sort above them, the
    ordered matches are planned for the first rows, and PostgreSQL reads them in the subquery's order (a
    subquery with ORDER BY is never merged into its parent); the page is sorted again below."""
    # Ordered by the distance it selects (computed once a row; a ts_rank beside it doubled that work when
    # the matches are sorted), shown best first as its negative.
    distance = text.order.label("distance")
    keys = [distance] if text.walked else [distance, _followers().desc(), Profile.id]
    candidates = (select(Profile.id.label("profile_id"), Profile.user_id.label("user_id"), distance,
                         _followers().label("followers"))
                  .where(*conditions).order_by(*keys).subquery("candidates"))
    listed = select(sa.true()).where(User.id == candidates.c.user_id, listed_creator()).limit(1).scalar_subquery()
    return (select(candidates.c.profile_id, (-candidates.c.distance).label("sort_value"), candidates.c.followers)
            .where(listed).limit(limit))


def _ordering(columns) -> list:
    return [columns.sort_value.desc().nulls_last(), columns.followers.desc(), columns.profile_id]


def _sort_value(search: CreatorSearch, text: _TextMatch | None):
    if search.sort == "rating":
        return Profile.rating
    if search.sort == "active":
        return User.last_login_at if text is None or text.user is None else text.user.c.last_login_at
    if search.sort == "relevance" and text is not None:
        return text.score
    return _followers()


def _from(query, text: _TextMatch | None):
    if text is not None and text.user is not None:
        return query.select_from(Profile).join(text.user, sa.true())
    query = query.select_from(Profile).join(User, User.id == Profile.user_id).where(listed_creator())
    if text is None or text.joined is None:
        return query
    return query.join(text.joined, text.joined.c.rowid == sa.literal_column("profiles.rowid"))


def _listed_user():
    """Each text match's user, if a listed creator, looked up through ix_users_listed_creators one match at a
    time. A plain join let PostgreSQL read the whole users table into a hash for a few thousand matches
    (17-78 ms of a 37-195 ms search at 100k creators); a LATERAL subquery with LIMIT is always a lookup."""
    return (select(User.last_login_at).where(User.id == Profile.user_id, listed_creator())
            .limit(1).lateral("listed_user"))


def _count_query(conditions: list, text: _TextMatch | None, limit: int | None):
    matches = _from(select(Profile.id), text).where(*conditions)
    if limit is not None:
        matches = matches.limit(limit)
    return select(sa.func.count()).select_from(matches.subquery("matches"))


def _conditions(search: CreatorSearch, dialect: str, words: list[str]) -> list:
    # Listed creators only: _from checks that with the join to users.
    found = [Profile.hidden_from_search.is_(False)]
    if not words:
        found.extend(_facet_conditions(search))
    if search.city:
        found.append(sa.func.lower(Profile.city) == search.city.lower())
    # SQLite, sorted by anything but followers: the range is checked on the rows read in that order
    # rather than driving the search through the followers index (then every match would be sorted).
    # PostgreSQL weighs both from its statistics (profiles_find_expressions).
    by_followers = search.sort in ("followers", "relevance") or dialect == "postgresql"
    followers = _followers() if by_followers else _followers() + 0
    if search.followers_min is not None:
        found.append(followers >= search.followers_min)
    if search.followers_max is not None:
        found.append(followers <= search.followers_max)
    if search.engagement_min is not None:
        found.append(_best_engagement(dialect) >= search.engagement_min)
    if search.engagement_max is not None:
        found.append(_best_engagement(dialect) <= search.engagement_max)
    if search.tier is not None:
        found.append(Profile.tier_level >= search.tier)
    if search.rating_min is not None:
        found.append(Profile.rating >= search.rating_min)
    if search.verified_only:
        found.append(Profile.audience_verified.is_(True))  # figures from a connected account, as profiles say
    if search.available_only:
        found.append(Profile.available.is_(True))
    return found


def _facet_words(search: CreatorSearch, dialect: str) -> list[str]:
    """The chosen filters as the words the text index stores for them (their exact conditions still apply).

    PostgreSQL (revision 0022): the city too ("pilates" + Madrid: 453 rows read instead of 2,387), as the
    offer search spells it. "Verified" is not a word there: the condition on audience_verified (_conditions)
    selects the verified creators' own text indexes, where "content" + verified walks 201 rows of the RUM
    index instead of sorting 1,959; the facet word beside it made the planner count one filter twice (49
    matches expected for 1,700) and sort rather than walk."""
    postgres = dialect == "postgresql"
    chosen = [("category", search.category), ("platform", search.platform),
              ("audience", "verified" if search.verified_only and not postgres else None)]
    words = [facet_word(kind, value) for kind, value in chosen if value is not None]
    return [*words, city_facet(search.city)] if postgres and search.city else words


def _facet_conditions(search: CreatorSearch) -> list:
    found = []
    if search.category:
        found.append(sa.cast(Profile.preferred_categories, sa.Text).contains(f'"{search.category.value}"',
                                                                             autoescape=True))
    if search.platform:
        found.append(has_platform(search.platform))
    return found


def has_platform(platform: Platform):
    # A typed handle or followers, or a connected account (domain.eligibility.audience_platforms), kept in
    # Profile.audience_platforms; no platform name contains another.
    return Profile.audience_platforms.contains(platform.value.lower(), autoescape=True)


def _best_engagement(dialect: str):
    columns = (Profile.instagram_engagement, Profile.tiktok_engagement, Profile.facebook_engagement)
    return sa.func.greatest(*columns) if dialect == "postgresql" else sa.func.max(*columns)


def _text_match(dialect: str, words: list[str], facets: list[str], *, user_lookup: bool = True,
                ranked: bool = False) -> _TextMatch:
    """Every word must match, the last one may be unfinished; facets are looked up in the facets only.
    `ranked`: PostgreSQL has the rum extension, whose index returns the matches best first."""
    if dialect == "postgresql":
        query = _tsquery(" & ".join([f"'{w}'" for w in words[:-1]] + [f"'{words[-1]}':*"]))
        vector = sa.literal_column(f"profiles.{SEARCH_VECTOR_COLUMN}")
        found = [vector.op("@@")(query)]
        if facets:
            found.append(sa.literal_column(f"profiles.{SEARCH_FACETS_COLUMN}").op("@@")(_tsquery(" & ".join(facets))))
        # RUM's distance is 1 / ts_rank: the same order, walked in ix_profiles_search_ranked without ranking
        # every match (see _ranked_matches).
        rank = sa.func.ts_rank(vector, query)
        return _TextMatch(found, rank, user=_listed_user() if user_lookup else None,
                          order=vector.op("<=>")(query) if ranked else -rank, walked=ranked)
    text = " ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*'])
    match = f"{{name place bio}}: ({text})" + (f" AND facets: ({' '.join(facets)})" if facets else "")
    # FTS5 ranks every match inside the index (cheap) and returns them by rank, which is bm25 with the
    # weights chosen in the query: name counts most, then city and categories, then bio; lower is better.
    # Joined as a table, not a subquery, so that SQLite reads it first and in that order, and stops.
    fts = sa.table(FTS_TABLE, sa.column("rowid"), sa.column("rank"))
    found = [sa.literal_column(FTS_TABLE).op("MATCH")(match), fts.c.rank.op("MATCH")(BM25_WEIGHTS)]
    return _TextMatch(found, -fts.c.rank, fts, order=fts.c.rank)


def _tsquery(text: str):
    return sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), sa.literal(text))
