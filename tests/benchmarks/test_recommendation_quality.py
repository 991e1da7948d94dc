"""Offline quality of "Recommended for you" (domain/recommendations.py): precision@10 against held-out
applications, on generated data and on the demo data. Prints figures; asserts nothing about them.

Generated data: creators with a city and 1-3 categories, offers with a city, a category and audience
requirements, and applications drawn from a behaviour model the scorer does not know exactly
(category and city matter, meeting the requirements matters, and each creator also has one
undeclared taste). Per creator 30% of the applications are held out; the rest are what the scorer
may learn from (past completions, "creators like you applied"). precision@10 = the share of the
top 10 recommended offers, among those the creator had not applied to in the kept part, that are
in the held-out part; averaged over creators with something held out. Two baselines beside it:
random offers and the most applied-to offers.

    python3 -m influfinder test tests/benchmarks/test_recommendation_quality.py -m benchmark -s
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from influfinder.domain import recommendations as rec
from influfinder.domain.enums import OfferCategory, OfferStatus, UserType
from influfinder.models import Application, Offer, Profile, User
from tests.support.demo import demo_engine

pytestmark = pytest.mark.benchmark

CITIES = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Lisboa", "Ciudad de México"]
CATEGORIES = [c.value for c in OfferCategory if c is not OfferCategory.OTHER]
HELD_OUT = 0.3
K = 10


@dataclass(frozen=True)
class Creator:
    id: str
    city: str
    categories: frozenset[str]
    tier: int
    followers: int
    hidden_taste: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    business: str
    city: str
    category: str
    min_tier: int
    min_followers: int


def eligible(creator: Creator, offer: Item) -> bool:
    return creator.tier >= offer.min_tier and creator.followers >= offer.min_followers


def true_weight(person: Creator, offer: Item) -> int:
    """The behaviour model: how much more likely than a random offer this creator applies to this one."""
    return (1 + 6 * (offer.category in person.categories) + 3 * (offer.category == person.hidden_taste)
            + 4 * (offer.city == person.city) + 3 * eligible(person, offer))


def generate(seed: int = 13, creators: int = 1000, offers: int = 800, per_creator: int = 12):
    rng = random.Random(seed)
    people = [Creator(f"c{n}", rng.choice(CITIES), frozenset(rng.sample(CATEGORIES, rng.randint(1, 3))),
                      rng.choices(range(6), weights=[40, 25, 15, 10, 6, 4])[0], int(rng.lognormvariate(8, 1.4)),
                      rng.choice(CATEGORIES)) for n in range(creators)]
    items = [Item(f"o{n}", f"b{rng.randrange(120)}", rng.choice(CITIES), rng.choice(CATEGORIES),
                  rng.choices(range(4), weights=[60, 20, 12, 8])[0], rng.choice([0, 500, 1000, 5000]))
             for n in range(offers)]
    applications = {}
    for person in people:
        weights = [true_weight(person, o) for o in items]
        chosen = set()
        while len(chosen) < per_creator:
            chosen.add(rng.choices(range(len(items)), weights=weights)[0])
        applications[person.id] = [items[i].id for i in chosen]
    return people, items, applications


def split(applications: dict[str, list[str]], seed: int = 5):
    rng = random.Random(seed)
    kept, held = {}, {}
    for creator, applied in applications.items():
        applied = list(applied)
        rng.shuffle(applied)
        cut = max(1, round(len(applied) * HELD_OUT)) if len(applied) > 1 else 0
        held[creator], kept[creator] = set(applied[:cut]), applied[cut:]
    return kept, held


def recommend(people, items, kept, seed: int = 3) -> dict[str, list[str]]:
    """The scorer's top 10 per creator, learning only from the kept applications."""
    by_id = {o.id: o for o in items}
    person_of = {p.id: p for p in people}
    applicants = defaultdict(list)
    for creator, applied in kept.items():
        for offer_id in applied:
            applicants[offer_id].append(person_of[creator])
    order = list(items)
    random.Random(seed).shuffle(order)  # ties fall in no meaningful order, as "newest first" would
    picks = {}
    for person in people:
        done = kept[person.id][: len(kept[person.id]) // 3]  # a third of past applications were completed
        taste = rec.CreatorTaste(person.city, person.categories,
                                 dict(Counter(by_id[o].category for o in done)),
                                 frozenset(by_id[o].business for o in done))
        seen = set(kept[person.id])
        scored = []
        for offer in order:
            if offer.id in seen:
                continue
            similar = sum(1 for other in applicants[offer.id]
                          if other.id != person.id and other.city == person.city and other.categories & person.categories)
            facts = rec.OfferFacts(offer.id, offer.business, offer.business, offer.category, offer.city,
                                   eligible(person, offer), similar)
            scored.append(rec.score_offer(taste, facts))
        picks[person.id] = [s.key for s in rec.top(scored, K)]
    return picks


def precision_at_k(picks: dict[str, list[str]], held: dict[str, set[str]]) -> float:
    values = [len(set(picks[c][:K]) & held[c]) / K for c in held if held[c]]
    return sum(values) / len(values) if values else 0.0


def oracle(people, items, kept) -> dict[str, list[str]]:
    """The ceiling: offers ranked by the behaviour model's own weights (hidden taste included)."""
    picks = {}
    for person in people:
        seen = set(kept[person.id])
        ranked = sorted((o for o in items if o.id not in seen), key=lambda o: -true_weight(person, o))
        picks[person.id] = [o.id for o in ranked[:K]]
    return picks


def baselines(items, kept, held, seed: int = 9) -> tuple[float, float]:
    rng = random.Random(seed)
    popularity = Counter(o for applied in kept.values() for o in applied)
    ranked = [o.id for o in sorted(items, key=lambda o: -popularity[o.id])]
    rand, popular = {}, {}
    for creator, applied in kept.items():
        seen = set(applied)
        rand[creator] = rng.sample([o.id for o in items if o.id not in seen], K)
        popular[creator] = [o for o in ranked if o not in seen][:K]
    return precision_at_k(rand, held), precision_at_k(popular, held)


def demo_world():
    """The demo's creators, offers and applications (loaded into a scratch SQLite), in the shapes above."""
    with tempfile.TemporaryDirectory() as folder:
        engine = demo_engine(f"sqlite:///{folder}/demo.db", datetime(2026, 12, 6, tzinfo=timezone.utc))
        with Session(engine) as db:
            rows = db.exec(select(User, Profile).join(Profile, Profile.user_id == User.id)
                           .where(User.user_type == UserType.CREATOR)).all()
            offers = db.exec(select(Offer).where(Offer.status != OfferStatus.DRAFT)).all()
            applied = db.exec(select(Application.creator_id, Application.offer_id)).all()
        engine.dispose()
    people = [Creator(str(u.id), p.city, frozenset(p.preferred_categories), p.tier_level, p.audience_followers)
              for u, p in rows]
    items = [Item(str(o.id), str(o.business_id), o.city, o.category.value, o.min_tier,
                  o.requirements.get("regular", {}).get("min_followers", 0)) for o in offers]
    applications = defaultdict(list)
    for creator_id, offer_id in applied:
        applications[str(creator_id)].append(str(offer_id))
    return people, items, {p.id: applications.get(p.id, []) for p in people}


def evaluate(name: str, people, items, applications, *, with_oracle: bool = True) -> str:
    kept, held = split(applications)
    ours = precision_at_k(recommend(people, items, kept), held)
    random_p, popular_p = baselines(items, kept, held)
    ceiling = f"  model's own weights {precision_at_k(oracle(people, items, kept), held):.3f}" if with_oracle else ""
    held_total = sum(len(h) for h in held.values())
    return (f"{name:<10} creators {len(people):>5}  offers {len(items):>5}  held-out applications {held_total:>6}  "
            f"precision@10: scorer {ours:.3f}  random {random_p:.3f}  most applied {popular_p:.3f}{ceiling}")


def test_recommendation_precision_at_10():
    print()
    print(evaluate("generated", *generate()))
    print(evaluate("demo", *demo_world(), with_oracle=False))
