"""A fast generator of many realistic offers for the search benchmark (bulk INSERT on SQLite, COPY on PostgreSQL).

The text mixes English and Spanish words of the marketplace with a long tail of rarer words drawn
with Zipf-like weights, so the full-text indexes hold a realistic spread of common and rare terms.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from itertools import accumulate

import sqlalchemy as sa

from influfinder.domain.eligibility import PLATFORM_NAMES, audience_accounts, audience_platforms, audience_total
from influfinder.domain.enums import CompensationType, Currency, OfferStatus, Platform, UserType
from influfinder.domain.offer_terms import requirement_minimums
from influfinder.models import Offer, Profile, User

CITIES = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Bilbao", "Zaragoza", "Palma", "Granada",
          "Alicante", "Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Cancún", "Mérida", "Lisboa",
          "Porto", "Buenos Aires", "Bogotá", "Miami", "New York", "London", "Paris", "Berlin"]
CITY_WEIGHTS = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(CITIES))))
THINGS = {
    "FOOD": ["coffee", "brunch", "tapas", "sushi", "pizza", "burger", "paella", "bakery", "croissant", "wine",
             "cocktail", "café", "desayuno", "vino", "cerveza", "helado", "ramen", "tacos", "churros", "menú"],
    "FASHION": ["sneakers", "jacket", "dress", "jeans", "zapatillas", "moda", "vintage", "bolso", "sunglasses"],
    "BEAUTY": ["skincare", "serum", "lipstick", "perfume", "peluquería", "uñas", "manicure", "facial", "spa"],
    "TRAVEL": ["hotel", "hostel", "getaway", "playa", "montaña", "surf", "kayak", "camping", "crucero"],
    "TECH": ["laptop", "headphones", "smartwatch", "camera", "drone", "gaming", "console", "app", "tablet"],
    "FITNESS": ["yoga", "pilates", "gym", "crossfit", "running", "boxeo", "spinning", "padel", "climbing"],
    "LIFESTYLE": ["candle", "plant", "journal", "tea", "meditation", "flowers", "ceramics", "bicycle"],
    "HOME": ["sofa", "lamp", "rug", "kitchen", "mattress", "decor", "cocina", "jardín", "terraza"],
    "ENTERTAINMENT": ["concert", "festival", "theatre", "cinema", "museum", "karaoke", "escape", "comedy"],
    "OTHER": ["workshop", "class", "tour", "tasting", "market", "charity", "podcast", "book"],
}
ADJECTIVES = ["specialty", "artisan", "organic", "new", "summer", "winter", "weekend", "premium", "local",
              "vegan", "family", "rooftop", "secret", "nuevo", "gourmet", "sunset", "urban", "classic"]
FORMATS = ["tasting", "launch", "review", "experience", "night", "pack", "session", "opening", "degustación",
           "cata", "ruta", "collab", "giveaway", "unboxing", "visit", "menu", "drop", "weekend"]
FILLER = ("film", "post", "share", "story", "reel", "audience", "brand", "content", "photos", "video", "visit",
          "friends", "guests", "local", "city", "team", "product", "free", "honest", "creative", "ven", "graba",
          "comparte", "con", "tus", "seguidores", "nuestro", "nuestra", "nueva", "tienda", "carta")
BRANDS = ["Casa Lumbre", "Panadería Sol", "Nomad Coffee", "Urban Threads", "Glow Lab", "Ola Surf Co",
          "Pixel Forge", "Fit Factory", "Hygge Home", "Sala Clandestina", "Mar y Tierra", "La Colmena",
          "Verde Vivo", "Bruma Studio", "Norte Roasters", "Kiosko 24"]


def _rare_words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ra", "se", "ti", "vo", "za", "tra", "ple",
                 "qui", "bro", "cha", "mon", "del", "sur", "ven", "tal"]
    words = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(count)})
    rng.shuffle(words)  # so the most frequent words do not all share a first syllable
    return words


class OfferFactory:
    """Rows as plain dicts keyed by column name, in the shape the migrations' tables expect."""

    def __init__(self, seed: int, business_ids: list[uuid.UUID], now: datetime) -> None:
        self.rng = random.Random(seed)
        self.business_ids = business_ids
        self.now = now
        self.rare = _rare_words(self.rng, 6000)
        # Cumulative weights, computed once: random.choices would otherwise add up 6,000 weights per call.
        self.rare_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.rare))))

    def row(self) -> dict:
        rng = self.rng
        category = rng.choice(list(THINGS))
        thing = rng.choice(THINGS[category])
        budget = rng.choice([None, None, Decimal(rng.randrange(50, 5000, 25))])
        created = self.now - timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        return {
            "id": uuid.UUID(int=rng.getrandbits(128), version=4),
            "business_id": rng.choice(self.business_ids),
            "brand_name": rng.choice(BRANDS) if rng.random() < 0.6 else "",
            "title": f"{rng.choice(ADJECTIVES).title()} {thing} {rng.choice(FORMATS)}"[:120],
            "description": self._description(thing),
            "category": category,
            "platforms": json.dumps(rng.sample([p.value for p in Platform], k=rng.randint(1, 3))),
            "budget_min": budget,
            "budget_max": None if budget is None else budget * rng.choice([1, 2, 3]),
            "currency": rng.choices([c.value for c in Currency], weights=[70, 15, 15])[0],
            "compensation_type": rng.choices([c.value for c in CompensationType], weights=[50, 30, 20])[0],
            "compensation_value": None,
            "compensation_details": "",
            "status": rng.choices([s.value for s in OfferStatus], weights=[10, 70, 10, 10])[0],
            "is_public": rng.random() < 0.95,
            "requirements": json.dumps(requirements := self._requirements()),
            # Rows loaded in bulk skip the model's listener: the same rule fills the columns it keeps.
            **requirement_minimums(requirements),
            "content_specs": json.dumps({"formats": ["REEL"], "required_hashtags": [], "required_mentions": []}),
            "application_deadline": None if rng.random() < 0.2 else self.now + timedelta(hours=rng.randrange(-720, 2160)),
            "content_deadline": None,
            "requires_visit": rng.random() < 0.5,
            "city": rng.choices(CITIES, cum_weights=CITY_WEIGHTS)[0],
            "address": "",
            "slots": rng.randint(1, 5),
            "min_tier": rng.choices(range(6), weights=[50, 20, 12, 8, 6, 4])[0],
            "cover_image": None,
            "views_count": rng.randrange(0, 500),
            "portfolio_allowed": True,
            "published_at": created,
            "created_at": created,
            "updated_at": created,
        }

    def _description(self, thing: str) -> str:
        rng = self.rng
        words = rng.choices(FILLER, k=rng.randint(10, 25)) + rng.choices(self.rare, cum_weights=self.rare_weights, k=rng.randint(5, 15))
        words.insert(rng.randrange(len(words)), thing)
        rng.shuffle(words)
        return " ".join(words).capitalize() + "."

    def _requirements(self) -> dict:
        rng = self.rng
        return {
            "influencer": {"min_followers": rng.choice([1000, 5000, 10000, 50000]),
                           "min_engagement": rng.choice([0.0, 1.5, 3.0]), "verified": rng.random() < 0.2},
            "regular": {"min_followers": rng.choice([0, 500, 1000, 5000]), "min_engagement": rng.choice([0.0, 1.0])},
        }


