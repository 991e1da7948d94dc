"""Recommendations with a transparent score: every point comes with the reason it was given.

Offers for a creator ("Recommended for you") and creators for an offer ("Suggested creators") are
ranked by a sum of named parts, and the page shows the parts ("Food, one of your categories",
"In Madrid, your city"), so a person can see why and disagree. The weights are plain numbers below;
tests/benchmarks/test_recommendation_quality.py measures precision@10 against held-out applications.
Pure: numbers and words in, scores out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from influfinder.domain.enums import Tier

# Offers for a creator.
ELIGIBLE = 30  # meets the offer's tier and audience requirements
CATEGORY = 30  # the offer's category is one of the creator's
CITY = 25  # in the creator's city
PAST_CATEGORY = 5  # per completed collaboration in that category, up to 3
SAME_BUSINESS = 10  # the creator completed a collaboration with this business
SIMILAR_APPLIED = 4  # per creator sharing a category and city who applied, up to 5
# Creators for an offer.
RATING = 4  # per star of the creator's rating
COMPLETED = 2  # per completed collaboration, up to 5
AVAILABLE = 5


def N_(message: str) -> str:
    """Marks an English msgid for the catalogs; the reader's words are chosen where it is shown."""
    return message


@dataclass(frozen=True)
class Reason:
    """A reason as an English msgid and its values, so it is written in the reader's language where it
    is shown (influfinder/i18n/reasons.py); `plural` is the msgid used when the value `n` is not 1
    (both are msgids of their own: Spanish and English both have two forms, one and other).
    Values named `category`, `kind` (a category in lower case) and `tier` are codes (OfferCategory, Tier level), written as their labels."""

    points: int
    template: str
    values: tuple[tuple[str, object], ...] = ()
    plural: str = ""

    def written(self, gettext=lambda m: m, word=lambda name, value: value) -> str:
        values = dict(self.values)
        template = self.plural if self.plural and int(values["n"]) != 1 else self.template
        return gettext(template).format(**{name: word(name, value) for name, value in values.items()})

    @property
    def text(self) -> str:
        """In English, with the codes as the English table would write them (tests, logs)."""
        return self.written(word=_english_word)


def _english_word(name: str, value: object) -> object:
    if name == "category":
        return str(value).title()
    if name == "kind":  # a category inside a sentence: "2 food collaborations"
        return str(value).lower()
    if name == "tier":
        return Tier(int(value)).label
    return value


@dataclass(frozen=True)
class Scored:
    key: str  # the offer's or creator's id
    score: int
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def top_reasons(self) -> list[Reason]:
        """The two or three biggest reasons: what a card shows under the title."""
        return sorted(self.reasons, key=lambda r: -r.points)[:3]

    @property
    def why(self) -> str:
        """In English, in one line (the pages write it in the reader's language: i18n/reasons.py)."""
        return " · ".join(r.text for r in self.top_reasons)


@dataclass(frozen=True)
class CreatorTaste:
    city: str
    categories: frozenset[str]
    completed_by_category: dict[str, int] = field(default_factory=dict)
    businesses_worked_with: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OfferFacts:
    id: str
    business_id: str
    brand: str
    category: str
    city: str
    eligible: bool
    similar_applicants: int = 0  # creators sharing a category and the city with this creator who applied


def score_offer(creator: CreatorTaste, offer: OfferFacts) -> Scored:
    reasons = []
    category = (("category", offer.category),)
    if offer.category in creator.categories:
        reasons.append(Reason(CATEGORY, N_("{category}, one of your categories"), category))
    if creator.city and _same_city(offer.city, creator.city):
        reasons.append(Reason(CITY, N_("In {city}, your city"), (("city", offer.city),)))
    if offer.eligible:
        reasons.append(Reason(ELIGIBLE, N_("You meet its requirements")))
    done = min(creator.completed_by_category.get(offer.category, 0), 3)
    if done:
        reasons.append(Reason(PAST_CATEGORY * done, N_("You completed {n} {kind} collaboration"),
                              (("n", done), ("kind", offer.category)), N_("You completed {n} {kind} collaborations")))
    if offer.business_id in creator.businesses_worked_with:
        reasons.append(Reason(SAME_BUSINESS, N_("You worked with {brand} before"), (("brand", offer.brand),)))
    similar = min(offer.similar_applicants, 5)
    if similar:
        reasons.append(Reason(SIMILAR_APPLIED * similar, N_("{n} creator like you applied"), (("n", similar),),
                              N_("{n} creators like you applied")))
    return Scored(offer.id, sum(r.points for r in reasons), tuple(reasons))


@dataclass(frozen=True)
class CreatorFacts:
    id: str
    city: str
    categories: frozenset[str]
    tier: int
    rating: float | None
    completed: int
    available: bool
    eligible: bool


def score_creator(offer_category: str, offer_city: str, creator: CreatorFacts) -> Scored:
    """Its `why` reads as a business would say it: "Food creator in Madrid · 4.9 rating"."""
    reasons = []
    fits = offer_category in creator.categories
    local = bool(offer_city) and _same_city(creator.city, offer_city)
    if fits or local:
        values = (("category", offer_category), ("city", creator.city))
        template = (N_("{category} creator in {city}") if fits and local else N_("{category} creator") if fits
                    else N_("Creator in {city}"))
        reasons.append(Reason(CATEGORY * fits + CITY * local, template, values))
    if creator.eligible:
        reasons.append(Reason(ELIGIBLE, N_("meets your requirements")))
    if creator.rating is not None:
        reasons.append(Reason(round(RATING * creator.rating), N_("{rating} rating"), (("rating", creator.rating),)))
    done = min(creator.completed, 5)
    if done:
        reasons.append(Reason(COMPLETED * done, N_("{tier}, {n} completed"),
                              (("tier", creator.tier), ("n", creator.completed))))
    if creator.available:
        reasons.append(Reason(AVAILABLE, N_("Available now")))
    return Scored(creator.id, sum(r.points for r in reasons), tuple(reasons))


def top(scored: list[Scored], count: int) -> list[Scored]:
    """The best `count`, best first; ties keep the candidates' order (newest or most followed first)."""
    return sorted(scored, key=lambda s: -s.score)[:count]


def _same_city(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()
