"""The content submission table: the business reviews, approves or sends back; nobody else moves it."""

import itertools

import pytest

from influfinder.domain.enums import SubmissionStatus
from influfinder.domain.submission_lifecycle import (
    AWAITING_REVIEW, LABELS, SUBMISSION_LIFECYCLE, submission_transition,
)
from influfinder.domain.transitions import ROLES, TransitionRefused

SU, UR = SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW
OK, BACK = SubmissionStatus.APPROVED, SubmissionStatus.REJECTED
ACTIONS = ("start_review", "approve", "request_changes")

ALLOWED = {
    (SU, "start_review", "owner"): UR,
    (SU, "approve", "owner"): OK, (UR, "approve", "owner"): OK,
    (SU, "request_changes", "owner"): BACK, (UR, "request_changes", "owner"): BACK,
}
EVERY_MOVE = list(itertools.product(SubmissionStatus, ACTIONS, sorted(ROLES)))


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m in ALLOWED])
def test_an_allowed_move_leads_where_the_product_says(state, action, role):
    assert submission_transition(state, action, role) is ALLOWED[(state, action, role)]


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m not in ALLOWED])
def test_every_other_move_is_refused_with_a_reason(state, action, role):
    with pytest.raises(TransitionRefused) as refused:
        submission_transition(state, action, role)
    assert refused.value.message.endswith(".")
    state_allows_action = any(s == state and a == action for s, a, _ in ALLOWED)
    assert refused.value.kind == ("wrong_role" if state_allows_action else "wrong_state")


@pytest.mark.parametrize("decided", [OK, BACK])
def test_a_decided_version_cannot_be_decided_again(decided):
    for action in ("approve", "request_changes"):
        with pytest.raises(TransitionRefused, match=f"it is {decided.value.lower()}"):
            submission_transition(decided, action, "owner")


def test_decisions_start_from_the_versions_awaiting_review():
    assert set(SUBMISSION_LIFECYCLE.sources("approve")) == set(AWAITING_REVIEW)
    assert set(SUBMISSION_LIFECYCLE.sources("request_changes")) == set(AWAITING_REVIEW)


def test_a_sent_back_version_reads_as_changes_requested():
    assert LABELS[BACK] == "Changes requested" and set(LABELS) == set(SubmissionStatus)


def test_the_table_has_exactly_the_moves_listed_here():
    listed = {(m.source, m.action, r): m.target for m in SUBMISSION_LIFECYCLE.moves for r in m.roles}
    assert listed == ALLOWED
