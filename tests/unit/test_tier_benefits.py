"""What each tier unlocks: application caps, early access, and the text of "My progress"."""

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain.enums import Tier
from influfinder.domain.tier_benefits import (
    benefits, cap_problem, completions_to_next, has_early_access, is_featured, next_tier, next_unlocks,
    open_application_cap, visible_from,
)

PUBLISHED = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("tier,cap", [
    (Tier.NEWBIE, 3), (Tier.EXPLORER, 10), (Tier.PRO, None), (Tier.ELITE, None), (Tier.MASTER, None),
    (Tier.LEGEND, None),
])
def test_open_applications_are_capped_at_3_for_newbies_and_10_for_explorers(tier, cap):
    assert open_application_cap(tier) == cap
    assert open_application_cap(int(tier)) == cap


def test_the_cap_refuses_the_fourth_open_application_of_a_newbie_with_a_reason():
    assert cap_problem(Tier.NEWBIE, 2) is None
    problem = cap_problem(Tier.NEWBIE, 3)
    assert problem and problem.startswith("Newbie creators can have 3 open applications at a time.")
    assert cap_problem(Tier.EXPLORER, 9) is None and cap_problem(Tier.EXPLORER, 10)
    assert cap_problem(Tier.PRO, 500) is None


@pytest.mark.parametrize("tier,delay", [
    (Tier.NEWBIE, 24), (Tier.EXPLORER, 24), (Tier.PRO, 0), (Tier.ELITE, 0), (Tier.MASTER, 0), (Tier.LEGEND, 0),
])
def test_pro_and_above_see_new_offers_24_hours_before_lower_tiers(tier, delay):
    assert visible_from(PUBLISHED, tier) == PUBLISHED + timedelta(hours=delay)
    assert has_early_access(tier) is (delay == 0)


def test_only_legends_are_featured():
    assert [t for t in Tier if is_featured(t)] == [Tier.LEGEND]


def test_my_progress_says_what_the_next_tier_unlocks():
    assert next_tier(Tier.NEWBIE) is Tier.EXPLORER
    assert "Up to 10 open applications at a time." in next_unlocks(Tier.NEWBIE)
    assert any("24 hours before" in line for line in next_unlocks(Tier.EXPLORER))
    assert any("Featured first" in line for line in next_unlocks(Tier.MASTER))
    assert next_tier(Tier.LEGEND) is None and next_unlocks(Tier.LEGEND) == []
    assert benefits(Tier.PRO) == next_unlocks(Tier.EXPLORER)


@pytest.mark.parametrize("tier,completed,left", [
    (Tier.NEWBIE, 0, 1), (Tier.EXPLORER, 1, 3), (Tier.EXPLORER, 3, 1), (Tier.PRO, 4, 7), (Tier.ELITE, 25, 1),
    (Tier.MASTER, 50, 1), (Tier.LEGEND, 51, None),
])
def test_completions_still_needed_for_the_next_tier(tier, completed, left):
    assert completions_to_next(tier, completed) == left
