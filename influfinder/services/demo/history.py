"""The creators' past: the campaigns they completed before the demo's present, one real
collaboration each (apply, accept, visit, content analysed and approved, both rate).

Nothing here writes a counter: the rating service completes each collaboration, and completing it
recomputes the creator's completed count, karma and tier (services/standing.py). So a creator who
completed 60 collaborations is a Legend with the karma history to show for it.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from sqlmodel import Session

from influfinder import clock
from influfinder.domain.enums import CompensationType, ContentFormat, Currency, Platform
from influfinder.services import notifications, offer_management
from influfinder.services.actors import Actor
from influfinder.services.demo import steps
from influfinder.services.demo.accounts import ACCOUNTS, BUSINESSES, CREATORS, DemoAccount
from influfinder.services.demo.offer_texts import MONTHS_ES, TITLES_ES, caption

STARTS_DAYS_AGO = 400
DAYS_BETWEEN_CAMPAIGNS = 6


def play_history(db: Session, actors: dict[str, Actor], now: datetime, completions: dict[str, int]) -> datetime:
    """`completions[username]` past collaborations for each creator; returns when the history ends.
    Campaign j is taken by every creator who still has more than j to complete."""
    start = now - timedelta(days=STARTS_DAYS_AGO)
    campaigns = max(completions.values(), default=0)
    if start + timedelta(days=DAYS_BETWEEN_CAMPAIGNS * campaigns + 10) > now - timedelta(days=30):
        raise ValueError("the history must end a month before now: fewer campaigns, or start earlier")
    for j in range(campaigns):
        takers = [c for c in CREATORS if completions.get(c.username, 0) > j]
        _campaign(db, actors, j, takers, start + timedelta(days=DAYS_BETWEEN_CAMPAIGNS * j))
    end = start + timedelta(days=DAYS_BETWEEN_CAMPAIGNS * campaigns + 10)
    with clock.at(end):  # everyone has read what the past told them
        for account in ACCOUNTS:
            notifications.mark_all_read(db, actors[account.username])
    return end


def _campaign(db: Session, actors: dict[str, Actor], j: int, takers: list[DemoAccount], published: datetime) -> None:
    business = BUSINESSES[j % len(BUSINESSES)]
    owner = actors[business.username]
    form = _past_offer(j, business, published, slots=len(takers))
    with clock.at(published):
        offer_id = offer_management.create_draft(db, owner, form)
        offer_management.publish(db, owner, offer_id)
    for creator in takers:
        _collaborate(db, actors[creator.username], owner, offer_id, form, j, CREATORS.index(creator), published)
    with clock.at(published + timedelta(days=9)):
        offer_management.archive(db, owner, offer_id)


def _collaborate(db: Session, creator: Actor, business: Actor, offer_id: uuid.UUID, form: dict, j: int, rank: int,
                 published: datetime) -> None:
    def day(days: int, hours: int = 0) -> datetime:  # creators come an hour apart
        return published + timedelta(days=days, hours=hours + rank)

    application_id = steps.apply(db, creator, offer_id, day(1), f"¡Hola! Me encantaría hacer «{form['title']}».")
    collab_id = steps.accept(db, business, application_id, day(2))
    steps.schedule(db, creator, business, collab_id, proposed=day(2, 2), confirmed=day(2, 8), visit=day(5))
    steps.visit(db, creator, business, collab_id, day(5, 1))
    specs = form["content_specs"]
    text = caption(form["title"], specs["required_hashtags"], specs["required_mentions"][0], spanish=True)
    submission_id = steps.submit(db, creator, collab_id, day(6), text,
                                 f"https://www.instagram.com/p/{creator.username.replace('.', '')}{j}/")
    steps.start_review(db, business, submission_id, day(7))
    steps.approve(db, business, submission_id, day(7, 1))
    steps.rate(db, creator, collab_id, day(8), 5 if (j + 2 * rank) % 3 else 4, "Un equipo encantador y muy claro.")
    steps.rate(db, business, collab_id, day(8, 2), 5 if (j + rank) % 4 else 4, "Contenido cuidado y a tiempo.")


def _past_offer(j: int, business: DemoAccount, published: datetime, slots: int) -> dict:
    category = list(TITLES_ES)[j % len(TITLES_ES)]
    title = f"{TITLES_ES[category][(j // len(TITLES_ES)) % 4]} · {MONTHS_ES[published.month - 1]} {published.year}"
    currency = Currency.MXN if business.city == "Ciudad de México" else Currency.EUR
    budget = Decimal(100 * (20 if currency is Currency.MXN else 1))
    hashtag = "#" + "".join(w.capitalize() for w in business.name.split()).replace("é", "e")
    return {
        "title": title, "brand_name": business.name, "category": category.value,
        "description": f"{business.name} busca creadores en {business.city} para «{title.lower()}». "
                       "La visita corre de nuestra cuenta; revisamos tu contenido en dos días laborables.",
        "platforms": [Platform.INSTAGRAM.value, Platform.TIKTOK.value], "budget_min": budget,
        "budget_max": budget * 2, "currency": currency.value, "compensation_type": CompensationType.PAID.value,
        "compensation_details": "Se paga al aprobar el contenido.", "is_public": True,
        "requirements": {"regular": {"min_followers": 500, "min_engagement": 1.0}},
        "content_specs": {"formats": [ContentFormat.REEL.value], "required_hashtags": [hashtag, "#ad"],
                          "required_mentions": ["@" + business.username]},
        "application_deadline": published + timedelta(days=5), "content_deadline": published + timedelta(days=20),
        "requires_visit": True, "city": business.city, "address": f"Calle Demo {200 + j}", "slots": slots,
        "min_tier": 0,
    }

