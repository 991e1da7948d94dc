"""The application lifecycle: APPLIED -> UNDER_REVIEW -> ACCEPTED or REJECTED, or WITHDRAWN.

"owner" is the business that owns the offer, "creator" the creator who applied. Opening an
application moves it to UNDER_REVIEW; the business may also decide straight from the list.
Admins read applications but never decide them: the decision is the business's.
Creating an application is not a move (there is no state before it): eligibility rules it.
"""

from __future__ import annotations

from influfinder.domain.enums import ApplicationStatus
from influfinder.domain.transitions import CREATOR, OWNER, Lifecycle, TransitionRefused, move, moves, transition

APPLIED = ApplicationStatus.APPLIED
UNDER_REVIEW = ApplicationStatus.UNDER_REVIEW
ACCEPTED = ApplicationStatus.ACCEPTED
REJECTED = ApplicationStatus.REJECTED
WITHDRAWN = ApplicationStatus.WITHDRAWN

OPEN = "open"
ACCEPT = "accept"
REJECT = "reject"
WITHDRAW = "withdraw"

# Still waiting for the business: the states a decision or a withdrawal can start from.
UNDECIDED = (APPLIED, UNDER_REVIEW)

APPLICATION_LIFECYCLE = Lifecycle(
    noun="application",
    moves=(
        move(APPLIED, OPEN, UNDER_REVIEW, OWNER),
        *moves(UNDECIDED, ACCEPT, ACCEPTED, OWNER),
        *moves(UNDECIDED, REJECT, REJECTED, OWNER),
        *moves(UNDECIDED, WITHDRAW, WITHDRAWN, CREATOR),
    ),
)

__all__ = [
    "ACCEPT", "ACCEPTED", "APPLICATION_LIFECYCLE", "APPLIED", "OPEN", "REJECT", "REJECTED", "UNDECIDED",
    "UNDER_REVIEW", "WITHDRAW", "WITHDRAWN", "TransitionRefused", "application_transition", "transition",
]


def application_transition(state: ApplicationStatus, action: str, role: str) -> ApplicationStatus:
    return transition(APPLICATION_LIFECYCLE, state, action, role)  # type: ignore[return-value]

