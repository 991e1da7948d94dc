"""Karma and tiers, exactly by the brief's formula on completed collaborations."""

from dataclasses import dataclass

from influfinder.domain.enums import Tier

# (tier, first completion count of the tier, karma at that count's predecessor, karma per completion)
_BANDS: tuple[tuple[Tier, int, int, int], ...] = (
    (Tier.EXPLORER, 1, 0, 100),
    (Tier.PRO, 4, 300, 50),
    (Tier.ELITE, 11, 650, 30),
    (Tier.MASTER, 26, 1100, 20),
    (Tier.LEGEND, 51, 2000, 10),
)


@dataclass(frozen=True)
class Standing:
    tier: Tier
    karma: int
    progress: float  # percent toward the next tier, 100.0 at LEGEND


def standing(completed: int) -> Standing:
    """Tier, karma and progress for a number of completed collaborations."""
    if completed < 0:
        raise ValueError("completed collaborations cannot be negative")
    if completed == 0:
        return Standing(Tier.NEWBIE, 0, _progress(0, Tier.NEWBIE))
    tier, start, base, step = next(b for b in reversed(_BANDS) if completed >= b[1])
    karma = base + (completed - start + 1) * step
    return Standing(tier, karma, _progress(completed, tier))


def _progress(completed: int, tier: Tier) -> float:
    if tier is Tier.LEGEND:
        return 100.0
    this_start = completions_for(tier)
    next_start = completions_for(Tier(tier + 1))
    return round(100.0 * (completed - this_start) / (next_start - this_start), 1)


def completions_for(tier: Tier) -> int:
    """The fewest completed collaborations that reach a tier."""
    return 0 if tier is Tier.NEWBIE else _BANDS[tier - 1][1]
