"""The filters of Find creators: validated, read from a shared link and written back into one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from influfinder.domain.enums import OfferCategory, Platform
from influfinder.i18n import N_, _, translated
from influfinder.services.errors import ServiceError
from influfinder.services.pagination import MAX_PAGE

MAX_QUERY_LENGTH = 100
MAX_FOLLOWERS = 1_000_000_000
Sort = Literal["relevance", "followers", "rating", "active"]
SORTS: tuple[str, ...] = ("relevance", "followers", "rating", "active")
FOLLOWERS_ORDER = N_("The minimum followers cannot be more than the maximum.")
ENGAGEMENT_ORDER = N_("The minimum engagement cannot be more than the maximum.")


class InvalidCreatorSearch(ServiceError):
    """A creator search that cannot run as asked; `field` names the filter at fault."""


class CreatorSearch(BaseModel):
    """Every filter of Find creators, validated. An empty value means "any"."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    q: str = Field(default="", max_length=MAX_QUERY_LENGTH)
    city: str = Field(default="", max_length=80)
    category: OfferCategory | None = None
    platform: Platform | None = None
    followers_min: int | None = Field(default=None, ge=0, le=MAX_FOLLOWERS)
    followers_max: int | None = Field(default=None, ge=0, le=MAX_FOLLOWERS)
    engagement_min: float | None = Field(default=None, ge=0, le=100)  # percent, on the best platform
    engagement_max: float | None = Field(default=None, ge=0, le=100)
    tier: int | None = Field(default=None, ge=0, le=5)  # this tier or above
    rating_min: float | None = Field(default=None, ge=1, le=5)
    verified_only: bool = False
    available_only: bool = False
    sort: Sort = "relevance"
    page: int = Field(default=1, ge=1, le=MAX_PAGE)

    @field_validator("category", "platform", "sort", mode="before")
    @classmethod
    def _any_case(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            value = value.strip()
            return value.lower() if info.field_name == "sort" else value.upper()
        return value

    @field_validator("followers_min", "followers_max", "engagement_min", "engagement_max", "tier", "rating_min",
                     "page", mode="before")
    @classmethod
    def _no_bools(cls, value: Any) -> Any:
        if isinstance(value, bool):  # bool is an int in Python: `True` must not pass for 1
            raise ValueError("not a number")
        return value

    @model_validator(mode="after")
    def _ranges(self) -> CreatorSearch:
        if None not in (self.followers_min, self.followers_max) and self.followers_min > self.followers_max:
            raise ValueError(FOLLOWERS_ORDER)
        if None not in (self.engagement_min, self.engagement_max) and self.engagement_min > self.engagement_max:
            raise ValueError(ENGAGEMENT_ORDER)
        return self

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> CreatorSearch:
        if not isinstance(data, Mapping):
            raise InvalidCreatorSearch("The search could not be read.")
        try:
            return cls.model_validate(dict(data))
        except ValidationError as error:
            raise _readable(error) from None

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any]) -> CreatorSearch:
        """The search a shared URL describes; other parameters are ignored, blanks mean "any"."""
        values = {}
        for name in cls.model_fields:
            raw = params.get(name)
            if isinstance(raw, (list, tuple)):
                raw = raw[0] if len(raw) == 1 else None
            if raw is not None and str(raw).strip() != "":
                values[name] = str(raw)
        return cls.parse(values)

    def to_query_params(self) -> dict[str, str]:
        """Only what differs from the defaults, so links stay short."""
        params = {}
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            if value != field.default:
                params[name] = _param(value)
        return params


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (OfferCategory, Platform)):
        return value.value.lower()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


_MESSAGES = {  # English msgids; {n}, {choices} filled after translation (_readable)
    "q": N_("Search text can be at most {n} characters."),
    "city": N_("City can be at most 80 characters."),
    "category": N_("Unknown category: choose one of {choices}."),
    "platform": N_("Unknown platform: choose one of {choices}."),
    "followers_min": N_("Minimum followers must be a whole number of 0 or more."),
    "followers_max": N_("Maximum followers must be a whole number of 0 or more."),
    "engagement_min": N_("Minimum engagement must be a percentage from 0 to 100."),
    "engagement_max": N_("Maximum engagement must be a percentage from 0 to 100."),
    "tier": N_("Tier must be a level from 0 (Newbie) to 5 (Legend)."),
    "rating_min": N_("Minimum rating must be from 1 to 5."),
    "verified_only": N_("“Verified only” must be yes or no."),
    "available_only": N_("“Available only” must be yes or no."),
    "sort": N_("Unknown sort: choose one of {choices}."),
    "page": N_("Page must be a whole number from 1 to {n}."),
}
_VALUES = {
    "q": {"n": MAX_QUERY_LENGTH}, "page": {"n": MAX_PAGE}, "sort": {"choices": ", ".join(SORTS)},
    "category": {"choices": ", ".join(c.value.lower() for c in OfferCategory)},
    "platform": {"choices": ", ".join(p.value.lower() for p in Platform)},
}


def _readable(error: ValidationError) -> InvalidCreatorSearch:
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else None
    if first["type"] == "extra_forbidden":
        return InvalidCreatorSearch(_("Unknown search filter: {name}.").format(name=str(field)[:40]))
    if field in _MESSAGES:
        return InvalidCreatorSearch(translated(_MESSAGES[field]).format(**_VALUES.get(field, {})), field=field)
    message = str(first.get("ctx", {}).get("error") or first["msg"])
    return InvalidCreatorSearch(message, field="followers_min" if message == FOLLOWERS_ORDER else "engagement_min")
