"""Whether a creator may apply to an offer, and how well they fit it. Pure: numbers in, verdicts out.

Which requirement block applies: the brief gives an offer two audiences, "influencer" and
"regular". A creator counts as an **influencer** for an offer when any platform the offer asks
for (all three when it names none) has at least 10,000 followers (`INFLUENCER_FOLLOWERS`);
everyone else is held to the regular block. Only the offer's platforms count, so a big TikTok
audience neither helps nor hurts on an Instagram-only offer.

The audience checks are read on one account, as a business would: the creator's first account on
the offer's platforms that meets every number of the block (most followers first), or when none
does, the one with most followers. Followers on two platforms are never added up.

Verified beats typed (domain.verified_audience): an account's figures are the ones read from the
connected account when there are any, else the typed ones, and each check says which it used. An
offer whose influencer block asks for `verified` wants verified figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from influfinder.domain.enums import Platform, Tier
from influfinder.domain.labels import N_
from influfinder.domain.moments import as_utc, day_label
from influfinder.domain.offer_terms import AudienceRequirement, InfluencerRequirement, Requirements
from influfinder.domain.verified_audience import SELF_REPORTED, source_label

INFLUENCER_FOLLOWERS = 10_000
INFLUENCER = "influencer"
REGULAR = "regular"

PLATFORM_LABELS = {Platform.INSTAGRAM: "Instagram", Platform.TIKTOK: "TikTok", Platform.FACEBOOK: "Facebook"}


@dataclass(frozen=True)
class Account:
    """A creator's audience on one platform; engagement is a percentage (3.1 means 3.1%)."""

    platform: Platform
    followers: int = 0
    engagement: float = 0.0
    verified: bool = False  # the followers were read from the connected account, not typed
    engagement_verified: bool = False

    @property
    def source(self) -> str:
        """"Verified via Instagram" or "Self-reported": where the followers figure comes from."""
        return source_label(self.platform.value.lower()) if self.verified else SELF_REPORTED


def account_figures(platform: Platform, typed_followers: int, typed_engagement: float,
                    reading: dict | None) -> Account:
    """Verified beats typed: the connected account's reading when there is one, the typed figures else.
    A reading without engagement (Facebook Pages) keeps the typed engagement, marked self-reported."""
    if not reading:
        return Account(platform, typed_followers, typed_engagement)
    engagement = reading.get("engagement")
    return Account(platform, int(reading.get("followers") or 0),
                   typed_engagement if engagement is None else float(engagement),
                   verified=True, engagement_verified=engagement is not None)


@dataclass(frozen=True)
class CreatorNumbers:
    tier: int
    accounts: tuple[Account, ...]


@dataclass(frozen=True)
class OfferConditions:
    requirements: Requirements
    platforms: tuple[Platform, ...]
    min_tier: int
    application_deadline: datetime | None
    slots: int
    slots_left: int


class FitCheck(NamedTuple):
    label: str
    met: bool
    detail: str
    # The detail as a msgid and its values (numbers, tier levels, moments), so a page writes it in its
    # reader's language (influfinder.i18n.fit); `detail` is the English copy.
    words: tuple[str, dict] = ("", {})


@dataclass(frozen=True)
class Eligibility:
    audience: str  # INFLUENCER or REGULAR
    checks: list[FitCheck]
    reasons: list[str]  # empty when the creator may apply
    reason_words: list[tuple[str, dict]] = ()  # the reasons as msgids and values (influfinder.i18n.fit)

    @property
    def can_apply(self) -> bool:
        return not self.reasons


def relevant_accounts(creator: CreatorNumbers, platforms: tuple[Platform, ...]) -> list[Account]:
    wanted = set(platforms) or set(Platform)
    known = {a.platform: a for a in creator.accounts}
    accounts = [known.get(p, Account(p)) for p in Platform if p in wanted]
    return sorted(accounts, key=lambda a: a.followers, reverse=True)


