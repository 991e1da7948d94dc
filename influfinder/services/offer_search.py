"""Browsing offers: full-text search, filters, sorts and paging in SQL.

The filters themselves are services/offer_filters.py; views are counted in services/offer_view_counts.py.

The search reads what alembic revisions 52177413ca3c, 0007_offer_browse_indexes, 0008_search_ranked and
0021_offer_search built (0021: the city and the closing week among PostgreSQL's facets, the requirements'
minimums as typed columns for "only offers I qualify for"): on PostgreSQL the generated tsvector columns
`offers.search_vector` and `offers.search_facets` (one GIN index; with the rum extension also a RUM
index that returns text matches newest first), on
SQLite the FTS5 table `offers_fts`; both hold the filter values as words ("facets") beside the text.
Both hold whole words, case and accents folded; Spanish inflections are matched through Snowball
stems (services/search_words.py), so the same words find the same offers on either database. Every
search counts to COUNT_LIMIT and reads its matches in the order shown when an index gives that order
(models/search_index.py names them). Why, and the figures: tests/benchmarks/README.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.eligibility import Account
from influfinder.i18n import _
from influfinder.domain.enums import OfferStatus, Platform
from influfinder.domain.money import EUROS_PER_UNIT
from influfinder.models import Offer, Profile, User
from influfinder.models.search_index import (
    FTS_TABLE, NO_DEADLINE, RANKED_INDEX, SEARCH_FACETS_COLUMN, SEARCH_VECTOR_COLUMN, city_facet, closing_week_facet,
    facet_word,
)
from influfinder.services.actors import Actor
from influfinder.services.creator_fit import creator_numbers
from influfinder.services.early_access import released_condition
from influfinder.services.offer_filters import InvalidSearch, OfferSearch
from influfinder.services.offers import SUMMARY_COLUMNS, OfferSummary, summary_of_row
from influfinder.services.pagination import Page
from influfinder.services.search_words import search_words, word_terms

PAGE_SIZE = 20
COUNT_LIMIT = 1_000  # a search counts this many matches, then says "1,000+"
RANKED_FROM = "TIMESTAMPTZ '2100-01-01 00:00:00+00'"  # the RUM index's ordering starts here (see _page_query)
# "Closing within N days" narrows the PostgreSQL text index by closing week up to this many days; a longer
# span covers most open offers and would only lengthen the index's work.
DEADLINE_FACET_DAYS = 62
RANKED_WORK_MEM = "16MB"  # what the RUM walk may sort in memory (see search_offers)


# ---------------------------------------------------------------------------------------------
# Search


@dataclass(frozen=True)
class SearchPage(Page[OfferSummary]):
    """A page of results. With `more`, `total` is a lower bound: at least that many offers match, and
    at least one more page exists (a search stops counting, see COUNT_LIMIT)."""

    more: bool = False

    @property
    def pages(self) -> int:
        return super().pages + (1 if self.more else 0)


def search_offers(
    db: Session, actor: Actor | None, search: OfferSearch, *, now: datetime | None = None
) -> SearchPage:
    """One page (20) of active public offers still open for applications, and the total, both in SQL."""
    if not isinstance(search, OfferSearch):
        raise InvalidSearch("The search could not be read.")
    now = now or datetime.now(timezone.utc)
    dialect = db.get_bind().dialect.name
    conditions = _conditions(db, dialect, actor, search, now)
    # A search counts its matches up to COUNT_LIMIT, then says "1,000+"; one more row tells whether
    # more match. Read in the order shown, the first `limit` matches are enough: without words an
    # ordered index gives that order, with words the RUM index (newest first) when PostgreSQL has it.
    # Otherwise the text index finds every match, and they are all counted, then capped the same way.
    limit = max(COUNT_LIMIT, search.page * PAGE_SIZE) + 1
    words = bool(search_words(search.q))
    ranked = words and search.sort == "newest" and has_ranked_index(db, dialect)
    in_order = limit if not words or ranked else None
    if ranked:
        # RUM's ordered walk first sorts every entry of the words with its creation time; in the default
        # work_mem (4 MB) a common word's 80,000 entries spill to a temporary file (1M offers, "weekend":
        # 50 ms CPU, 30 with the sort in memory). For this request's transaction only.
        db.exec(sa.text(f"SET LOCAL work_mem = '{RANKED_WORK_MEM}'"))
    rows = db.exec(_page_query(dialect, conditions, search, in_order, ranked=ranked)).all()
    if rows:
        total = rows[0].total
    else:  # past the last page, or nothing matched: the page query carried no total
        total = db.exec(_count_query(conditions, in_order)).one()
    items = [summary_of_row(row, row.company_name or row.username) for row in rows]
    more = total >= limit
    return SearchPage(items, limit - 1 if more else total, search.page, PAGE_SIZE, more=more)


@dataclass(frozen=True)
class BrowsePage:
    """The Browse page as one read: the results and the search as it was run."""

    result: SearchPage
    search: OfferSearch  # past the end: the last page; "offers I qualify for" dropped for non-creators
    can_qualify: bool  # a signed-in creator: the "only offers I qualify for" switch is theirs
    qualified_dropped: bool


def browse(db: Session, actor: Actor | None, search: OfferSearch) -> BrowsePage:
    can_qualify = bool(actor and actor.is_creator)
    dropped = isinstance(search, OfferSearch) and search.qualified_only and not can_qualify
    if dropped:
        search = search.model_copy(update={"qualified_only": False})
    result = search_offers(db, actor, search)
    if not result.items and result.page > result.pages:  # a page past the end: show the last one
        search = search.model_copy(update={"page": result.pages})
        result = search_offers(db, actor, search)
    return BrowsePage(result, search, can_qualify, dropped)


def has_ranked_index(db: Session, dialect: str) -> bool:
    """Whether the RUM index exists (the rum extension was there at migration), asked once per connection."""
    if dialect != "postgresql":
        return False
    info = db.connection().info
    if RANKED_INDEX not in info:
        info[RANKED_INDEX] = db.exec(sa.select(sa.func.to_regclass(RANKED_INDEX).isnot(None))).one()[0]
    return info[RANKED_INDEX]


def _page_query(dialect: str, conditions: list, search: OfferSearch, limit: int | None, *, ranked: bool = False):
    # The matches are computed once, by the best path for the filters, then counted and cut into a
    # page. Without a limit that is the text index, and every match: MATERIALIZED keeps the planner
    # from walking an ordered index instead, hoping to stop after 20 rows (with a window count it never
    # can stop, and on rare words it reads every offer). With one, the first `limit` matches in the
    # order shown are enough, and an ordered index finds them without reading the rest.
    key = _SORT_KEYS[search.sort]
    sort_key = None if key is None else key[0](dialect)
    columns = [Offer.id.label("offer_id"), Offer.created_at.label("created_at")]
    if sort_key is not None:
        columns.append(sort_key.label("sort_key"))
    matches = select(*columns).where(*conditions)
    if ranked:
        # RUM walks its index by distance to a moment: from RANKED_FROM that is newest first, exact to
        # the microsecond (a float of seconds). The planner takes that walk when it expects many matches,
        # checking the facets and the rest row by row, and the text index with the facets when it
        # expects few. Equal creation times (the next key) are ordered with the page below.
        matches = matches.order_by(Offer.created_at.op("<=|")(sa.literal_column(RANKED_FROM))).limit(limit)
    elif limit is not None:
        matches = matches.order_by(*_ordering(search.sort, sort_key, Offer.created_at, Offer.id)).limit(limit)
    matches = matches.cte("matches").prefix_with("MATERIALIZED")
    page = (
        select(*matches.c, sa.func.count().over().label("total"))
        .order_by(*_ordering(search.sort, *_sort_columns(matches.c)))
        .offset((search.page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .subquery("page")
    )
    # The business names are joined to the page's 20 offers only, not to every match.
    return (
        select(*SUMMARY_COLUMNS, Profile.company_name, User.username, page.c.total)
        .join(page, page.c.offer_id == Offer.id)
        .join(User, User.id == Offer.business_id)
        .join(Profile, Profile.user_id == Offer.business_id, isouter=True)
        .order_by(*_ordering(search.sort, *_sort_columns(page.c)))
    )


def _count_query(conditions: list, limit: int | None):
    matches = select(Offer.id).where(*conditions)
    if limit is not None:
        matches = matches.limit(limit)
    return select(sa.func.count()).select_from(matches.subquery("matches"))


def _conditions(db: Session, dialect: str, actor: Actor | None, search: OfferSearch, now: datetime) -> list:
    found = [
        # Literals, not parameters: the PostgreSQL text index covers exactly these offers, and the
        # planner can only use it when it sees the same constants (prepared plans see none).
        Offer.status == sa.literal_column(f"'{OfferStatus.ACTIVE.value}'"),
        Offer.is_public.is_(True),
        # Browse shows what a creator can still apply to. One predicate, not "IS NULL OR >": a range
        # of the closing-date index's key, which also walks the offers in "closing soon" order.
        _open_until(dialect) > now,
        released_condition(db, actor, now),  # PRO creators and up see new offers a day early
    ]
    words = search_words(search.q)
    if words:
        # The text index holds the filter values too: it finds exactly the offers with these words
        # and these values, and only those rows are read to check the rest.
        found.append(_text_match(dialect, words, _facet_words(search, dialect, now)))
    else:
        found.extend(_facet_conditions(search))
    if search.city:
        found.append(sa.func.lower(Offer.city) == search.city.lower())
    found.extend(_budget_conditions(search))
    if search.deadline_within_days:
        found.append(_open_until(dialect) <= now + timedelta(days=search.deadline_within_days))
    if search.qualified_only:
        found.append(_qualifies(_creator_profile(db, actor)))
    return found


def _facet_words(search: OfferSearch, dialect: str, now: datetime) -> list[str]:
    """The chosen category, platform, currency and compensation as the words the text index stores for them,
    and on PostgreSQL the city and the weeks of "closing within N days" (their exact conditions below still
    apply: the words narrow the index)."""
    chosen = [("category", search.category), ("platform", search.platform), ("currency", search.currency),
              ("compensation", search.compensation_type)]
    words = [facet_word(kind, value) for kind, value in chosen if value is not None]
    if dialect == "postgresql":
        if search.city:
            words.append(city_facet(search.city))
        if search.deadline_within_days and search.deadline_within_days <= DEADLINE_FACET_DAYS:
            # The weeks the offers closing in time close in; the exact closing date is still compared.
            until = now + timedelta(days=search.deadline_within_days)
            weeks = sorted({closing_week_facet(now + timedelta(days=d)) for d in range(search.deadline_within_days)}
                           | {closing_week_facet(until)})
            words.append("(" + " | ".join(weeks) + ")")
    return words


def _facet_conditions(search: OfferSearch) -> list:
    """The same filters on the columns, for a search without words (the text index is not used then)."""
    found = []
    if search.category:
        found.append(Offer.category == search.category)
    if search.platform:
        found.append(_has_platform(search.platform))
    if search.currency:
        found.append(Offer.currency == search.currency)
    if search.compensation_type:
        found.append(Offer.compensation_type == search.compensation_type)
    return found


def _budget_conditions(search: OfferSearch) -> list:
    # Budgets overlap: an offer paying 300-800 is in a search for "at least 500" and for "at most 400".
    found = []
    if search.budget_min is not None:
        found.append(sa.func.coalesce(Offer.budget_max, Offer.budget_min) >= search.budget_min)
    if search.budget_max is not None:
        found.append(sa.func.coalesce(Offer.budget_min, Offer.budget_max) <= search.budget_max)
    return found


def _text_match(dialect: str, words: list[str], facets: list[str]):
    # Every word must match (see word_terms); the last one may be unfinished ("cof" finds "coffee").
    # Words are looked up in the offer's text and facets in its facets only, so no word ("c",
    # "currencyeur") can match a filter value.
    terms = word_terms(words)
    if dialect == "postgresql":
        found = _tsquery_match(SEARCH_VECTOR_COLUMN, " & ".join(f"'{t}':*" if prefix else f"'{t}'" for t, prefix in terms))
        return sa.and_(found, _tsquery_match(SEARCH_FACETS_COLUMN, " & ".join(facets))) if facets else found
    text = " ".join(f'"{t}"*' if prefix else f'"{t}"' for t, prefix in terms)
    query = f"{{title brand_name description}}: ({text})" + (f" AND facets: ({' '.join(facets)})" if facets else "")
    matching = sa.text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts").bindparams(fts=query)
    return sa.literal_column("offers.rowid").in_(matching)


def _tsquery_match(column: str, query: str):
    tsquery = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), sa.literal(query))
    return sa.literal_column(f"offers.{column}").op("@@")(tsquery)


def _has_platform(platform: Platform):
    # `platforms` is a JSON list of Platform names the app writes, so the quoted name is in its text
    # exactly when it is in the list (no name contains another). Reading the text is several times
    # cheaper than parsing the JSON of every candidate row (jsonb @> or json_each).
    return sa.cast(Offer.platforms, sa.Text).contains(f'"{platform.value}"', autoescape=True)


def _in_euros(amount):
    """A budget column converted at domain.money's rates, so budgets in other currencies rank fairly."""
    rate = sa.case(*[(Offer.currency == currency, sa.literal(rate)) for currency, rate in EUROS_PER_UNIT.items()],
                   else_=sa.literal(Decimal(1)))
    return amount * rate


