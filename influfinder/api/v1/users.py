"""/api/v1/users/me: the signed-in account and its profile (services/profiles.py)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from influfinder.api.v1.door import Caller, SignedIn
from influfinder.api.v1.problems import RESPONSES
from influfinder.services import guards, profiles
from influfinder.services.profiles import ProfileInput, ProfileView

router = APIRouter(prefix="/users", tags=["users"], responses=RESPONSES)


class Me(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "4f6c1f9e-3f5e-4c1e-9f59-0c9b1f1f2a10", "is_admin": False,
        "profile": {"username": "lucia_eats", "email": "lucia@example.com", "user_type": "CREATOR",
                    "is_verified": True, "display_name": "Lucía", "bio": "Brunch in Madrid", "city": "Madrid",
                    "avatar_path": "avatars/9b2f5c1e.webp", "tier": "EXPLORER", "tier_level": 1, "karma_score": 120,
                    "tier_progress": 0.4, "rating": 4.8, "rating_count": 5, "completed_collaborations": 5,
                    "audience": {"instagram": {"handle": "lucia_eats", "followers": 8200, "engagement": 3.1,
                                               "verified": False}},
                    "preferred_categories": ["FOOD"], "company_name": "", "website": "", "business_category": ""},
    }]})
    id: str
    is_admin: bool
    profile: ProfileView


class ProfileChanges(ProfileInput):
    """The whole profile form: fields left out are emptied, as on the Settings page."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "display_name": "Lucía", "bio": "Brunch in Madrid", "city": "Madrid",
        "instagram": {"handle": "lucia_eats", "followers": 8200, "engagement": 3.1},
        "preferred_categories": ["FOOD"],
    }]})


def _me(db, actor) -> dict:
    actor = guards.signed_in(actor)
    return {"id": str(actor.id), "is_admin": actor.is_admin, "profile": profiles.my_profile(db, actor)}


@router.get("/me", response_model=Me, summary="The signed-in account and its profile")
async def me(caller: Caller = SignedIn) -> dict:
    return await caller.run(_me)


def _update(db, actor, raw: dict) -> dict:
    profiles.update_profile(db, guards.signed_in(actor), raw)
    return _me(db, actor)


@router.patch("/me", response_model=Me, summary="Change the profile")
async def update_me(body: ProfileChanges, caller: Caller = SignedIn) -> dict:
    return await caller.run(_update, body.model_dump(mode="json", exclude_unset=True))

