"""What a business may write into an offer, and what a publishable ("complete") offer must say.

`parse_offer(raw, now)` turns a form's dict into an `OfferInput` or raises `OfferInvalid` with one
message per field, keyed by the field's dotted name ("budget_min", "content_specs.required_hashtags").
A draft may leave things out; `publish_problems` lists what a draft still lacks before it can go live.
Times without a zone are read as UTC: the state layer converts the person's local time first.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from influfinder.domain.moments import as_utc
from influfinder.domain.enums import CompensationType, Currency, OfferCategory, Platform
from influfinder.domain.offer_terms import ContentSpecs, Requirements
from influfinder.domain.labels import N_

MAX_MONEY = Decimal("1000000")
MAX_SLOTS = 100
MAX_DESCRIPTION = 5000
MIN_DESCRIPTION_TO_PUBLISH = 20
FURTHEST_DEADLINE = timedelta(days=730)
# A storage key as integrations.storage makes them ("covers/<random>.webp"); never a path or a URL.
STORAGE_KEY = r"^(?:[a-z0-9][a-z0-9_-]{0,62}/){1,4}[A-Za-z0-9_-]{16,64}\.[a-z0-9]{1,10}$"



def _money() -> Any:
    return Field(default=None, ge=0, le=MAX_MONEY, decimal_places=2)


class OfferInput(BaseModel):
    """Every field a business fills in. Unknown keys are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    title: str = Field(min_length=3, max_length=120)
    description: str = Field(default="", max_length=MAX_DESCRIPTION)
    brand_name: str = Field(default="", max_length=120)
    category: OfferCategory
    platforms: list[Platform] = Field(default_factory=list, max_length=len(Platform))
    budget_min: Decimal | None = _money()
    budget_max: Decimal | None = _money()
    currency: Currency = Currency.EUR
    compensation_type: CompensationType = CompensationType.PAID
    compensation_value: Decimal | None = _money()
    compensation_details: str = Field(default="", max_length=500)
    is_public: bool = True
    requirements: Requirements = Requirements()
    content_specs: ContentSpecs = ContentSpecs()
    application_deadline: datetime | None = None
    content_deadline: datetime | None = None
    requires_visit: bool = False
    portfolio_allowed: bool = True  # creators may show the content on their public profile
    city: str = Field(default="", max_length=80)
    address: str = Field(default="", max_length=200)
    slots: int = Field(default=1, ge=1, le=MAX_SLOTS)
    min_tier: int = Field(default=0, ge=0, le=5)
    cover_image: str | None = Field(default=None, pattern=STORAGE_KEY)

    @field_validator("budget_min", "budget_max", "compensation_value", "application_deadline",
                     "content_deadline", "cover_image", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        # An emptied form input means "not given"; booleans are not amounts (True would read as 1).
        if isinstance(value, bool):
            raise ValueError("not a value")
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("platforms")
    @classmethod
    def _unique_platforms(cls, platforms: list[Platform]) -> list[Platform]:
        return list(dict.fromkeys(platforms))

    @field_validator("content_specs", mode="before")
    @classmethod
    def _split_tag_text(cls, value: Any) -> Any:
        # The form's text inputs send "#a #b, #c"; the stored shape is a list.
        if isinstance(value, dict):
            value = {k: _split(v) if k in ("required_hashtags", "required_mentions") else v
                     for k, v in value.items()}
        return value

    @field_validator("application_deadline", "content_deadline")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value) if value is not None else None


def _split(value: Any) -> Any:
    return [part for part in re.split(r"[\s,]+", value) if part] if isinstance(value, str) else value