def audience_of(creator: CreatorNumbers, platforms: tuple[Platform, ...]) -> str:
    accounts = relevant_accounts(creator, platforms)
    return INFLUENCER if any(a.followers >= INFLUENCER_FOLLOWERS for a in accounts) else REGULAR


def fit_checks(conditions: OfferConditions, creator: CreatorNumbers) -> list[FitCheck]:
    """The checks about the creator: audience numbers of the block that applies, then tier."""
    audience = audience_of(creator, conditions.platforms)
    block = conditions.requirements.influencer if audience == INFLUENCER else conditions.requirements.regular
    accounts = relevant_accounts(creator, conditions.platforms)
    account = next((a for a in accounts if _meets(a, block)), accounts[0])
    return [*_audience_checks(block, account), _tier_check(conditions.min_tier, creator.tier)]


def evaluate(conditions: OfferConditions, creator: CreatorNumbers, now: datetime) -> Eligibility:
    """Every check, and the reasons (one per unmet check) the creator cannot apply."""
    checks = fit_checks(conditions, creator)
    if conditions.application_deadline is not None:
        checks.append(_deadline_check(as_utc(conditions.application_deadline), as_utc(now)))
    checks.append(_slots_check(conditions.slots, conditions.slots_left))
    return Eligibility(
        audience=audience_of(creator, conditions.platforms),
        checks=checks,
        reasons=[_REASONS[c.label](c) for c in checks if not c.met],
        reason_words=[(_REASON_WORDS[c.label], {"detail": c.words}) for c in checks if not c.met],
    )


def fit_score(checks: list[FitCheck]) -> int:
    """Share of checks met, in percent; an offer that asks nothing fits everyone (100)."""
    return 100 if not checks else round(100 * sum(c.met for c in checks) / len(checks))


def _meets(account: Account, block: AudienceRequirement) -> bool:
    verified_ok = not getattr(block, "verified", False) or account.verified
    return account.followers >= block.min_followers and account.engagement >= block.min_engagement and verified_ok


def _audience_checks(block: AudienceRequirement, account: Account) -> list[FitCheck]:
    name = PLATFORM_LABELS[account.platform]
    followers_source = "verified" if account.verified else "self-reported"
    engagement_source = "verified" if account.engagement_verified else "self-reported"
    checks = []
    if block.min_followers:
        checks.append(FitCheck(FOLLOWERS, account.followers >= block.min_followers,
                               f"{account.followers:,} on {name} ({followers_source}); "
                               f"the offer asks for {block.min_followers:,}",
                               (N_("{have} on {platform} ({source}); the offer asks for {wanted}"),
                                {"have": account.followers, "platform": name, "source": source_words(account.verified),
                                 "wanted": block.min_followers})))
    if block.min_engagement:
        checks.append(FitCheck(ENGAGEMENT, account.engagement >= block.min_engagement,
                               f"{account.engagement:.1f}% on {name} ({engagement_source}); "
                               f"the offer asks for {block.min_engagement:.1f}%",
                               (N_("{have_percent} on {platform} ({source}); the offer asks for {wanted_percent}"),
                                {"have_percent": account.engagement, "platform": name,
                                 "source": source_words(account.engagement_verified),
                                 "wanted_percent": block.min_engagement})))
    if isinstance(block, InfluencerRequirement) and block.verified:
        detail = (f"Your {name} figures are {account.source.lower()}" if account.verified
                  else f"Your {name} figures are self-reported: connect {name} in Settings to verify them")
        words = (N_("Your {platform} figures are verified") if account.verified
                 else N_("Your {platform} figures are self-reported: connect {platform} in Settings to verify them"))
        checks.append(FitCheck(VERIFIED, account.verified, detail, (words, {"platform": name})))
    return checks


def source_words(verified: bool) -> tuple[str, dict]:
    """Where a figure comes from, as words a check holds (written in the reader's language)."""
    return (N_("verified") if verified else N_("self-reported")), {}


