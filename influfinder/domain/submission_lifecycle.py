"""The content submission lifecycle: SUBMITTED -> UNDER_REVIEW -> APPROVED or REJECTED.

"owner" is the collaboration's business. REJECTED is what the brief calls it; people see
"Changes requested": the business sent the version back with notes, the collaboration returns
to VISITED and the creator submits a new version (a new row; this one stays as it is).
The business may decide straight from SUBMITTED: the service then starts the review first.
Creating a submission is not a move: the collaboration's own table (submit_content) rules it.
"""

from __future__ import annotations

from influfinder.domain.enums import SubmissionStatus
from influfinder.domain.transitions import OWNER, Lifecycle, TransitionRefused, move, moves, transition

SUBMITTED = SubmissionStatus.SUBMITTED
UNDER_REVIEW = SubmissionStatus.UNDER_REVIEW
APPROVED = SubmissionStatus.APPROVED
REJECTED = SubmissionStatus.REJECTED

START_REVIEW = "start_review"
APPROVE = "approve"
REQUEST_CHANGES = "request_changes"

# Waiting for the business: the states a decision can start from.
AWAITING_REVIEW = (SUBMITTED, UNDER_REVIEW)

SUBMISSION_LIFECYCLE = Lifecycle(
    noun="submission",
    moves=(
        move(SUBMITTED, START_REVIEW, UNDER_REVIEW, OWNER),
        *moves(AWAITING_REVIEW, APPROVE, APPROVED, OWNER),
        *moves(AWAITING_REVIEW, REQUEST_CHANGES, REJECTED, OWNER),
    ),
    verbs={START_REVIEW: "review", REQUEST_CHANGES: "request changes to"},
)

# What people read for each status.
LABELS = {
    SUBMITTED: "Submitted",
    UNDER_REVIEW: "In review",
    APPROVED: "Approved",
    REJECTED: "Changes requested",
}

__all__ = [
    "APPROVE", "APPROVED", "AWAITING_REVIEW", "LABELS", "REJECTED", "REQUEST_CHANGES", "START_REVIEW",
    "SUBMISSION_LIFECYCLE", "SUBMITTED", "UNDER_REVIEW", "TransitionRefused", "submission_transition",
]


def submission_transition(state: SubmissionStatus, action: str, role: str) -> SubmissionStatus:
    return transition(SUBMISSION_LIFECYCLE, state, action, role)  # type: ignore[return-value]
