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


@dataclass(frozen=True)
class Reason:
    points: int
    text: str


@dataclass(frozen=True)
class Scored:
    key: str  # the offer's or creator's id
    score: int
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def why(self) -> str:
        """The two or three biggest reasons, in one line: what a card shows under the title."""
        top = sorted(self.reasons, key=lambda r: -r.points)[:3]
        return " · ".join(r.text for r in top)


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
    label = offer.category.title()
    if offer.category in creator.categories:
        reasons.append(Reason(CATEGORY, f"{label}, one of your categories"))
    if creator.city and _same_city(offer.city, creator.city):
        reasons.append(Reason(CITY, f"In {offer.city}, your city"))
    if offer.eligible:
        reasons.append(Reason(ELIGIBLE, "You meet its requirements"))
    done = min(creator.completed_by_category.get(offer.category, 0), 3)
    if done:
        reasons.append(Reason(PAST_CATEGORY * done, f"You completed {done} {label.lower()} collaboration"
                                                    + ("s" if done > 1 else "")))
    if offer.business_id in creator.businesses_worked_with:
        reasons.append(Reason(SAME_BUSINESS, f"You worked with {offer.brand} before"))
    similar = min(offer.similar_applicants, 5)
    if similar:
        reasons.append(Reason(SIMILAR_APPLIED * similar, f"{similar} creator{'s' if similar > 1 else ''} like you applied"))
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
        who = f"{offer_category.title()} creator" if fits else "Creator"
        reasons.append(Reason(CATEGORY * fits + CITY * local, who + (f" in {creator.city}" if local else "")))
    if creator.eligible:
        reasons.append(Reason(ELIGIBLE, "meets your requirements"))
    if creator.rating is not None:
        reasons.append(Reason(round(RATING * creator.rating), f"{creator.rating:.1f} rating"))
    done = min(creator.completed, 5)
    if done:
        reasons.append(Reason(COMPLETED * done, f"{Tier(creator.tier).label}, {creator.completed} completed"))
    if creator.available:
        reasons.append(Reason(AVAILABLE, "Available now"))
    return Scored(creator.id, sum(r.points for r in reasons), tuple(reasons))


def top(scored: list[Scored], count: int) -> list[Scored]:
    """The best `count`, best first; ties keep the candidates' order (newest or most followed first)."""
    return sorted(scored, key=lambda s: -s.score)[:count]


def _same_city(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()
