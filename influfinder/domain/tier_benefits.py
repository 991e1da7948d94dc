"""What each tier gives a creator, as pure rules the services enforce.

- Open applications (APPLIED or UNDER_REVIEW at once): 3 for NEWBIE, 10 for EXPLORER, no cap above.
- Early access: PRO and above see a newly published offer at once; lower tiers 24 hours later.
- Offers with a minimum tier are open from that tier up (domain/eligibility.py checks it).
- LEGEND creators are featured first where businesses look for creators.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from influfinder.domain.enums import Tier
from influfinder.domain.tiers import completions_for

OPEN_APPLICATION_CAPS: dict[Tier, int] = {Tier.NEWBIE: 3, Tier.EXPLORER: 10}
EARLY_ACCESS = timedelta(hours=24)
EARLY_ACCESS_FROM = Tier.PRO
FEATURED_TIER = Tier.LEGEND

_UNLOCKS: dict[Tier, tuple[str, ...]] = {
    Tier.NEWBIE: ("Up to 3 open applications at a time.", "Offers open to every tier."),
    Tier.EXPLORER: ("Up to 10 open applications at a time.", "Offers for Explorer creators and up."),
    Tier.PRO: ("No limit on open applications.", "See new offers 24 hours before Newbie and Explorer creators.",
               "Offers for Pro creators and up."),
    Tier.ELITE: ("Offers for Elite creators and up.",),
    Tier.MASTER: ("Offers for Master creators and up.",),
    Tier.LEGEND: ("Featured first where businesses look for creators.", "Offers for Legend creators."),
}


def as_tier(tier: Tier | int) -> Tier:
    return tier if isinstance(tier, Tier) else Tier(tier)


def open_application_cap(tier: Tier | int) -> int | None:
    """How many undecided applications a creator may have at once; None means no cap."""
    return OPEN_APPLICATION_CAPS.get(as_tier(tier))


def cap_problem(tier: Tier | int, open_applications: int) -> str | None:
    """Why one more application is refused, or None."""
    cap = open_application_cap(tier)
    if cap is None or open_applications < cap:
        return None
    return (f"{as_tier(tier).label} creators can have {cap} open applications at a time. Wait for a decision "
            "or withdraw one; completing collaborations raises your tier and the limit.")


def visible_from(published_at: datetime, tier: Tier | int) -> datetime:
    """When a creator of `tier` first sees an offer published at `published_at`."""
    return published_at if has_early_access(tier) else published_at + EARLY_ACCESS


def has_early_access(tier: Tier | int) -> bool:
    return as_tier(tier) >= EARLY_ACCESS_FROM


def is_featured(tier: Tier | int) -> bool:
    return as_tier(tier) is FEATURED_TIER


def benefits(tier: Tier | int) -> list[str]:
    """What reaching `tier` unlocked: the lines of its badge."""
    return list(_UNLOCKS[as_tier(tier)])


def next_tier(tier: Tier | int) -> Tier | None:
    tier = as_tier(tier)
    return None if tier is Tier.LEGEND else Tier(tier + 1)


def next_unlocks(tier: Tier | int) -> list[str]:
    """What reaching the next tier unlocks: the text of a "My progress" page. Empty at LEGEND."""
    following = next_tier(tier)
    return [] if following is None else list(_UNLOCKS[following])


def completions_to_next(tier: Tier | int, completed: int) -> int | None:
    """Completed collaborations still needed for the next tier; None at LEGEND."""
    following = next_tier(tier)
    return None if following is None else max(0, completions_for(following) - completed)
