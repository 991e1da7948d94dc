"""Audience figures read from a connected Instagram, TikTok or Facebook account, against typed ones. Pure.

A creator types followers and engagement in Settings ("Self-reported"); connecting the account
imports the provider's own figures ("Verified via Instagram, updated 2 days ago"). Verified beats
typed: when a platform has verified figures they are the ones eligibility, "Your fit" and the
applicants list use, and a typed figure more than `DISAGREEMENT` (20 %) away from the verified one
is pointed out to its owner as overruled.

Engagement is the average of (likes + comments) per post over the latest posts the API returns
(at most `ENGAGEMENT_POSTS`), as a percentage of followers. TikTok's Display API gives totals only,
so there it is total likes / videos / followers. Facebook Pages give no per-post figures here: no
verified engagement, and the typed one (marked self-reported) stays in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from influfinder.domain.moments import as_utc

CONNECTABLE = ("instagram", "tiktok", "facebook")
LABELS = {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook"}
SELF_REPORTED = "Self-reported"  # an English msgid: influfinder/i18n/audience.py writes these for the reader
DISAGREEMENT = 0.20
ENGAGEMENT_POSTS = 30

# Refreshing: once a day when all is well; after a failure, wait longer each time (capped), or as long
# as the provider's Retry-After asks when that is longer.
REFRESH_EVERY = timedelta(days=1)
FIRST_RETRY = timedelta(hours=1)
LONGEST_RETRY = timedelta(days=2)

# Why the last refresh failed, and what its owner reads about it in Settings.
OK, EXPIRED, REVOKED, RATE_LIMITED, MALFORMED, UNAVAILABLE = (
    "ok", "expired", "revoked", "rate_limited", "malformed", "unavailable")
PROBLEMS = {
    EXPIRED: "{provider} says our access has expired. Connect {provider} again to keep your figures verified.",
    REVOKED: "{provider} no longer lets us read your account (access was removed). Connect it again to keep "
             "your figures verified.",
    RATE_LIMITED: "{provider} asked us to slow down. We will try again {retry}.",
    MALFORMED: "{provider} sent figures we could not read. We will try again {retry}.",
    UNAVAILABLE: "{provider} could not be reached. We will try again {retry}.",
}
# These stop the daily refresh until the owner connects again: retrying cannot help.
NEEDS_RECONNECT = (EXPIRED, REVOKED)


@dataclass(frozen=True)
class Figures:
    """One reading of an account, as the provider's API gave it."""

    handle: str
    display_name: str
    followers: int
    following: int | None
    posts: int
    provider_verified: bool  # the platform's own badge (blue tick), shown, never required
    engagement: float | None  # percent; None when the API gives no per-post counts


def engagement_per_post(followers: int, interactions: list[int]) -> float | None:
    """Average likes + comments per post over the latest posts, as a percentage of followers."""
    posts = interactions[:ENGAGEMENT_POSTS]
    if not posts or followers <= 0:
        return None
    return round(100 * sum(posts) / len(posts) / followers, 2)


def engagement_from_totals(followers: int, likes: int, videos: int) -> float | None:
    """TikTok: total likes spread over the videos, as a percentage of followers."""
    if followers <= 0 or videos <= 0:
        return None
    return round(100 * likes / videos / followers, 2)


def disagrees(typed: float, verified: float) -> bool:
    """A typed figure more than 20 % away from the verified one (a typed 0 means "not typed")."""
    if not typed:
        return False
    if not verified:
        return True
    return abs(typed - verified) / verified > DISAGREEMENT


def source_label(provider: str | None) -> str:
    return f"Verified via {LABELS[provider]}" if provider else SELF_REPORTED


def age_words(moment: datetime, now: datetime) -> str:
    """"today", "yesterday", "3 days ago": how old a reading is, in whole days."""
    days = (as_utc(now).date() - as_utc(moment).date()).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def verified_line(provider: str, taken_at: datetime, now: datetime) -> str:
    """"Verified via Instagram, updated 2 days ago"."""
    return f"{source_label(provider)}, updated {age_words(taken_at, now)}"


def retry_delay(failures: int, retry_after: timedelta | None = None) -> timedelta:
    """How long to wait after the n-th failure in a row: 1 h, 2 h, 4 h ... up to 2 days, or Retry-After."""
    backoff = min(FIRST_RETRY * (2 ** max(failures - 1, 0)), LONGEST_RETRY)
    return max(backoff, retry_after) if retry_after else backoff


def problem_message(kind: str, provider: str, next_attempt: datetime | None, now: datetime) -> str:
    """The sentence Settings shows about the last failed refresh; empty when the last one worked."""
    if kind not in PROBLEMS:
        return ""
    return PROBLEMS[kind].format(provider=LABELS[provider], retry=_retry_words(next_attempt, now))


def _retry_words(next_attempt: datetime | None, now: datetime) -> str:
    if next_attempt is None:
        return "later"
    minutes = max(1, round((as_utc(next_attempt) - as_utc(now)).total_seconds() / 60))
    if minutes < 90:
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    hours = round(minutes / 60)
    return f"in {hours} hours" if hours < 36 else f"in {round(hours / 24)} days"