def add_accounts(connection: sa.Connection, businesses: int, now: datetime) -> tuple[list[uuid.UUID], uuid.UUID]:
    """Businesses with company names, and one creator whose profile the "qualified only" query uses."""
    rng = random.Random(7)
    users, profiles = [], []
    for n in range(businesses):
        users.append(_user(f"bench{n}", UserType.BUSINESS, now))
        profiles.append(_profile(users[-1]["id"], now, company_name=f"{rng.choice(BRANDS)} {n}"))
    creator = _user("benchcreator", UserType.CREATOR, now)
    users.append(creator)
    profiles.append(_profile(creator["id"], now, tier_level=2, instagram_handle="bench", instagram_followers=8000,
                             instagram_engagement=2.5, tiktok_handle="bench", tiktok_followers=1200))
    connection.execute(User.__table__.insert(), users)
    connection.execute(Profile.__table__.insert(), profiles)
    return [u["id"] for u in users[:-1]], creator["id"]


def _user(name: str, kind: UserType, now: datetime) -> dict:
    return {"id": uuid.uuid4(), "email": f"{name}@example.com", "username": name, "password_hash": None,
            "user_type": kind.value, "is_verified": True, "is_admin": False, "is_active": True,
            "auth_providers": {}, "email_verified_at": now, "last_login_at": None, "deleted_at": None,
            "created_at": now, "updated_at": now}


