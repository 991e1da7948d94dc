"""The offer form's values: flat inputs <-> OfferInput's nested input, dates in the person's zone.

The form sends one value per input, named by the rules' dotted field names
("requirements.influencer.min_followers"), so a refusal's `problems` land next to the right input.
Plain functions only; state/offer_editor.py holds the state.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from influfinder.domain.enums import CompensationType, ContentFormat, Currency, OfferCategory, Platform
from influfinder.domain.offer_rules import OfferInvalid, parse_offer, publish_problems
from influfinder.i18n import N_, translated
from influfinder.state.display import amount_text
from influfinder.state.upload_feedback import COVER, LIMITS, refusal_text

NEW = "new"
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
_LOCAL = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$")
_ZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}$")
BAD_DATE = "Enter a date and time."
SAVED = "Draft saved."
PUBLISHED = "Published: creators can find your offer now."
CHECK_FIELDS = "Check the fields marked below."
UNVERIFIED = N_("Confirm your email address (see the banner at the top).")
ARCHIVED = "This offer is archived: it can no longer be changed."
COVER_SAVE_FIRST = "Save the draft first, then add a cover photo."
# Every input of the form and the longest text it may send (a little above the rules' limits,
# so the rules themselves, not this guard, give the message).
TEXT_LIMITS = {
    "title": 200, "description": 6000, "brand_name": 200, "budget_min": 40, "budget_max": 40,
    "compensation_value": 40, "compensation_details": 600, "city": 200, "address": 400, "slots": 10,
    "requirements.influencer.min_followers": 40, "requirements.influencer.min_engagement": 40,
    "requirements.regular.min_followers": 40, "requirements.regular.min_engagement": 40,
    "content_specs.required_hashtags": 2000, "content_specs.required_mentions": 2000,
    "application_deadline": 40, "content_deadline": 40,
}
CHOICES = {
    "category": OfferCategory.values(),
    "currency": Currency.values(),
    "compensation_type": CompensationType.values(),
    "min_tier": [str(level) for level in range(6)],
}
PLATFORM_KEYS = [f"platforms.{p.value}" for p in Platform]
FORMAT_KEYS = [f"content_specs.formats.{f.value}" for f in ContentFormat]
FLAGS = {"is_public", "requires_visit", "portfolio_allowed", "requirements.influencer.verified", *PLATFORM_KEYS, *FORMAT_KEYS}
# Groups of checkboxes that send their checked values together; each value is kept as its own flag.
LISTS = {"platforms": Platform.values(), "content_specs.formats": ContentFormat.values()}
DATES = ("application_deadline", "content_deadline")


def blank_values() -> dict[str, str | bool]:
    values: dict[str, str | bool] = {name: "" for name in TEXT_LIMITS}
    values.update(category="", currency=Currency.EUR.value, compensation_type=CompensationType.PAID.value,
                  min_tier="0", slots="1")
    values.update({name: False for name in FLAGS})
    values["is_public"] = values["portfolio_allowed"] = True
    return values


# ---- the form's values <-> the service's input ------------------------------------------------


def zone_from(answer: object) -> tuple[tzinfo, str]:
    """The browser's time zone from the browser's answer ([zone name, getTimezoneOffset()], components/browser_actions.py); UTC when it says nothing usable."""
    name, offset = (answer + [None, None])[:2] if isinstance(answer, list) else (None, None)
    if isinstance(name, str) and len(name) <= 64 and _ZONE.match(name) and ".." not in name:
        try:
            return ZoneInfo(name), name
        except (ZoneInfoNotFoundError, ValueError):
            pass  # an unknown name, or no time zone database on this server: the offset still helps
    if isinstance(offset, int) and not isinstance(offset, bool) and -840 <= offset <= 840:
        minutes = -offset  # getTimezoneOffset() is UTC minus local
        return timezone(timedelta(minutes=minutes)), _offset_name(minutes)
    return timezone.utc, "UTC"


def _offset_name(minutes: int) -> str:
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def to_utc(text: str, zone: tzinfo) -> datetime | None:
    """A datetime-local value in `zone` as UTC; raises ValueError when it is not a date and time."""
    if not text.strip():
        return None
    if not _LOCAL.match(text.strip()):
        raise ValueError(text)
    moment = datetime.fromisoformat(text.strip())
    return moment.replace(tzinfo=zone).astimezone(timezone.utc)


def to_local(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone).strftime(LOCAL_FORMAT)


def _count(text: str, default: str) -> str:
    # Blank audience numbers mean "no minimum"; anything typed goes to the rules as typed.
    return text.strip() or default


def raw_offer(values: dict, zone: tzinfo, *, with_brand: bool) -> tuple[dict, dict[str, str]]:
    """The flat form values as OfferInput's nested input, and the dates that could not be read."""
    problems: dict[str, str] = {}
    raw: dict = {name: values[name] for name in (
        "title", "description", "category", "budget_min", "budget_max", "currency", "compensation_type",
        "compensation_value", "compensation_details", "is_public", "requires_visit", "portfolio_allowed", "city", "address", "slots",
    )}
    if with_brand:
        raw["brand_name"] = values["brand_name"]
    raw["min_tier"] = int(values["min_tier"]) if values["min_tier"].isdigit() else values["min_tier"]
    raw["platforms"] = checked(values, "platforms")
    for name in DATES:
        try:
            moment = to_utc(values[name], zone)
            raw[name] = moment.isoformat() if moment else None
        except ValueError:
            problems[name] = BAD_DATE
    raw["requirements"] = {
        "influencer": {
            "min_followers": _count(values["requirements.influencer.min_followers"], "0"),
            "min_engagement": _count(values["requirements.influencer.min_engagement"], "0"),
            "verified": values["requirements.influencer.verified"],
        },
        "regular": {
            "min_followers": _count(values["requirements.regular.min_followers"], "0"),
            "min_engagement": _count(values["requirements.regular.min_engagement"], "0"),
        },
    }
    raw["content_specs"] = {
        "formats": checked(values, "content_specs.formats"),
        "required_hashtags": values["content_specs.required_hashtags"],
        "required_mentions": values["content_specs.required_mentions"],
    }
    return raw, problems


