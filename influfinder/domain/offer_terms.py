"""What an offer asks of creators: requirements and content specs, validated (not free JSON)."""

import math
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from influfinder.domain.enums import ContentFormat

_HASHTAG = re.compile(r"^#[\w]{1,60}$", re.UNICODE)
_MENTION = re.compile(r"^@[A-Za-z0-9_.]{1,30}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AudienceRequirement(_Strict):
    min_followers: int = Field(default=0, ge=0, le=1_000_000_000)
    min_engagement: float = Field(default=0.0, ge=0.0, le=100.0)


class InfluencerRequirement(AudienceRequirement):
    verified: bool = False


class Requirements(_Strict):
    """The brief's two audiences: influencers (may ask for a verified account) and regular creators."""

    influencer: InfluencerRequirement = InfluencerRequirement()
    regular: AudienceRequirement = AudienceRequirement()


class ContentSpecs(_Strict):
    formats: list[ContentFormat] = Field(default_factory=list, max_length=len(ContentFormat))
    required_hashtags: list[str] = Field(default_factory=list, max_length=20)
    required_mentions: list[str] = Field(default_factory=list, max_length=20)

    @field_validator("required_hashtags")
    @classmethod
    def _hashtags(cls, tags: list[str]) -> list[str]:
        bad = [t for t in tags if not _HASHTAG.match(t)]
        if bad:
            raise ValueError(f"hashtags start with # and hold letters, digits or _: {', '.join(bad)}")
        return tags

    @field_validator("required_mentions")
    @classmethod
    def _mentions(cls, handles: list[str]) -> list[str]:
        bad = [m for m in handles if not _MENTION.match(m)]
        if bad:
            raise ValueError(f"mentions start with @ and hold letters, digits, . or _: {', '.join(bad)}")
        return handles


# The typed copies of an offer's requirements that Browse's "only offers I qualify for" compares
# (models/offer.py keeps them, services/offer_search.py reads them): reading the JSON of every
# candidate row cost about 30 µs a row at a million offers.
REQUIREMENT_COLUMNS = ("influencer_min_followers", "influencer_min_engagement", "influencer_verified",
                       "regular_min_followers", "regular_min_engagement")


def requirement_minimums(requirements: object) -> dict[str, int | float | bool]:
    """The stored requirements (JSON, as Requirements dumps them) as those columns. A missing or unreadable
    value is no minimum, as in Requirements' defaults; a fractional follower minimum is rounded up, so the
    whole-number comparison keeps the same creators out."""
    stored = requirements if isinstance(requirements, dict) else {}

    def value(audience: str, key: str) -> object:
        block = stored.get(audience)
        return block.get(key) if isinstance(block, dict) else None

    def number(audience: str, key: str) -> float:
        found = value(audience, key)
        return float(found) if isinstance(found, (int, float)) and not isinstance(found, bool) else 0.0

    return {"influencer_min_followers": math.ceil(number("influencer", "min_followers")),
            "influencer_min_engagement": number("influencer", "min_engagement"),
            "influencer_verified": value("influencer", "verified") is True,
            "regular_min_followers": math.ceil(number("regular", "min_followers")),
            "regular_min_engagement": number("regular", "min_engagement")}
