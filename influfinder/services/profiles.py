"""The signed-in user's own profile (the brief's /users/me): read, edit, avatar."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator
from sqlmodel import Session, select

from influfinder.domain.enums import OfferCategory, Tier
from influfinder.models import Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.effects import after_commit
from influfinder.services.errors import ServiceError

HANDLE = r"^@?[A-Za-z0-9_.]{1,30}$"


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PlatformAudience(_Input):
    handle: str = Field(default="", max_length=31)
    followers: int = Field(default=0, ge=0, le=1_000_000_000)
    engagement: float = Field(default=0.0, ge=0.0, le=100.0)

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str) -> str:
        import re

        if value and not re.match(HANDLE, value):
            raise ValueError("Use letters, digits, dots or underscores, up to 30 characters")
        return value.lstrip("@")


class ProfileInput(_Input):
    display_name: str = Field(default="", max_length=80)
    bio: str = Field(default="", max_length=1000)
    city: str = Field(default="", max_length=80)
    # Creators
    instagram: PlatformAudience = PlatformAudience()
    tiktok: PlatformAudience = PlatformAudience()
    facebook: PlatformAudience = PlatformAudience()
    preferred_categories: list[OfferCategory] = Field(default_factory=list, max_length=len(OfferCategory))
    # Businesses and agencies
    company_name: str = Field(default="", max_length=120)
    website: HttpUrl | None = None
    business_category: OfferCategory | None = None

    @field_validator("website", mode="before")
    @classmethod
    def _blank_website(cls, value: object) -> object:
        return None if value == "" else value


@dataclass(frozen=True)
class ProfileView:
    username: str
    email: str
    user_type: str
    is_verified: bool
    display_name: str
    bio: str
    city: str
    avatar_path: str | None
    tier: str
    tier_level: int
    karma_score: int
    tier_progress: float
    rating: float | None
    rating_count: int
    completed_collaborations: int
    audience: dict[str, dict] = field(default_factory=dict)
    preferred_categories: list[str] = field(default_factory=list)
    company_name: str = ""
    website: str = ""
    business_category: str = ""


def _profile(db: Session, user_id: uuid.UUID) -> Profile:
    profile = db.exec(select(Profile).where(Profile.user_id == user_id)).first()
    if profile is None:  # accounts made before profiles existed, or by OAuth
        profile = Profile(user_id=user_id)
        db.add(profile)
        db.flush()
    return profile


def my_profile(db: Session, actor: Actor | None) -> ProfileView:
    actor = guards.signed_in(actor)
    user = db.get(User, actor.id)
    if user is None:
        raise ServiceError("Log in again to continue.")
    p = _profile(db, actor.id)
    return ProfileView(
        username=user.username, email=user.email, user_type=user.user_type.value, is_verified=user.is_verified,
        display_name=p.display_name, bio=p.bio, city=p.city, avatar_path=p.avatar_path,
        tier=Tier(p.tier_level).name, tier_level=p.tier_level, karma_score=p.karma_score,
        tier_progress=p.tier_progress, rating=p.rating, rating_count=p.rating_count,
        completed_collaborations=p.completed_collaborations,
        audience={
            name: {"handle": getattr(p, f"{name}_handle") or "", "followers": getattr(p, f"{name}_followers"),
                   "engagement": getattr(p, f"{name}_engagement"), "verified": getattr(p, f"{name}_verified")}
            for name in ("instagram", "tiktok", "facebook")
        },
        preferred_categories=list(p.preferred_categories), company_name=p.company_name or "",
        website=p.website or "", business_category=p.business_category or "",
    )


def parse_profile_input(raw: object) -> ProfileInput:
    if not isinstance(raw, dict):
        raise ServiceError("The form could not be read. Reload the page and try again.")
    try:
        return ProfileInput.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ServiceError(f"{first['msg'].removeprefix('Value error, ')}.", where) from None


def update_profile(db: Session, actor: Actor | None, raw: object) -> None:
    actor = guards.signed_in(actor)
    data = parse_profile_input(raw)
    p = _profile(db, actor.id)
    p.display_name, p.bio, p.city = data.display_name, data.bio, data.city
    if actor.is_creator:
        for name in ("instagram", "tiktok", "facebook"):
            audience: PlatformAudience = getattr(data, name)
            setattr(p, f"{name}_handle", audience.handle or None)
            setattr(p, f"{name}_followers", audience.followers)
            setattr(p, f"{name}_engagement", audience.engagement)
        p.preferred_categories = [c.value for c in data.preferred_categories]
    else:
        p.company_name = data.company_name or None
        p.website = str(data.website) if data.website else None
        p.business_category = data.business_category.value if data.business_category else None
    p.updated_at = datetime.now(timezone.utc)
    db.add(p)


def set_avatar(db: Session, actor: Actor | None, data: bytes) -> str:
    """Check, re-encode and store a new avatar; the old file is removed after the commit."""
    from influfinder.integrations import images, storage

    actor = guards.signed_in(actor)
    try:
        image = images.avatar(data)
    except images.ImageRejected as error:
        raise ServiceError(error.message, "avatar") from None
    key = storage.save(image.data, folder="avatars", extension=image.extension)
    p = _profile(db, actor.id)
    old, p.avatar_path = p.avatar_path, key
    db.add(p)
    if old:
        after_commit(db, storage.delete, old)
    return key


def anonymize_profile(db: Session, user_id: uuid.UUID) -> str | None:
    """Clear personal data; returns the avatar key to delete after the commit."""
    p = _profile(db, user_id)
    avatar = p.avatar_path
    p.display_name = "Deleted user"
    p.bio = p.city = ""
    p.avatar_path = None
    for name in ("instagram", "tiktok", "facebook"):
        setattr(p, f"{name}_handle", None)
        setattr(p, f"{name}_followers", 0)
        setattr(p, f"{name}_engagement", 0.0)
        setattr(p, f"{name}_verified", False)
    p.preferred_categories = []
    p.company_name = p.website = p.business_category = None
    db.add(p)
    return avatar