def _open_until(dialect: str):
    """When applications close, a far date for "never": the key of the browse index that sorts by closing
    date. A literal, written as the migration wrote the index, so the planner can match the two."""
    return sa.func.coalesce(Offer.application_deadline, sa.literal_column(NO_DEADLINE[dialect]))


# Each sort: its key, its direction, and whether offers without that value go last (NULLS LAST).
_SORT_KEYS = {
    "newest": None,
    "closing": (_open_until, "asc", False),
    "budget_high": (lambda _dialect: _in_euros(sa.func.coalesce(Offer.budget_max, Offer.budget_min)), "desc", True),
    "budget_low": (lambda _dialect: _in_euros(sa.func.coalesce(Offer.budget_min, Offer.budget_max)), "asc", True),
}


def _ordering(sort: str, sort_key, created_at, offer_id) -> list:
    # Newest first breaks ties, and the id makes paging stable when two offers share a moment.
    order = []
    key = _SORT_KEYS[sort]
    if key is not None:
        direction = sort_key.desc() if key[1] == "desc" else sort_key.asc()
        order.append(direction.nulls_last() if key[2] else direction)
    return [*order, created_at.desc(), offer_id.desc()]


def _sort_columns(columns) -> tuple:
    return getattr(columns, "sort_key", None), columns.created_at, columns.offer_id