def _tier_check(min_tier: int, tier: int) -> FitCheck:
    wanted, have = Tier(min_tier).label, Tier(tier).label
    return FitCheck(TIER, tier >= min_tier, f"You are {have}; the offer is for {wanted} or higher",
                    (N_("You are {have_tier}; the offer is for {wanted_tier} or higher"),
                     {"have_tier": tier, "wanted_tier": min_tier}))


def _deadline_check(deadline: datetime, now: datetime) -> FitCheck:
    day = day_label(deadline)
    if now < deadline:
        return FitCheck(DEADLINE, True, f"Applications are open until {day}",
                        (N_("Applications are open until {day_at}"), {"day_at": deadline}))
    return FitCheck(DEADLINE, False, f"Applications closed on {day}",
                    (N_("Applications closed on {day_at}"), {"day_at": deadline}))


def _slots_check(slots: int, left: int) -> FitCheck:
    left = max(left, 0)
    return FitCheck(SLOTS, left > 0, f"{left} of {slots} places left",
                    (N_("{left} of {slots} places left"), {"left": left, "slots": slots}))


FOLLOWERS, ENGAGEMENT, VERIFIED = N_("Followers"), N_("Engagement"), N_("Verified figures")
TIER, DEADLINE, SLOTS = N_("Tier"), N_("Deadline"), N_("Places")

# One sentence per unmet check, built from its detail so the numbers are said once, the same way.
_REASONS = {
    FOLLOWERS: lambda c: f"You do not have enough followers: {c.detail}.",
    ENGAGEMENT: lambda c: f"Your engagement is too low: {c.detail}.",
    VERIFIED: lambda c: f"This offer asks for verified figures. {c.detail}.",
    TIER: lambda c: f"Your tier is below this offer's minimum. {c.detail}.",
    DEADLINE: lambda c: f"{c.detail}.",
    SLOTS: lambda c: "Every place on this offer is taken.",
}

_REASON_WORDS = {
    FOLLOWERS: N_("You do not have enough followers: {detail}."),
    ENGAGEMENT: N_("Your engagement is too low: {detail}."),
    VERIFIED: N_("This offer asks for verified figures. {detail}."),
    TIER: N_("Your tier is below this offer's minimum. {detail}."),
    DEADLINE: N_("{detail}."),
    SLOTS: N_("Every place on this offer is taken."),
}


# --- the total a profile shows, for Find creators ---------------------------------------------------

PLATFORM_NAMES = ((Platform.INSTAGRAM, "instagram"), (Platform.TIKTOK, "tiktok"), (Platform.FACEBOOK, "facebook"))


def audience_accounts(typed: dict[str, tuple[int, float]], readings: dict[str, dict] | None) -> tuple[Account, ...]:
    """Every platform's figures, verified beating typed (account_figures): `typed` maps "instagram" to the
    (followers, engagement) typed in Settings, `readings` is Profile.verified_audience."""
    readings = readings or {}
    return tuple(account_figures(platform, *typed.get(name, (0, 0.0)), readings.get(name))
                 for platform, name in PLATFORM_NAMES)


class AudienceTotal(NamedTuple):
    """What Find creators filters and sorts by (Profile.audience_followers and audience_verified)."""

    followers: int  # the total a profile shows: over platforms, the figure each one uses
    verified: bool  # at least one platform's figures come from a connected account


def audience_total(accounts: tuple[Account, ...]) -> AudienceTotal:
    return AudienceTotal(sum(account.followers for account in accounts), any(account.verified for account in accounts))


def audience_platforms(accounts: tuple[Account, ...], handles: dict[str, str | None]) -> tuple[str, ...]:
    """The platforms Find creators' platform filter finds a creator on ("instagram", ...): a handle or
    followers typed in Settings, or a connected account, whose reading is what makes the figures
    verified (account_figures): a Facebook Page connected without a typed handle counts."""
    names = dict(PLATFORM_NAMES)
    return tuple(names[a.platform] for a in accounts
                 if handles.get(names[a.platform]) or a.followers > 0 or a.verified)
