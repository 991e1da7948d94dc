"""The ten demo accounts: who they are, their profiles and the audience one creator connected.

Accounts are written as rows, already verified: sign-up is throttled per address and mails a
confirmation link, neither of which a demo has. Everything that counts (completed collaborations,
karma, tier, ratings) is left at zero here; only the story (history.py, story.py) moves it, through
the real services.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from influfinder.domain.enums import OfferCategory, UserType
from influfinder.models import AudienceSnapshot, ConnectedAccount, Profile, User
from influfinder.services.actors import Actor
from influfinder.services.connected_accounts import keep_reading

DEMO_PASSWORD = "influfinder-demo-2026"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    username: str
    user_type: UserType
    name: str
    city: str
    is_admin: bool = False
    completed: int = 0  # creators: collaborations they completed by now, which set their tier


ADMIN = DemoAccount("admin@influfinder.demo", "admin", UserType.BUSINESS, "Influfinder Admin", "Madrid", is_admin=True)
BUSINESSES = (
    DemoAccount("hello@cafeaurora.demo", "cafe_aurora", UserType.BUSINESS, "Café Aurora", "Madrid"),
    DemoAccount("team@bloomstudio.demo", "bloom_studio", UserType.BUSINESS, "Bloom Studio", "Barcelona"),
    DemoAccount("brands@novaagency.demo", "nova_agency", UserType.AGENCY, "Nova Agency", "Ciudad de México"),
)
# One creator in each tier, Newbie to Legend (domain/tiers.py: 0, 1, 4, 11, 26 and 51 completions). Each
# completion is a whole collaboration played at start-up (about a hundred in all), so hardly more than that.
CREATORS = (
    DemoAccount("lucia@creators.demo", "lucia.eats", UserType.CREATOR, "Lucía Romero", "Madrid", completed=0),
    DemoAccount("marco@creators.demo", "marco.moves", UserType.CREATOR, "Marco Díaz", "Barcelona", completed=2),
    DemoAccount("sofia@creators.demo", "sofia.style", UserType.CREATOR, "Sofía Herrera", "Valencia", completed=5),
    DemoAccount("diego@creators.demo", "diego.travels", UserType.CREATOR, "Diego Navarro", "Ciudad de México", completed=11),
    DemoAccount("ana@creators.demo", "ana.glow", UserType.CREATOR, "Ana Torres", "Sevilla", completed=26),
    DemoAccount("leo@creators.demo", "leo.tech", UserType.CREATOR, "Leo Martín", "Austin", completed=51),
)
ACCOUNTS = (ADMIN, *BUSINESSES, *CREATORS)
# Sofía connected Instagram and TikTok (verified figures, three daily snapshots each; her typed TikTok
# followers are more than 20 % above the verified ones, so Settings tells her the verified figure won).
# Lucía, and every other creator, only typed theirs (self-reported).
VERIFIED_CREATOR = CREATORS[2]
SELF_REPORTED_CREATOR = CREATORS[0]
_VERIFIED_FIGURES = {  # provider: (followers three days ago, followers per day more, posts, engagement, badge)
    "instagram": (14_780, 60, 212, 4.8, None),
    "tiktok": (16_950, 75, 96, 6.1, False),
}
# The story starts this long before "now" (history.py begins 400 days back).
JOINED_DAYS_AGO = 430


def add_accounts(db: Session, now: datetime, password_hash: str) -> dict[str, Actor]:
    """Every demo account, verified and with a profile; their actors by username."""
    actors = {}
    for number, account in enumerate(ACCOUNTS):
        joined = now - timedelta(days=JOINED_DAYS_AGO - number)
        user = User(email=account.email, username=account.username, password_hash=password_hash,
                    user_type=account.user_type, is_verified=True, is_admin=account.is_admin,
                    auth_providers={"email": account.email}, email_verified_at=joined, created_at=joined,
                    updated_at=joined)
        db.add(user)
        db.flush()
        profile = Profile(user_id=user.id, display_name=account.name, city=account.city, created_at=joined,
                          updated_at=joined)
        if account.user_type is UserType.CREATOR:
            _creator_profile(profile, account)
        else:
            _business_profile(profile, account)
        db.add(profile)
        db.flush()
        actors[account.username] = Actor(
            id=user.id, session_id="demo", username=user.username, email=user.email, display_name=account.name,
            user_type=user.user_type, is_admin=user.is_admin, is_verified=True)
    _add_verified_audience(db, actors[VERIFIED_CREATOR.username].id, VERIFIED_CREATOR, now)
    return actors


def _business_profile(profile: Profile, account: DemoAccount) -> None:
    profile.company_name = account.name
    profile.website = f"https://{account.username.replace('_', '')}.example"
    profile.bio = f"{account.name} works with local creators on honest, well-made content."


def _creator_profile(profile: Profile, account: DemoAccount) -> None:
    """What the creator typed: handles, followers, engagement, bio and favourite categories."""
    rank = CREATORS.index(account)
    handle = account.username
    profile.instagram_handle = handle
    profile.instagram_followers = 1_800 * (3 ** rank)
    profile.instagram_engagement = round(6.5 - rank * 0.7, 1)
    profile.tiktok_handle = handle
    profile.tiktok_followers = 2_500 * (3 ** rank)
    profile.tiktok_engagement = round(8.0 - rank * 0.8, 1)
    profile.bio = f"{account.name.split()[0]} creates short videos and photo stories from {account.city}."
    profile.preferred_categories = [c.value for c in list(OfferCategory)[rank : rank + 3]]


def _add_verified_audience(db: Session, user_id: uuid.UUID, account: DemoAccount, now: datetime) -> None:
    profile = db.exec(select(Profile).where(Profile.user_id == user_id)).one()
    for provider, (followers, growth, posts, engagement, badge) in _VERIFIED_FIGURES.items():
        # The demo holds no real token: if the operator configures this provider, the daily refresh
        # finds it unreadable and asks her to connect again, as it would after a key loss.
        connected = ConnectedAccount(
            user_id=user_id, provider=provider, external_id=f"demo-{provider}-{account.username}",
            handle=account.username, access_token="", next_refresh_at=now + timedelta(days=1),
            created_at=now - timedelta(days=3), updated_at=now)
        db.add(connected)
        db.flush()
        snapshot = None
        for days_ago in (2, 1, 0):
            taken = now - timedelta(days=days_ago, hours=1)
            snapshot = AudienceSnapshot(
                account_id=connected.id, taken_on=taken.date(), taken_at=taken, handle=account.username,
                display_name=account.name, followers=followers + growth * (2 - days_ago), following=410,
                posts=posts - days_ago, provider_verified=badge, engagement=engagement)
            db.add(snapshot)
        db.flush()
        keep_reading(profile, provider, snapshot)
    db.add(profile)
    db.flush()