def _profile(user_id: uuid.UUID, now: datetime, **fields) -> dict:
    row = {column.name: None for column in Profile.__table__.columns}
    row.update({"id": uuid.uuid4(), "user_id": user_id, "display_name": "", "bio": "", "city": "",
                "tier_level": 0, "karma_score": 0, "tier_progress": 0.0, "rating_count": 0,
                "completed_collaborations": 0, "instagram_followers": 0, "instagram_engagement": 0.0,
                "instagram_verified": False, "tiktok_followers": 0, "tiktok_engagement": 0.0,
                "tiktok_verified": False, "facebook_followers": 0, "facebook_engagement": 0.0,
                "facebook_verified": False, "preferred_categories": [], "verified_audience": {},
                "hidden_from_search": False, "available": True, "created_at": now, "updated_at": now})
    row.update(fields)
    # Rows inserted in bulk skip the model's listener: the same rule fills the column it keeps.
    typed = {name: (row[f"{name}_followers"], row[f"{name}_engagement"]) for _platform, name in PLATFORM_NAMES}
    accounts = audience_accounts(typed, row["verified_audience"])
    total = audience_total(accounts)
    row["audience_followers"], row["audience_verified"] = total.followers, total.verified
    handles = {name: row[f"{name}_handle"] for _platform, name in PLATFORM_NAMES}
    row["audience_platforms"] = " ".join(audience_platforms(accounts, handles))
    return row


def _batches(factory: OfferFactory, count: int, size: int = 10_000) -> Iterator[list[dict]]:
    while count > 0:
        yield [factory.row() for _ in range(min(size, count))]
        count -= size


def insert_offers(engine: sa.Engine, count: int, *, seed: int = 42, businesses: int = 500) -> uuid.UUID:
    """Adds `count` offers (and their businesses); returns the benchmark creator's user id."""
    now = datetime.now(timezone.utc)
    with engine.begin() as connection:
        business_ids, creator_id = add_accounts(connection, businesses, now)
    factory = OfferFactory(seed, business_ids, now)
    load = _copy_offers if engine.dialect.name == "postgresql" else _insert_offers
    load(engine, _batches(factory, count))
    _settle(engine)
    return creator_id


def _settle(engine: sa.Engine) -> None:
    """Fresh planner statistics, as a live database has; on PostgreSQL also what autovacuum does:
    merge the rows COPY left in the GIN index's pending list, which every search would scan."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")


def _insert_offers(engine: sa.Engine, batches: Iterator[list[dict]]) -> None:
    # Raw executemany: the JSON columns are already text, and the triggers fill offers_fts as rows arrive.
    columns = [c.name for c in Offer.__table__.columns]
    sql = f"INSERT INTO offers ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    with engine.begin() as connection:
        cursor = connection.connection.cursor()
        for batch in batches:
            cursor.executemany(sql, [tuple(_sqlite_value(row[c]) for c in columns) for row in batch])


def _sqlite_value(value):
    # The values SQLAlchemy itself would store: uuid as 32 hex digits, datetimes as ISO text.
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, Decimal):
        return str(value)
    return value


def _copy_offers(engine: sa.Engine, batches: Iterator[list[dict]]) -> None:
    # The offers' secondary indexes are dropped for the load and built again after it, each in one go:
    # filled row by row, the text indexes (GIN, and RUM above all) make a 1M load several times slower.
    columns = [c.name for c in Offer.__table__.columns]
    with engine.begin() as connection:
        indexes = connection.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'offers'"
            " AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'offers'::regclass)").all()
        for name, _definition in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
        cursor = connection.connection.cursor()
        with cursor.copy(f"COPY offers ({', '.join(columns)}) FROM STDIN") as copy:
            for batch in batches:
                for row in batch:
                    copy.write_row([row[c] for c in columns])
        connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            connection.exec_driver_sql(definition)
