"""Invitations: a business invites a creator to one of its offers; the creator accepts or declines.

PENDING -> ACCEPTED (the creator applies through the invitation) or DECLINED, both by the creator.
An invitation lets the creator past what the business chose to open for them, nothing else:
- an invite-only offer (not public) takes no applications without an invitation, and for an invited
  creator it drops its minimum tier (the business picked this creator);
- the audience requirements (followers, engagement, verified account) hold unless the business
  waived them in the invitation;
- the deadline and the free places always hold.
A business sends at most DAILY_INVITATION_LIMIT invitations in any 24 hours.
"""

from __future__ import annotations

from datetime import timedelta

from influfinder.domain.eligibility import DEADLINE, ENGAGEMENT, FOLLOWERS, SLOTS, TIER, VERIFIED, Eligibility
from influfinder.domain.enums import InvitationStatus
from influfinder.domain.transitions import CREATOR, Lifecycle, move, transition

PENDING = InvitationStatus.PENDING
ACCEPTED = InvitationStatus.ACCEPTED
DECLINED = InvitationStatus.DECLINED
ACCEPT = "accept"
DECLINE = "decline"

DAILY_INVITATION_LIMIT = 20
LIMIT_WINDOW = timedelta(hours=24)
MAX_NOTE = 1000

INVITATION_LIFECYCLE = Lifecycle(
    noun="invitation",
    moves=(
        move(PENDING, ACCEPT, ACCEPTED, CREATOR),
        move(PENDING, DECLINE, DECLINED, CREATOR),
    ),
)

AUDIENCE_CHECKS = frozenset({FOLLOWERS, ENGAGEMENT, VERIFIED})
NEVER_WAIVED = frozenset({DEADLINE, SLOTS})


def invitation_transition(state: InvitationStatus, action: str, role: str) -> InvitationStatus:
    return transition(INVITATION_LIFECYCLE, state, action, role)  # type: ignore[return-value]


def waived_checks(invite_only: bool, waive_requirements: bool) -> frozenset[str]:
    """The fit checks an invitation lets the creator past (labels of domain.eligibility)."""
    waived = {TIER} if invite_only else set()
    if waive_requirements:
        waived |= AUDIENCE_CHECKS
    return frozenset(waived - NEVER_WAIVED)


def reasons_after_waivers(verdict: Eligibility, waived: frozenset[str]) -> list[str]:
    """The verdict's reasons (one per unmet check, in order) without those of the waived checks."""
    unmet = [c for c in verdict.checks if not c.met]
    return [reason for check, reason in zip(unmet, verdict.reasons) if check.label not in waived]


def reason_words_after_waivers(verdict: Eligibility, waived: frozenset[str]) -> list[tuple[str, dict]]:
    """The same reasons as words, (msgid, values), for the reader's language (i18n.fit.written)."""
    unmet = [c for c in verdict.checks if not c.met]
    return [words for check, words in zip(unmet, verdict.reason_words) if check.label not in waived]


def limit_problem(sent_in_window: int, limit: int = DAILY_INVITATION_LIMIT) -> str | None:
    """Why one more invitation cannot go out now, or None."""
    if sent_in_window >= limit:
        return (f"You sent {limit} invitations in the last 24 hours, the most a business may send. "
                "Try again later.")
    return None
