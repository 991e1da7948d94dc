"""Offer input: each bad field gets its own message; a draft may be partial; publishing needs it complete."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from influfinder.domain.enums import CompensationType, Platform
from influfinder.domain.offer_rules import OfferInvalid, parse_offer, publish_problems

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def complete(**changes) -> dict:
    raw = {
        "title": "Brunch tasting for two", "description": "Come to Café Aurora, try the menu and film a reel.",
        "category": "FOOD", "platforms": ["INSTAGRAM", "TIKTOK"], "budget_min": "150", "budget_max": "300.50",
        "currency": "EUR", "compensation_type": "PAID", "is_public": True,
        "requirements": {"influencer": {"min_followers": 10000, "min_engagement": 2.0, "verified": True},
                         "regular": {"min_followers": 500, "min_engagement": 1.5}},
        "content_specs": {"formats": ["REEL"], "required_hashtags": ["#ad"], "required_mentions": ["@cafe_aurora"]},
        "application_deadline": NOW + timedelta(days=10), "content_deadline": NOW + timedelta(days=30),
        "requires_visit": True, "city": "Madrid", "address": "Calle Mayor 1", "slots": 3, "min_tier": 1,
    }
    raw.update(changes)
    return raw


def problems(raw) -> dict[str, str]:
    with pytest.raises(OfferInvalid) as refused:
        parse_offer(raw, NOW)
    return refused.value.problems


def test_a_complete_offer_is_read_and_ready_to_publish():
    data = parse_offer(complete(), NOW)
    assert data.budget_max == Decimal("300.50")
    assert data.platforms == [Platform.INSTAGRAM, Platform.TIKTOK]
    assert publish_problems(data) == {}


def test_a_draft_needs_only_a_title_and_a_category():
    data = parse_offer({"title": "Idea", "category": "TECH"}, NOW)
    assert set(publish_problems(data)) == {"description", "platforms", "budget_min", "content_specs.formats",
                                           "application_deadline", "content_deadline"}


def test_a_minimum_budget_above_the_maximum_is_refused_next_to_the_minimum():
    assert problems(complete(budget_min="400", budget_max="300")) == {
        "budget_min": "The minimum budget cannot be above the maximum."}


@pytest.mark.parametrize("amount", ["-1", "1000000.01", "1e12", "NaN", "Infinity", "12.345", True, "lots"])
def test_negative_absurd_or_malformed_budgets_are_refused(amount):
    assert problems(complete(budget_max=amount))["budget_max"].startswith("Enter an amount from 0 to 1,000,000")


def test_deadlines_must_be_in_the_future():
    found = problems(complete(application_deadline=NOW - timedelta(minutes=1), content_deadline=NOW))
    assert found == {"application_deadline": "The application deadline must be in the future.",
                     "content_deadline": "The content deadline must be in the future."}


def test_the_content_deadline_comes_after_the_application_deadline():
    found = problems(complete(content_deadline=NOW + timedelta(days=10)))
    assert found == {"content_deadline": "The content deadline must come after the application deadline."}


def test_a_deadline_years_away_is_refused():
    found = problems(complete(content_deadline=NOW + timedelta(days=3 * 365)))
    assert found == {"content_deadline": "The content deadline must be within two years."}


def test_a_deadline_without_a_zone_is_read_as_utc():
    data = parse_offer(complete(application_deadline="2026-12-01T18:00"), NOW)
    assert data.application_deadline == datetime(2026, 12, 1, 18, 0, tzinfo=timezone.utc)


def test_malformed_hashtags_and_mentions_are_named():
    found = problems(complete(content_specs={"required_hashtags": ["#ok", "not a tag"],
                                             "required_mentions": ["cafe"]}))
    assert found["content_specs.required_hashtags"] == \
        "Hashtags start with # and hold letters, digits or _: not a tag."
    assert found["content_specs.required_mentions"] == \
        "Mentions start with @ and hold letters, digits, . or _: cafe."


def test_hashtags_typed_as_one_line_are_split():
    data = parse_offer(complete(content_specs={"required_hashtags": "#ad, #brunch  #madrid", "formats": ["POST"]}),
                       NOW)
    assert data.content_specs.required_hashtags == ["#ad", "#brunch", "#madrid"]


@pytest.mark.parametrize("field,value,message", [
    ("category", "CRYPTO", "Choose a category from the list."),
    ("currency", "BTC", "Choose EUR, USD or MXN."),
    ("compensation_type", "EQUITY", "Choose paid, product or experience."),
    ("platforms", ["INSTAGRAM", "MYSPACE"], "Choose platforms among Instagram, TikTok and Facebook."),
    ("min_tier", 6, "Choose a tier from Newbie to Legend."),
    ("slots", 0, "Creator places must be a whole number from 1 to 100."),
    ("slots", 10**9, "Creator places must be a whole number from 1 to 100."),
    ("slots", "two", "Creator places must be a whole number from 1 to 100."),
    ("title", "Hi", "Give the offer a title of 3 to 120 characters."),
    ("status", "ACTIVE", "This field is not part of an offer."),
    ("business_id", "00000000-0000-0000-0000-000000000000", "This field is not part of an offer."),
])
def test_unknown_values_and_fields_are_refused_by_name(field, value, message):
    assert problems(complete(**{field: value})) == {field: message}


def test_unknown_content_formats_and_impossible_requirements_are_refused():
    found = problems(complete(content_specs={"formats": ["LIVESTREAM"]},
                              requirements={"regular": {"min_followers": -5, "min_engagement": 101}}))
    assert found == {
        "content_specs.formats": "Choose formats among Post, Reel, Story and Video.",
        "requirements.regular.min_followers": "Minimum followers must be a whole number from 0 to 1,000,000,000.",
        "requirements.regular.min_engagement": "Minimum engagement must be a percentage from 0 to 100.",
    }


@pytest.mark.parametrize("key", ["../../etc/passwd", "https://example.com/x.png", "covers/short.png", "/abs/x.png"])
def test_a_cover_image_is_a_storage_key_never_a_path_or_url(key):
    assert problems(complete(cover_image=key)) == {"cover_image": "Upload the cover image again."}


def test_a_storage_key_is_a_valid_cover_image():
    assert parse_offer(complete(cover_image="covers/Zk3aB9_x-LmNoPqRs.webp"), NOW).cover_image


def test_a_form_that_is_not_a_dict_is_refused():
    assert problems(["title"]) == {"form": "The form could not be read. Reload the page and try again."}


def test_the_same_platform_twice_is_kept_once():
    assert parse_offer(complete(platforms=["TIKTOK", "TIKTOK"]), NOW).platforms == [Platform.TIKTOK]


def test_a_visit_offer_needs_city_and_address_to_publish():
    data = parse_offer(complete(city="", address=""), NOW)
    assert publish_problems(data) == {"city": "Give the city of the visit.",
                                      "address": "Give the address of the visit."}
    assert publish_problems(parse_offer(complete(city="", address="", requires_visit=False), NOW)) == {}


def test_paid_offers_need_a_budget_and_others_a_value_to_publish():
    paid = parse_offer(complete(budget_min=None, budget_max=""), NOW)
    assert publish_problems(paid) == {"budget_min": "Give a budget for a paid offer."}
    product = parse_offer(complete(compensation_type=CompensationType.PRODUCT.value, budget_min=None,
                                   budget_max=None), NOW)
    assert publish_problems(product) == {"compensation_value": "Give the retail value of the product or experience."}
    valued = parse_offer(complete(compensation_type="EXPERIENCE", budget_min=None, budget_max=None,
                                  compensation_value="120"), NOW)
    assert publish_problems(valued) == {}
