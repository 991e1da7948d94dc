"""Karma and tiers against the brief's own formula ("Cálculo de Karma")."""

import pytest

from influfinder.domain.enums import Tier
from influfinder.domain.tiers import completions_for, standing


def brief_formula(completed_count: int) -> tuple[int, int]:
    """The brief's code, transcribed; its table puts 0 collaborations at NEWBIE with 0 karma."""
    if completed_count == 0:
        return 0, 0
    if completed_count <= 3:
        return 1, completed_count * 100
    if completed_count <= 10:
        return 2, 300 + (completed_count - 3) * 50
    if completed_count <= 25:
        return 3, 650 + (completed_count - 10) * 30
    if completed_count <= 50:
        return 4, 1100 + (completed_count - 25) * 20
    return 5, 2000 + (completed_count - 50) * 10


@pytest.mark.parametrize("completed", [0, 1, 3, 4, 10, 11, 25, 26, 50, 51, 100])
def test_tier_and_karma_match_the_brief(completed):
    result = standing(completed)
    assert (int(result.tier), result.karma) == brief_formula(completed)


@pytest.mark.parametrize(("completed", "tier"), [
    (0, Tier.NEWBIE), (3, Tier.EXPLORER), (10, Tier.PRO), (25, Tier.ELITE), (50, Tier.MASTER), (51, Tier.LEGEND),
])
def test_the_last_count_of_a_band_still_belongs_to_it(completed, tier):
    assert standing(completed).tier is tier


@pytest.mark.parametrize("completed", [0, 1, 3, 4, 10, 11, 25, 26, 50, 51, 100])
def test_progress_is_a_percentage_that_starts_at_zero_on_entering_a_tier(completed):
    result = standing(completed)
    assert 0.0 <= result.progress <= 100.0
    if completed == completions_for(result.tier) and result.tier is not Tier.LEGEND:
        assert result.progress == 0.0


def test_legend_is_complete():
    assert standing(100).progress == 100.0


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        standing(-1)
