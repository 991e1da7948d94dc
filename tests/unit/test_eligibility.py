"""Who may apply to an offer, and the fit panel: pure rules on a creator's numbers."""

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain.eligibility import (
    INFLUENCER, REGULAR, Account, CreatorNumbers, OfferConditions, audience_of, evaluate, fit_checks, fit_score,
)
from influfinder.domain.enums import Platform
from influfinder.domain.offer_terms import Requirements

IG, TT, FB = Platform.INSTAGRAM, Platform.TIKTOK, Platform.FACEBOOK
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
BRIEF_REQUIREMENTS = Requirements.model_validate({
    "influencer": {"min_followers": 10_000, "min_engagement": 2.0, "verified": True},
    "regular": {"min_followers": 500, "min_engagement": 1.5},
})


def offer(requirements=BRIEF_REQUIREMENTS, platforms=(IG, TT), min_tier=0, deadline=NOW + timedelta(days=5),
          slots=3, slots_left=3) -> OfferConditions:
    return OfferConditions(requirements, tuple(platforms), min_tier, deadline, slots, slots_left)


def creator(*accounts: Account, tier: int = 0) -> CreatorNumbers:
    return CreatorNumbers(tier=tier, accounts=accounts)


def labels(checks, met=None):
    return [c.label for c in checks if met is None or c.met is met]


def test_a_regular_creator_who_meets_the_regular_block_may_apply():
    verdict = evaluate(offer(), creator(Account(IG, 800, 2.5)), NOW)
    assert verdict.audience == REGULAR
    assert verdict.can_apply and verdict.reasons == []
    assert labels(verdict.checks) == ["Followers", "Engagement", "Tier", "Deadline", "Places"]
    assert verdict.checks[0].detail == "800 on Instagram (self-reported); the offer asks for 500"


def test_ten_thousand_followers_on_an_offer_platform_make_an_influencer():
    assert audience_of(creator(Account(IG, 9_999)), (IG,)) == REGULAR
    assert audience_of(creator(Account(IG, 10_000)), (IG,)) == INFLUENCER


def test_only_the_offers_platforms_count_for_the_audience():
    big_on_tiktok = creator(Account(IG, 900, 2.0), Account(TT, 50_000, 4.0, verified=True))
    assert audience_of(big_on_tiktok, (IG,)) == REGULAR
    assert evaluate(offer(platforms=(IG,)), big_on_tiktok, NOW).can_apply
    assert audience_of(big_on_tiktok, (IG, TT)) == INFLUENCER


def test_an_offer_naming_no_platform_reads_all_three():
    assert audience_of(creator(Account(FB, 20_000)), ()) == INFLUENCER


def test_an_influencer_without_a_verified_account_is_told_so():
    verdict = evaluate(offer(), creator(Account(IG, 12_000, 3.0, verified=False)), NOW)
    assert verdict.audience == INFLUENCER
    assert labels(verdict.checks, met=False) == ["Verified figures"]
    assert verdict.reasons == ["This offer asks for verified figures. Your Instagram figures are self-reported: "
                               "connect Instagram in Settings to verify them."]


def test_the_audience_checks_read_one_account_the_one_that_meets_them():
    # Instagram has more followers but too little engagement; TikTok meets every number.
    numbers = creator(Account(IG, 15_000, 1.0, True), Account(TT, 11_000, 3.0, True))
    checks = fit_checks(offer(), numbers)
    assert all(c.met for c in checks)
    assert checks[0].detail == "11,000 on TikTok (verified); the offer asks for 10,000"


def test_followers_on_two_platforms_are_not_added_up():
    requirements = Requirements.model_validate({"regular": {"min_followers": 8_000}})
    verdict = evaluate(offer(requirements), creator(Account(IG, 6_000), Account(TT, 6_000)), NOW)
    assert not verdict.can_apply
    assert verdict.reasons == ["You do not have enough followers: 6,000 on Instagram (self-reported); the offer asks for 8,000."]


def test_low_engagement_is_a_reason():
    verdict = evaluate(offer(), creator(Account(IG, 600, 1.2)), NOW)
    assert verdict.reasons == ["Your engagement is too low: 1.2% on Instagram (self-reported); the offer asks for 1.5%."]


def test_a_tier_below_the_minimum_is_a_reason_with_both_names():
    verdict = evaluate(offer(min_tier=2), creator(Account(IG, 800, 2.0), tier=1), NOW)
    assert verdict.reasons == ["Your tier is below this offer's minimum. You are Explorer; the offer is for Pro or higher."]
    assert evaluate(offer(min_tier=2), creator(Account(IG, 800, 2.0), tier=2), NOW).can_apply


def test_a_passed_deadline_is_a_reason():
    verdict = evaluate(offer(deadline=datetime(2026, 11, 1, tzinfo=timezone.utc)), creator(Account(IG, 800, 2.0)), NOW)
    assert verdict.reasons == ["Applications closed on 1 Nov 2026."]


def test_a_deadline_without_a_zone_is_read_as_utc():
    # SQLite returns stored timestamps without their zone; they were written in UTC.
    one_hour_ago = (NOW - timedelta(hours=1)).replace(tzinfo=None)
    assert not evaluate(offer(deadline=one_hour_ago), creator(Account(IG, 800, 2.0)), NOW).can_apply
    in_one_hour = (NOW + timedelta(hours=1)).replace(tzinfo=None)
    assert evaluate(offer(deadline=in_one_hour), creator(Account(IG, 800, 2.0)), NOW).can_apply


def test_no_place_left_is_a_reason():
    verdict = evaluate(offer(slots=2, slots_left=0), creator(Account(IG, 800, 2.0)), NOW)
    assert verdict.reasons == ["Every place on this offer is taken."]
    assert verdict.checks[-1].detail == "0 of 2 places left"


def test_every_unmet_check_is_a_reason():
    verdict = evaluate(offer(min_tier=1, deadline=NOW - timedelta(days=1), slots_left=0), creator(), NOW)
    assert len(verdict.reasons) == 5  # followers, engagement, tier, deadline, places


def test_an_offer_that_asks_nothing_fits_everyone():
    conditions = offer(Requirements(), deadline=None)
    verdict = evaluate(conditions, creator(), NOW)
    assert verdict.can_apply
    assert labels(verdict.checks) == ["Tier", "Places"]
    assert fit_score(fit_checks(conditions, creator())) == 100


@pytest.mark.parametrize("numbers,score", [
    (creator(Account(IG, 12_000, 3.0, True)), 100),
    (creator(Account(IG, 12_000, 3.0, False)), 75),  # 3 of 4: followers, engagement, tier
    (creator(Account(IG, 100, 0.5)), 33),  # tier only, of followers, engagement, tier
])
def test_the_fit_score_is_the_share_of_checks_met(numbers, score):
    assert fit_score(fit_checks(offer(), numbers)) == score