def form_values(stored: dict, zone: tzinfo) -> dict[str, str | bool]:
    """A stored offer (OfferInput's fields, as offer_management.offer_values gives them) as form values."""
    values = blank_values()
    for name in ("title", "description", "brand_name", "category", "currency", "compensation_type",
                 "compensation_details", "city", "address"):
        values[name] = str(stored.get(name) or "")
    for name in ("budget_min", "budget_max", "compensation_value"):
        values[name] = amount_text(stored.get(name))
    values["slots"], values["min_tier"] = str(stored.get("slots", 1)), str(stored.get("min_tier", 0))
    values["is_public"], values["requires_visit"] = bool(stored.get("is_public")), bool(stored.get("requires_visit"))
    values["portfolio_allowed"] = bool(stored.get("portfolio_allowed", True))
    for name in DATES:
        values[name] = to_local(stored.get(name), zone)
    for platform in stored.get("platforms") or []:
        if f"platforms.{platform}" in FLAGS:
            values[f"platforms.{platform}"] = True
    requirements = stored.get("requirements") or {}
    for block in ("influencer", "regular"):
        numbers = requirements.get(block) or {}
        followers, engagement = numbers.get("min_followers") or 0, numbers.get("min_engagement") or 0
        values[f"requirements.{block}.min_followers"] = str(followers) if followers else ""
        values[f"requirements.{block}.min_engagement"] = f"{engagement:g}" if engagement else ""
    values["requirements.influencer.verified"] = bool((requirements.get("influencer") or {}).get("verified"))
    specs = stored.get("content_specs") or {}
    for fmt in specs.get("formats") or []:
        if f"content_specs.formats.{fmt}" in FLAGS:
            values[f"content_specs.formats.{fmt}"] = True
    values["content_specs.required_hashtags"] = " ".join(specs.get("required_hashtags") or [])
    values["content_specs.required_mentions"] = " ".join(specs.get("required_mentions") or [])
    return values


