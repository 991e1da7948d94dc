"""The collaboration lifecycle: one transition table (from, action, to, who may act).

    ACCEPTED --propose_visit (creator)--> SCHEDULED --mark_visited (business)--> VISITED
    VISITED --submit_content (creator)--> CONTENT_SUBMITTED --start_review (business)--> IN_REVIEW
    IN_REVIEW --request_changes (business)--> VISITED   (the creator submits a new version)
    IN_REVIEW --approve (business)--> IN_REVIEW, approved  --complete (system)--> COMPLETED
    any of the five live states --open_dispute (either party, with a reason)--> DISPUTED
    ACCEPTED or SCHEDULED --cancel (either party, with a reason)--> CANCELLED
    DISPUTED --resolve_completed / resolve_cancelled (admin)--> COMPLETED / CANCELLED

Who: "creator" is the collaboration's creator, "owner" its business (the generic table's word for
the offer's owner; BUSINESS below), "admin" a site admin, "system" the app itself (no person).

Two things live in fields rather than states, so the table stays small and the brief's state
names stay exactly the brief's:

- The schedule. SCHEDULED means "a visit date is on the table". Who proposed it is
  `proposed_by`; the other party confirms it (`schedule_confirmed_at` set, the visit code
  issued) or proposes another date (`counter_propose`: still SCHEDULED, the date changes and
  the party who must confirm flips; a confirmed date may be moved the same way, which
  unconfirms it and voids its code). `schedule_turn` below says whose move it is.
- The approval. `approve` keeps IN_REVIEW and sets `approved_at`; ratings open then, and the
  move to COMPLETED needs it. `check(..., approved=...)` enforces that: approve and
  request_changes only before approval, complete only after.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from influfinder.domain.enums import CollaborationStatus
from influfinder.domain.transitions import (
    ADMIN, CREATOR, OWNER, SYSTEM, Lifecycle, TransitionRefused, move, moves, transition,
)

BUSINESS = OWNER
PARTIES = (CREATOR, BUSINESS)

ACCEPTED = CollaborationStatus.ACCEPTED
SCHEDULED = CollaborationStatus.SCHEDULED
VISITED = CollaborationStatus.VISITED
CONTENT_SUBMITTED = CollaborationStatus.CONTENT_SUBMITTED
IN_REVIEW = CollaborationStatus.IN_REVIEW
COMPLETED = CollaborationStatus.COMPLETED
DISPUTED = CollaborationStatus.DISPUTED
CANCELLED = CollaborationStatus.CANCELLED

PROPOSE_VISIT = "propose_visit"
CONFIRM_VISIT = "confirm_visit"
COUNTER_PROPOSE = "counter_propose"
MARK_VISITED = "mark_visited"
SUBMIT_CONTENT = "submit_content"
START_REVIEW = "start_review"
REQUEST_CHANGES = "request_changes"
APPROVE = "approve"
COMPLETE = "complete"
OPEN_DISPUTE = "open_dispute"
CANCEL = "cancel"
RESOLVE_COMPLETED = "resolve_completed"
RESOLVE_CANCELLED = "resolve_cancelled"

FINAL = frozenset({COMPLETED, CANCELLED})
LIVE = (ACCEPTED, SCHEDULED, VISITED, CONTENT_SUBMITTED, IN_REVIEW)  # not final, not disputed
BEFORE_VISIT = (ACCEPTED, SCHEDULED)
REASON_REQUIRED = frozenset({OPEN_DISPUTE, CANCEL, RESOLVE_COMPLETED, RESOLVE_CANCELLED})
ONLY_BEFORE_APPROVAL = frozenset({APPROVE, REQUEST_CHANGES})
ONLY_AFTER_APPROVAL = frozenset({COMPLETE})
RATING_WINDOW = timedelta(days=7)  # after approval; then the system completes without the missing rating

COLLABORATION_LIFECYCLE = Lifecycle(
    noun="collaboration",
    moves=(
        move(ACCEPTED, PROPOSE_VISIT, SCHEDULED, CREATOR),
        move(SCHEDULED, CONFIRM_VISIT, SCHEDULED, *PARTIES),
        move(SCHEDULED, COUNTER_PROPOSE, SCHEDULED, *PARTIES),
        move(SCHEDULED, MARK_VISITED, VISITED, BUSINESS),
        move(VISITED, SUBMIT_CONTENT, CONTENT_SUBMITTED, CREATOR),
        move(CONTENT_SUBMITTED, START_REVIEW, IN_REVIEW, BUSINESS),
        move(IN_REVIEW, REQUEST_CHANGES, VISITED, BUSINESS),
        move(IN_REVIEW, APPROVE, IN_REVIEW, BUSINESS),
        move(IN_REVIEW, COMPLETE, COMPLETED, SYSTEM),
        *moves(LIVE, OPEN_DISPUTE, DISPUTED, *PARTIES),
        *moves(BEFORE_VISIT, CANCEL, CANCELLED, *PARTIES),
        move(DISPUTED, RESOLVE_COMPLETED, COMPLETED, ADMIN),
        move(DISPUTED, RESOLVE_CANCELLED, CANCELLED, ADMIN),
    ),
    verbs={
        PROPOSE_VISIT: "schedule a visit for", CONFIRM_VISIT: "confirm the visit of",
        COUNTER_PROPOSE: "propose another date for", MARK_VISITED: "mark as visited",
        SUBMIT_CONTENT: "submit content for", START_REVIEW: "review", REQUEST_CHANGES: "request changes to",
        OPEN_DISPUTE: "open a dispute on", RESOLVE_COMPLETED: "resolve as completed",
        RESOLVE_CANCELLED: "resolve as cancelled",
    },
)

__all__ = [
    "BUSINESS", "COLLABORATION_LIFECYCLE", "SYSTEM", "TransitionRefused", "check", "collaboration_transition",
    "schedule_turn", "visit_date_problem",
]


def collaboration_transition(state: CollaborationStatus, action: str, role: str) -> CollaborationStatus:
    """The table alone: where `action` by `role` leads from `state`, or TransitionRefused."""
    return transition(COLLABORATION_LIFECYCLE, state, action, role)  # type: ignore[return-value]


def check(state: CollaborationStatus, action: str, role: str, *, approved: bool) -> CollaborationStatus:
    """The table plus the approval field: what services ask before they write."""
    target = collaboration_transition(state, action, role)
    if approved and action in ONLY_BEFORE_APPROVAL:
        raise TransitionRefused("This content is already approved: what is left is rating each other.", "wrong_state")
    if not approved and action in ONLY_AFTER_APPROVAL:
        raise TransitionRefused("This collaboration cannot be completed before its content is approved.",
                                "wrong_state")
    return target


def schedule_turn(proposed_by: str | None, confirmed: bool) -> str | None:
    """Whose move it is on a proposed date: the party who did not propose it; None once confirmed."""
    if confirmed or proposed_by not in PARTIES:
        return None
    return BUSINESS if proposed_by == CREATOR else CREATOR


def visit_date_problem(when: datetime, now: datetime, content_deadline: datetime | None) -> str | None:
    """Why a proposed visit date cannot be used, or None. All datetimes are aware (UTC)."""
    if when <= now:
        return "Choose a date and time in the future."
    if content_deadline is not None and when > content_deadline:
        return f"Choose a date before the content deadline ({content_deadline:%d %b %Y %H:%M} UTC)."
    return None
