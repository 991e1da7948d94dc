"""Verified beats typed: the pure rules of domain.verified_audience and their use by eligibility."""

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain import verified_audience as va
from influfinder.domain.eligibility import (
    CreatorNumbers, OfferConditions, account_figures, audience_accounts, audience_platforms, audience_total, evaluate,
)
from influfinder.domain.enums import Platform
from influfinder.domain.offer_terms import Requirements

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
IG = Platform.INSTAGRAM


def test_a_reading_beats_the_typed_figures_and_says_where_they_come_from():
    typed = account_figures(IG, 50_000, 6.0, None)
    verified = account_figures(IG, 50_000, 6.0, {"followers": 12_300, "engagement": 2.4})
    assert (typed.followers, typed.engagement, typed.source) == (50_000, 6.0, "Self-reported")
    assert (verified.followers, verified.engagement, verified.source) == (12_300, 2.4, "Verified via Instagram")


def test_a_reading_without_engagement_keeps_the_typed_engagement_marked_self_reported():
    page = account_figures(Platform.FACEBOOK, 900, 3.5, {"followers": 7_300, "engagement": None})
    assert (page.followers, page.verified, page.engagement, page.engagement_verified) == (7_300, True, 3.5, False)


@pytest.mark.parametrize("typed, readings, total", [
    ({"instagram": (500_000, 4.0)}, {}, (500_000, False)),  # nothing connected: as typed
    ({"instagram": (500_000, 4.0)}, {"instagram": {"followers": 3_000}}, (3_000, True)),  # the connected account wins
    ({"instagram": (500_000, 4.0), "tiktok": (2_000, 6.0)}, {"instagram": {"followers": 3_000}},
     (5_000, True)),  # per platform
    ({}, {"facebook": {"followers": 7_300, "engagement": None}}, (7_300, True)),  # verified with nothing typed
    ({"tiktok": (2_000, 6.0)}, None, (2_000, False)),
])
def test_the_total_a_profile_shows_takes_each_platform_verified_or_else_typed(typed, readings, total):
    """Profile.audience_followers and audience_verified, which Find creators filters and sorts by; followers
    are added across platforms here (the total shown), never for eligibility (one account at a time)."""
    accounts = audience_accounts(typed, readings)
    assert [a.platform for a in accounts] == [Platform.INSTAGRAM, Platform.TIKTOK, Platform.FACEBOOK]
    assert audience_total(accounts) == total


@pytest.mark.parametrize("typed, handles, readings, platforms", [
    ({}, {"instagram": "lucia.eats"}, {}, ("instagram",)),  # a handle typed, no figures yet
    ({"tiktok": (2_000, 6.0)}, {}, {}, ("tiktok",)),  # followers typed without a handle
    ({}, {}, {"facebook": {"followers": 7_300, "engagement": None}}, ("facebook",)),  # only a connected Page
    ({}, {}, {"facebook": {"followers": 0}}, ("facebook",)),  # connected, no followers read yet
    ({"instagram": (500, 2.0)}, {"facebook": "fb"}, None, ("instagram", "facebook")),
    ({}, {"tiktok": None}, None, ()),
])
def test_a_creator_is_on_a_platform_with_a_typed_handle_or_followers_or_a_connected_account(typed, handles, readings,
                                                                                           platforms):
    """Profile.audience_platforms, which Find creators' platform filter reads."""
    assert audience_platforms(audience_accounts(typed, readings), handles) == platforms


@pytest.mark.parametrize("typed, verified, overruled", [
    (12_000, 10_000, False),  # exactly 20 % off: tolerated
    (12_001, 10_000, True),
    (7_999, 10_000, True),
    (0, 10_000, False),  # nothing typed: nothing to overrule
    (500, 0, True),
])
def test_a_typed_figure_more_than_twenty_percent_off_is_overruled(typed, verified, overruled):
    assert va.disagrees(typed, verified) is overruled


def test_the_source_line_says_how_old_the_reading_is():
    assert va.verified_line("instagram", NOW - timedelta(days=2), NOW) == "Verified via Instagram, updated 2 days ago"
    assert va.verified_line("tiktok", NOW - timedelta(hours=30), NOW) == "Verified via TikTok, updated yesterday"
    assert va.verified_line("facebook", NOW, NOW) == "Verified via Facebook, updated today"


def test_failures_back_off_doubling_up_to_two_days_or_as_long_as_retry_after_asks():
    assert [va.retry_delay(n) for n in (1, 2, 3)] == [timedelta(hours=1), timedelta(hours=2), timedelta(hours=4)]
    assert va.retry_delay(20) == timedelta(days=2)
    assert va.retry_delay(1, timedelta(hours=6)) == timedelta(hours=6)
    assert va.retry_delay(4, timedelta(minutes=5)) == timedelta(hours=8)


def test_each_problem_is_told_in_words_with_the_next_try():
    assert va.problem_message(va.RATE_LIMITED, "tiktok", NOW + timedelta(hours=3), NOW) == (
        "TikTok asked us to slow down. We will try again in 3 hours.")
    assert "Connect Instagram again" in va.problem_message(va.EXPIRED, "instagram", None, NOW)
    assert va.problem_message(va.OK, "instagram", None, NOW) == ""


def test_engagement_is_interactions_per_post_over_followers():
    assert va.engagement_per_post(1_000, [30, 50]) == 4.0
    assert va.engagement_per_post(0, [30]) is None and va.engagement_per_post(1_000, []) is None
    assert va.engagement_per_post(100, [1] * 40) == 1.0  # only the latest 30 posts count
    assert va.engagement_from_totals(10_000, 6_000, 20) == 3.0


def _conditions(regular: dict | None = None, **influencer) -> OfferConditions:
    requirements = Requirements.model_validate({"influencer": influencer, "regular": regular or {}})
    return OfferConditions(requirements, (IG,), 0, None, 5, 5)


def test_eligibility_uses_the_verified_figures_and_says_so():
    typed_big = CreatorNumbers(0, (account_figures(IG, 50_000, 5.0, {"followers": 8_000, "engagement": 5.0}),))
    verdict = evaluate(_conditions({"min_followers": 9_000}, min_followers=10_000), typed_big, NOW)
    assert verdict.audience == "regular"  # 8,000 verified followers, whatever was typed
    assert verdict.reasons == ["You do not have enough followers: 8,000 on Instagram (verified); "
                               "the offer asks for 9,000."]
    assert evaluate(_conditions(min_followers=10_000), CreatorNumbers(0, (account_figures(
        IG, 5_000, 5.0, {"followers": 20_000, "engagement": 3.0}),)), NOW).checks[0].detail == (
        "20,000 on Instagram (verified); the offer asks for 10,000")


def test_an_offer_asking_for_verified_figures_refuses_typed_ones():
    ask = _conditions(min_followers=10_000, verified=True)
    typed = CreatorNumbers(0, (account_figures(IG, 20_000, 3.0, None),))
    verified = CreatorNumbers(0, (account_figures(IG, 0, 0.0, {"followers": 20_000, "engagement": 3.0}),))
    assert not evaluate(ask, typed, NOW).can_apply
    assert evaluate(ask, verified, NOW).can_apply