def publish_blockers(values: dict, zone: tzinfo, *, verified: bool, with_brand: bool) -> list[str]:
    """Why Publish is not possible yet, in the words shown beside the button (empty: it is)."""
    reasons = [] if verified else [translated(UNVERIFIED)]
    raw, problems = raw_offer(values, zone, with_brand=with_brand)
    now = datetime.now(timezone.utc)
    try:
        data = parse_offer(raw, now)
    except OfferInvalid as invalid:
        problems = {**problems, **invalid.problems}
        data = _lenient(raw, problems, now)
    reasons += [_with_field(name, translated(message)) for name, message in problems.items()]
    missing = publish_problems(data) if data else {}
    return reasons + [translated(message) for name, message in missing.items() if name not in problems]


def _lenient(raw: dict, problems: dict[str, str], now: datetime):
    """The offer without its invalid fields, so the list can also say what is still missing."""
    placeholders = {"title": "Untitled", "category": OfferCategory.OTHER.value}
    kept = {k: v for k, v in raw.items() if k not in {name.split(".")[0] for name in problems}}
    try:
        return parse_offer({**kept, **{k: v for k, v in placeholders.items() if k not in kept}}, now)
    except OfferInvalid:
        return None


def _with_field(name: str, message: str) -> str:
    """Name the field when the message does not ("Application deadline: Enter a date and time.")."""
    field = FIELD_NAMES.get(name)
    named = field and field.split()[-1].lower() in message.lower() and not name.startswith("requirements.")
    return message if named or not field else f"{field}: {message}"


# In the form's order: the first field with a problem is the one the page scrolls to.
FIELD_NAMES = {
    "title": "Title", "brand_name": "Brand", "description": "Description", "category": "Category",
    "platforms": "Platforms", "compensation_type": "Compensation", "budget_min": "Minimum budget",
    "budget_max": "Maximum budget", "currency": "Currency", "compensation_value": "Value",
    "compensation_details": "Compensation details",
    "requirements.influencer.min_followers": "Influencers' minimum followers",
    "requirements.influencer.min_engagement": "Influencers' minimum engagement",
    "requirements.regular.min_followers": "Regular creators' minimum followers",
    "requirements.regular.min_engagement": "Regular creators' minimum engagement",
    "min_tier": "Minimum tier", "slots": "Creator places", "content_specs.formats": "Formats",
    "content_specs.required_hashtags": "Hashtags", "content_specs.required_mentions": "Mentions",
    "application_deadline": "Application deadline", "content_deadline": "Content deadline", "city": "City",
    "address": "Address",
}


def dropzone_refusal(rejected: object) -> str:
    """The message for files the cover's drop zone refused (react-dropzone: [{file, errors: [{code}]}])."""
    return refusal_text(rejected, LIMITS[COVER])


def chips(text: str) -> list[str]:
    """What the hashtag or mention input will be read as (the rules split the same way), for the preview."""
    return [part for part in re.split(r"[\s,]+", text) if part][:20]


def checked(values: dict, group: str) -> list[str]:
    """The checked values of a checkbox group, from their flags."""
    return [option for option in LISTS[group] if values[f"{group}.{option}"]]


def acceptable(name: object, value: object) -> bool:
    """Whether `value` is something the input `name` can send; anything else is ignored."""
    if not isinstance(name, str):
        return False
    if name in TEXT_LIMITS:
        return isinstance(value, str) and len(value) <= TEXT_LIMITS[name]
    if name in CHOICES:
        return value in CHOICES[name]
    if name in LISTS:
        return isinstance(value, list) and all(isinstance(v, str) and v in LISTS[name] for v in value)
    return name in FLAGS and isinstance(value, bool)


def with_change(values: dict, name: str, value: object) -> dict:
    """The values after one input changed (a group sets each of its flags)."""
    if name in LISTS:
        return {**values, **{f"{name}.{option}": option in value for option in LISTS[name]}}
    return {**values, name: value}