# ---------------------------------------------------------------------------------------------
# "Only offers I qualify for"


def _creator_profile(db: Session, actor: Actor | None) -> Profile | None:
    if actor is None or not actor.is_creator:
        raise InvalidSearch(_("Log in as a creator to see the offers you qualify for."), field="qualified_only")
    return db.exec(select(Profile).where(Profile.user_id == actor.id)).first()


def _qualifies(profile: Profile | None):
    """The offer's minimum tier, and its influencer or regular requirements on one platform it asks for.
    The figures are the verified ones where a connected account gave them, else the typed ones."""
    if profile is None:
        return sa.false()
    accounts = {a.platform: a for a in creator_numbers(profile).accounts}
    per_platform = [
        sa.and_(_has_platform(platform), _meets_requirements(accounts[platform]))
        for platform in Platform
        if _has_account(profile, accounts[platform])
    ]
    if not per_platform:
        return sa.false()
    return sa.and_(Offer.min_tier <= profile.tier_level, sa.or_(*per_platform))


def _has_account(profile: Profile, account: Account) -> bool:
    # A creator without an account on a platform cannot publish there, whatever the thresholds.
    return bool(getattr(profile, f"{account.platform.value.lower()}_handle")) or account.followers > 0


def _meets_requirements(account: Account):
    # Typed columns kept from the offer's requirements (models/offer.py): a comparison per row, where
    # reading them from the JSON cost about 30 µs a row at a million offers.
    followers, engagement = account.followers, account.engagement
    influencer = [Offer.influencer_min_followers <= followers, Offer.influencer_min_engagement <= engagement]
    if not account.verified:
        influencer.append(sa.not_(Offer.influencer_verified))
    regular = [Offer.regular_min_followers <= followers, Offer.regular_min_engagement <= engagement]
    return sa.or_(sa.and_(*influencer), sa.and_(*regular))