class OfferInvalid(ValueError):
    """The input cannot be saved. `problems` maps each bad field to the message shown next to it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


def parse_offer(raw: object, now: datetime) -> OfferInput:
    if not isinstance(raw, dict):
        raise OfferInvalid({"form": "The form could not be read. Reload the page and try again."})
    try:
        data = OfferInput.model_validate(raw)
    except ValidationError as error:
        raise OfferInvalid(_messages(error)) from None
    problems = cross_field_problems(data, as_utc(now))
    if problems:
        raise OfferInvalid(problems)
    return data


def cross_field_problems(data: OfferInput, now: datetime) -> dict[str, str]:
    """Rules that read two fields, or the clock."""
    problems: dict[str, str] = {}
    if data.budget_min is not None and data.budget_max is not None and data.budget_min > data.budget_max:
        problems["budget_min"] = "The minimum budget cannot be above the maximum."
    for name, label in (("application_deadline", "application"), ("content_deadline", "content")):
        moment = getattr(data, name)
        if moment is not None and moment <= now:
            problems[name] = f"The {label} deadline must be in the future."
        elif moment is not None and moment > now + FURTHEST_DEADLINE:
            problems[name] = f"The {label} deadline must be within two years."
    apply_by, deliver_by = data.application_deadline, data.content_deadline
    if "content_deadline" not in problems and apply_by and deliver_by and deliver_by <= apply_by:
        problems["content_deadline"] = "The content deadline must come after the application deadline."
    return problems


def publish_problems(data: OfferInput) -> dict[str, str]:
    """What a draft still lacks to go live; empty when the offer is complete."""
    checks = (
        ("description", len(data.description) >= MIN_DESCRIPTION_TO_PUBLISH,
         f"Describe the offer in at least {MIN_DESCRIPTION_TO_PUBLISH} characters."),
        ("platforms", bool(data.platforms), N_("Choose at least one platform.")),
        ("budget_min", data.compensation_type is not CompensationType.PAID
         or data.budget_min is not None or data.budget_max is not None, N_("Give a budget for a paid offer.")),
        ("compensation_value", data.compensation_type is CompensationType.PAID
         or data.compensation_value is not None, N_("Give the retail value of the product or experience.")),
        ("content_specs.formats", bool(data.content_specs.formats), N_("Choose at least one content format.")),
        ("application_deadline", data.application_deadline is not None, N_("Set an application deadline.")),
        ("content_deadline", data.content_deadline is not None, N_("Set a content deadline.")),
        ("city", not data.requires_visit or bool(data.city), N_("Give the city of the visit.")),
        ("address", not data.requires_visit or bool(data.address), N_("Give the address of the visit.")),
    )
    return {name: message for name, ok, message in checks if not ok}


_MONEY_MESSAGE = N_("Enter an amount from 0 to 1,000,000, with at most two decimals.")
_YES_NO = N_("Choose yes or no.")
FIELD_MESSAGES = {
    "title": N_("Give the offer a title of 3 to 120 characters."),
    "description": f"Keep the description under {MAX_DESCRIPTION:,} characters.",
    "brand_name": N_("Keep the brand name under 120 characters."),
    "category": N_("Choose a category from the list."),
    "platforms": N_("Choose platforms among Instagram, TikTok and Facebook."),
    "budget_min": _MONEY_MESSAGE,
    "budget_max": _MONEY_MESSAGE,
    "currency": N_("Choose EUR, USD or MXN."),
    "compensation_type": N_("Choose paid, product or experience."),
    "compensation_value": _MONEY_MESSAGE,
    "compensation_details": N_("Keep the compensation details under 500 characters."),
    "is_public": _YES_NO,
    "requires_visit": _YES_NO,
    "portfolio_allowed": _YES_NO,
    "application_deadline": N_("Enter a date and time."),
    "content_deadline": N_("Enter a date and time."),
    "city": N_("Keep the city under 80 characters."),
    "address": N_("Keep the address under 200 characters."),
    "slots": f"Creator places must be a whole number from 1 to {MAX_SLOTS}.",
    "min_tier": N_("Choose a tier from Newbie to Legend."),
    "cover_image": N_("Upload the cover image again."),
    "min_followers": N_("Minimum followers must be a whole number from 0 to 1,000,000,000."),
    "min_engagement": N_("Minimum engagement must be a percentage from 0 to 100."),
    "verified": _YES_NO,
    "formats": N_("Choose formats among Post, Reel, Story and Video."),
    "required_hashtags": N_("List at most 20 hashtags."),
    "required_mentions": N_("List at most 20 mentions."),
    "requirements": N_("The requirements could not be read."),
    "content_specs": N_("The content specs could not be read."),
}


def _messages(error: ValidationError) -> dict[str, str]:
    problems: dict[str, str] = {}
    for item in error.errors():
        path = [str(part) for part in item["loc"] if not isinstance(part, int)]
        name = ".".join(path) or "form"
        problems.setdefault(name, _message(item, path))
    return problems


def _message(item: dict, path: list[str]) -> str:
    if item["type"] == "extra_forbidden":
        return N_("This field is not part of an offer.")
    if item["type"] == "value_error" and path and path[-1] in ("required_hashtags", "required_mentions"):
        text = item["msg"].removeprefix("Value error, ")
        return text[0].upper() + text[1:] + "."
    return FIELD_MESSAGES.get(path[-1] if path else "", N_("Check this value."))
