"""Where a collaboration stands as steps ahead: which step, who must act next, by when, and late.

    Accepted -> Visit scheduled -> Visited -> Content submitted -> In review -> Completed

The steps are the lifecycle's live states (domain/collaboration_lifecycle.py) in order. The rule is
pure: the page and the lists pass the collaboration's fields and the time now.

- Accepted: the creator proposes a visit date; nothing is late yet.
- Visit scheduled: the party who did not propose confirms the date; once confirmed the business
  marks the visit, by the visit day. The day after an unmarked visit it is overdue.
- Visited: the creator submits the content, by the offer's content deadline (late after it).
- Content submitted / In review: the business reviews; after approval both rate.
- Completed, cancelled or disputed: nobody acts (a dispute waits for the admins).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from influfinder.domain.collaboration_lifecycle import BUSINESS, CREATOR, schedule_turn
from influfinder.domain.enums import CollaborationStatus

STEPS = (
    CollaborationStatus.ACCEPTED, CollaborationStatus.SCHEDULED, CollaborationStatus.VISITED,
    CollaborationStatus.CONTENT_SUBMITTED, CollaborationStatus.IN_REVIEW, CollaborationStatus.COMPLETED,
)
VISIT_GRACE = timedelta(days=1)  # the business has the visit day to mark it
EITHER = "either"  # both parties act (rate each other)
ADMINS = "admins"  # a dispute: our team decides
NOBODY = ""

VISIT_OVERDUE = "visit_overdue"
CONTENT_LATE = "content_late"


@dataclass(frozen=True)
class StepState:
    step: int  # index in STEPS of the current step; -1 when the collaboration left the steps
    who: str  # CREATOR, BUSINESS, EITHER, ADMINS or NOBODY
    due: datetime | None  # by when the one who acts should have acted
    late: str | None  # VISIT_OVERDUE, CONTENT_LATE or None


@dataclass(frozen=True)
class StepFacts:
    status: CollaborationStatus
    proposed_by: str | None
    confirmed: bool
    scheduled_date: datetime | None
    content_deadline: datetime | None
    approved: bool


def step_state(facts: StepFacts, now: datetime) -> StepState:
    """The current step, who must act, by when, and whether it is late. Datetimes are aware."""
    status = facts.status
    if status is CollaborationStatus.DISPUTED:
        return StepState(-1, ADMINS, None, None)
    if status not in STEPS:  # cancelled
        return StepState(-1, NOBODY, None, None)
    step = STEPS.index(status)
    if status is CollaborationStatus.ACCEPTED:
        return StepState(step, CREATOR, None, None)
    if status is CollaborationStatus.SCHEDULED:
        if not facts.confirmed:
            return StepState(step, schedule_turn(facts.proposed_by, False) or EITHER, None, None)
        due = facts.scheduled_date
        late = VISIT_OVERDUE if due is not None and now > due + VISIT_GRACE else None
        return StepState(step, BUSINESS, due, late)
    if status is CollaborationStatus.VISITED:
        due = facts.content_deadline
        return StepState(step, CREATOR, due, CONTENT_LATE if due is not None and now > due else None)
    if status is CollaborationStatus.COMPLETED:
        return StepState(step, NOBODY, None, None)
    return StepState(step, EITHER if facts.approved else BUSINESS, None, None)
