"""What an offer asks of creators: requirements and content specs, validated (not free JSON)."""

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
