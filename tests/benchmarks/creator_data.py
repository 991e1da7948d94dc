"""A generator of many realistic creators (users and profiles) for the Find creators benchmark."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from itertools import accumulate

import sqlalchemy as sa

from influfinder.domain.enums import OfferCategory, UserType
from influfinder.models import Profile, User
from tests.benchmarks.offer_data import CITIES, CITY_WEIGHTS, FILLER, THINGS, _profile, _settle, _user

FIRST = ["Lucía", "Marco", "Sofía", "Diego", "Ana", "Leo", "Carmen", "Pablo", "Elena", "Javier", "Marta", "Hugo",
         "Valeria", "Mateo", "Camila", "Daniel", "Paula", "Álvaro", "Irene", "Nicolás", "Julia", "Andrés", "Noa",
         "Bruno", "Olivia", "Tomás", "Emma", "Gabriel", "Lola", "Adrián"]
LAST = ["Romero", "Díaz", "Herrera", "Navarro", "Torres", "Martín", "García", "López", "Sánchez", "Pérez", "Gómez",
        "Ruiz", "Moreno", "Muñoz", "Álvarez", "Jiménez", "Castro", "Ortega", "Rubio", "Molina", "Vidal", "Serrano"]
CATEGORIES = [c.value for c in OfferCategory]


class CreatorFactory:
    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        syllables = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ra", "se", "ti", "vo", "za", "tra"]
        self.rare = sorted({"".join(self.rng.choices(syllables, k=self.rng.randint(2, 4))) for _ in range(4000)})
        self.rare_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.rare))))
        self.n = 0

    def rows(self) -> tuple[dict, dict]:
        rng, self.n = self.rng, self.n + 1
        first, last = rng.choice(FIRST), rng.choice(LAST)
        handle = f"{first.lower()}.{rng.choice(['eats', 'fit', 'travels', 'style', 'daily', 'lab'])}{self.n}"
        user = _user(f"creator{self.n}", UserType.CREATOR, self.now)
        user["last_login_at"] = None if rng.random() < 0.1 else self.now - timedelta(minutes=rng.randrange(0, 90 * 24 * 60))
        categories = rng.sample(CATEGORIES[:-1], k=rng.randint(1, 3))
        words = [rng.choice(THINGS[c]) for c in categories] + rng.choices(FILLER, k=rng.randint(6, 14))
        words += rng.choices(self.rare, cum_weights=self.rare_weights, k=rng.randint(2, 6))
        rng.shuffle(words)
        figures, readings = {}, {}
        for platform in ("instagram", "tiktok", "facebook"):
            if rng.random() < {"instagram": 0.85, "tiktok": 0.5, "facebook": 0.2}[platform]:
                figures[f"{platform}_handle"] = handle
                figures[f"{platform}_followers"] = int(rng.lognormvariate(8, 1.6))
                figures[f"{platform}_engagement"] = round(rng.uniform(0.5, 12), 1)
                figures[f"{platform}_verified"] = connected = rng.random() < 0.05
                if connected:  # a connected account, whose figures are lower than the typed ones (no extra draw)
                    readings[platform] = {"followers": figures[f"{platform}_followers"] * 7 // 10,
                                          "engagement": figures[f"{platform}_engagement"], "handle": handle,
                                          "taken_at": self.now.isoformat()}
        rated = rng.random() < 0.6
        profile = _profile(
            user["id"], self.now, display_name=f"{first} {last}", city=rng.choices(CITIES, cum_weights=CITY_WEIGHTS)[0],
            bio=" ".join(words).capitalize() + ".", preferred_categories=categories,
            tier_level=rng.choices(range(6), weights=[45, 25, 13, 9, 5, 3])[0],
            rating=round(rng.uniform(3, 5), 2) if rated else None, rating_count=rng.randint(1, 40) if rated else 0,
            hidden_from_search=rng.random() < 0.05, available=rng.random() < 0.85, verified_audience=readings,
            **figures)
        return user, profile


def insert_creators(engine: sa.Engine, count: int, *, seed: int = 11, batch: int = 5_000) -> None:
    factory = CreatorFactory(seed, datetime.now(timezone.utc))
    for start in range(0, count, batch):
        pairs = [factory.rows() for _ in range(min(batch, count - start))]
        with engine.begin() as connection:
            connection.execute(User.__table__.insert(), [u for u, _ in pairs])
            connection.execute(Profile.__table__.insert(), [p for _, p in pairs])
    _settle(engine)
