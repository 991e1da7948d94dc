"""The offer form's values: what a person types (in their own time zone) is what the rules receive."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from influfinder.domain.offer_rules import parse_offer
from influfinder.i18n import use_language
from influfinder.state.offer_form import (
    acceptable, blank_values, dropzone_refusal, form_values, publish_blockers, raw_offer, to_local, with_change,
    zone_from,
)

MADRID = ZoneInfo("Europe/Madrid")


def filled(**changes) -> dict:
    """A complete offer, as the form would hold it, with `changes` (dotted names) applied."""
    soon = (datetime.now(MADRID) + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    later = (datetime.now(MADRID) + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    values = blank_values()
    values.update({"title": "Brunch for two", "description": "Brunch on the terrace and one Reel about it.",
                   "category": "FOOD", "budget_min": "100", "budget_max": "250", "platforms.INSTAGRAM": True,
                   "content_specs.formats.REEL": True, "application_deadline": soon, "content_deadline": later})
    values.update(changes)
    return values


def test_a_time_typed_in_madrid_reaches_the_rules_in_utc_and_comes_back_the_same():
    values = filled(application_deadline="2031-07-01T18:30", content_deadline="2031-07-20T10:00")
    raw, problems = raw_offer(values, MADRID, with_brand=False)
    assert problems == {}
    assert raw["application_deadline"] == "2031-07-01T16:30:00+00:00"  # summer time: UTC+2
    stored = datetime(2031, 7, 1, 16, 30, tzinfo=timezone.utc)
    assert to_local(stored, MADRID) == "2031-07-01T18:30"


def test_the_browser_zone_name_wins_and_its_offset_is_the_fallback():
    assert zone_from(["Europe/Madrid", -60])[1] == "Europe/Madrid"
    zone, name = zone_from(["No/Such_Zone", 360])  # Mexico City's offset, as JavaScript signs it
    assert (name, zone.utcoffset(None)) == ("UTC-06:00", timedelta(hours=-6))
    assert zone_from(["../../etc/passwd", "x"])[1] == "UTC"
    assert zone_from({"$gt": 1})[1] == "UTC"


def test_a_date_that_is_not_a_date_is_named_next_to_its_field():
    _raw, problems = raw_offer(filled(content_deadline="tomorrow"), MADRID, with_brand=False)
    assert problems == {"content_deadline": "Enter a date and time."}


def test_a_complete_offer_has_nothing_blocking_publish_and_parses():
    values = filled()
    assert publish_blockers(values, MADRID, verified=True, with_brand=False) == []
    data = parse_offer(raw_offer(values, MADRID, with_brand=False)[0], datetime.now(timezone.utc))
    assert (data.budget_min, data.platforms[0].value, data.content_specs.formats[0].value) == (
        Decimal("100"), "INSTAGRAM", "REEL")


def test_publish_lists_every_reason_at_once_for_an_empty_form_and_an_unconfirmed_email():
    reasons = publish_blockers(blank_values(), MADRID, verified=False, with_brand=False)
    assert reasons[0].startswith("Confirm your email")
    for expected in ("title", "category", "Describe the offer", "platform", "budget", "content format",
                     "application deadline", "content deadline"):
        assert any(expected in reason for reason in reasons), expected


def test_a_minimum_budget_above_the_maximum_blocks_publish_with_the_rule_s_message():
    reasons = publish_blockers(filled(budget_min="500"), MADRID, verified=True, with_brand=False)
    assert reasons == ["The minimum budget cannot be above the maximum."]


def test_a_stored_offer_fills_the_form_it_was_saved_from():
    values = filled(**{"requirements.influencer.min_followers": "12000", "requirements.influencer.verified": True,
                       "content_specs.required_hashtags": "#Brunch #ad"})
    data = parse_offer(raw_offer(values, MADRID, with_brand=False)[0], datetime.now(timezone.utc))
    stored = {**data.model_dump(), "category": "FOOD", "currency": "EUR", "compensation_type": "PAID",
              "platforms": ["INSTAGRAM"], "requirements": data.requirements.model_dump(mode="json"),
              "content_specs": data.content_specs.model_dump(mode="json")}
    again = form_values(stored, MADRID)
    for name in ("title", "budget_min", "application_deadline", "requirements.influencer.min_followers",
                 "requirements.influencer.verified", "content_specs.required_hashtags", "platforms.INSTAGRAM"):
        assert again[name] == values[name], name


@pytest.mark.parametrize(("name", "value"), [
    ("title", 42), ("title", "x" * 10_000), ("category", "WEAPONS"), ("min_tier", "9"), ("platforms", ["MYSPACE"]),
    ("platforms", "INSTAGRAM"), ("is_public", "yes"), ("password_hash", "x"), ({"$gt": 1}, "x"),
])
def test_an_input_value_no_form_sends_is_ignored(name, value):
    assert not acceptable(name, value)


def test_a_checkbox_group_sets_each_of_its_flags():
    values = with_change(blank_values(), "platforms", ["TIKTOK", "FACEBOOK"])
    assert [values[f"platforms.{p}"] for p in ("INSTAGRAM", "TIKTOK", "FACEBOOK")] == [False, True, True]


@pytest.mark.parametrize("rejected,message", [
    ([{"file": {"path": "./menu.pdf"}, "errors": [{"code": "file-invalid-type", "message": "..."}]}],
     "menu.pdf: Only PNG, JPEG or WebP images are accepted."),
    ([{"file": {"path": "huge.jpg"}, "errors": [{"code": "file-too-large", "message": "..."}]}],
     "huge.jpg is larger than 10 MB."),
    ([{"errors": [{"code": "too-many-files"}]}, {"errors": [{"code": "too-many-files"}]}], "Choose one file at a time."),
    ({"$gt": 1}, "Only PNG, JPEG or WebP images are accepted."),
    ([{"errors": "file-too-large"}, 7, None], "Only PNG, JPEG or WebP images are accepted."),
])
def test_a_file_the_cover_drop_zone_refused_is_explained_in_the_server_s_words(rejected, message):
    with use_language("en"):
        assert dropzone_refusal(rejected) == message
