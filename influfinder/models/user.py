"""The user aggregate: a User and its Profile (1:1)."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.eligibility import PLATFORM_NAMES, audience_accounts, audience_platforms, audience_total
from influfinder.domain.enums import UserType
from influfinder.models._base import enum_column, json_column, timestamp, uuid_pk


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (
        # Emails are stored lower-cased by the services; the check makes the unique index case-insensitive.
        sa.CheckConstraint("email = lower(email)", name="ck_users_email_lower"),
        sa.CheckConstraint("username = lower(username)", name="ck_users_username_lower"),
    )

    id: uuid.UUID = uuid_pk()
    email: str = Field(sa_column=sa.Column(sa.String(254), nullable=False, unique=True))
    username: str = Field(sa_column=sa.Column(sa.String(30), nullable=False, unique=True))
    password_hash: str | None = Field(default=None, max_length=100)  # None: OAuth-only account
    user_type: UserType = enum_column(UserType, index=True)
    is_verified: bool = False
    is_admin: bool = False
    is_active: bool = True
    auth_providers: dict = json_column(dict)  # {"google": "<subject>", ...}
    language: str | None = Field(default=None, max_length=5)  # "es"/"en" once chosen; None: never chose
    # The IANA zone the user's browser last named ("America/Mexico_City"); None until a page learnt it.
    time_zone: str | None = Field(default=None, max_length=64)
    email_verified_at: datetime | None = timestamp(nullable=True)
    last_login_at: datetime | None = timestamp(nullable=True)
    deleted_at: datetime | None = timestamp(nullable=True)
    created_at: datetime = timestamp(index=True)
    updated_at: datetime = timestamp()


class Profile(SQLModel, table=True):
    __tablename__ = "profiles"
    __table_args__ = (
        sa.CheckConstraint("tier_level BETWEEN 0 AND 5", name="ck_profiles_tier_level"),
        sa.CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="ck_profiles_rating"),
        sa.Index("ix_profiles_tier_karma", "tier_level", "karma_score"),
    )

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True)
    )
    display_name: str = Field(default="", max_length=80)
    bio: str = Field(default="", max_length=1000)
    city: str = Field(default="", max_length=80, index=True)
    avatar_path: str | None = Field(default=None, max_length=200)

    # Gamification (creators)
    tier_level: int = Field(default=0, index=True)
    karma_score: int = 0
    tier_progress: float = 0.0
    rating: float | None = None
    rating_count: int = 0
    completed_collaborations: int = 0

    # Audience per platform (creators), as typed in Settings; <platform>_verified is the platform's own
    # badge, read from a connected account
    instagram_handle: str | None = Field(default=None, max_length=60)
    instagram_followers: int = 0
    instagram_engagement: float = 0.0
    instagram_verified: bool = False
    tiktok_handle: str | None = Field(default=None, max_length=60)
    tiktok_followers: int = 0
    tiktok_engagement: float = 0.0
    tiktok_verified: bool = False
    facebook_handle: str | None = Field(default=None, max_length=60)
    facebook_followers: int = 0
    facebook_engagement: float = 0.0
    facebook_verified: bool = False
    # The latest good reading of each connected account, copied from its snapshot so queries that
    # filter by audience need no join: {"instagram": {"followers", "engagement", "taken_at", ...}}.
    # A platform present here has verified figures, which beat the typed ones above.
    verified_audience: dict = json_column(dict)
    # What Find creators filters and sorts by, the total the profile shows: per platform the verified
    # followers where there are, else the typed ones, summed (domain.eligibility.audience_total).
    # Kept by count_audience below on every ORM write of a profile; an UPDATE statement that changes
    # typed figures or verified_audience must set it too (none does today).
    audience_followers: int = Field(default=0, sa_column=sa.Column(sa.Integer(), nullable=False,
                                                                   server_default="0"))
    # At least one platform's figures come from a connected account: what profiles call "verified"
    # (Find creators' "Verified figures only"), kept with audience_followers.
    audience_verified: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                                       server_default=sa.false()))
    # The platforms Find creators' platform filter finds the creator on, as "instagram facebook": a typed
    # handle or followers, or a connected account (domain.eligibility.audience_platforms); kept with
    # audience_followers, and read by the creator search index's facets (alembic revision 0019_search).
    audience_platforms: str = Field(default="", sa_column=sa.Column(sa.String(40), nullable=False,
                                                                    server_default=""))
    preferred_categories: list = json_column(list)
    # Discovery (issue 13): a creator may keep the public profile out of Find creators, and say
    # whether they take new collaborations now ("available" filter).
    hidden_from_search: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                                        server_default=sa.false()))
    available: bool = Field(default=True, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                              server_default=sa.true()))

    # Businesses and agencies
    company_name: str | None = Field(default=None, max_length=120)
    website: str | None = Field(default=None, max_length=200)
    business_category: str | None = Field(default=None, max_length=32)

    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()

    def typed_figures(self) -> dict[str, tuple[int, float]]:
        """(followers, engagement) per platform as typed in Settings: {"instagram": (12000, 4.1), ...}."""
        return {name: (getattr(self, f"{name}_followers") or 0, getattr(self, f"{name}_engagement") or 0.0)
                for _platform, name in PLATFORM_NAMES}

    def typed_handles(self) -> dict[str, str | None]:
        """The handle typed in Settings per platform: {"instagram": "lucia.eats", "tiktok": None, ...}."""
        return {name: getattr(self, f"{name}_handle") for _platform, name in PLATFORM_NAMES}


# What audience_followers and audience_platforms are computed from (engagement plays no part in them).
AUDIENCE_SOURCES = ("instagram_followers", "tiktok_followers", "facebook_followers", "verified_audience",
                    "instagram_handle", "tiktok_handle", "facebook_handle")


@sa.event.listens_for(Profile, "before_insert")
def _count_new_audience(_mapper, _connection, profile: Profile) -> None:
    count_audience(profile)


@sa.event.listens_for(Profile, "before_update")
def _recount_audience(_mapper, _connection, profile: Profile) -> None:
    """Whichever service wrote the figures (Settings, connecting, refreshing or unlinking an account,
    account deletion, the demo), the total follows them in the same UPDATE."""
    state = sa.inspect(profile)
    if any(state.attrs[name].history.has_changes() for name in AUDIENCE_SOURCES):
        count_audience(profile)


def count_audience(profile: Profile) -> None:
    accounts = audience_accounts(profile.typed_figures(), profile.verified_audience)
    total = audience_total(accounts)
    profile.audience_followers, profile.audience_verified = total.followers, total.verified
    profile.audience_platforms = " ".join(audience_platforms(accounts, profile.typed_handles()))
