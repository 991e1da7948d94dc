"""The collaboration lifecycle table: every (state, action, role) is either a move below or refused."""

import itertools
from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain import collaboration_lifecycle as lc
from influfinder.domain.enums import CollaborationStatus as S
from influfinder.domain.transitions import TransitionRefused

C, B, A, SYS = "creator", "owner", "admin", "system"
ROLES = (C, B, A, SYS)
ACTIONS = (
    "propose_visit", "confirm_visit", "counter_propose", "mark_visited", "submit_content", "start_review",
    "request_changes", "approve", "complete", "open_dispute", "cancel", "resolve_completed", "resolve_cancelled",
)
LIVE = (S.ACCEPTED, S.SCHEDULED, S.VISITED, S.CONTENT_SUBMITTED, S.IN_REVIEW)

# Written out by hand from the brief, not derived from the code under test.
ALLOWED = {
    (S.ACCEPTED, "propose_visit", C): S.SCHEDULED,
    (S.SCHEDULED, "confirm_visit", C): S.SCHEDULED, (S.SCHEDULED, "confirm_visit", B): S.SCHEDULED,
    (S.SCHEDULED, "counter_propose", C): S.SCHEDULED, (S.SCHEDULED, "counter_propose", B): S.SCHEDULED,
    (S.SCHEDULED, "mark_visited", B): S.VISITED,
    (S.VISITED, "submit_content", C): S.CONTENT_SUBMITTED,
    (S.CONTENT_SUBMITTED, "start_review", B): S.IN_REVIEW,
    (S.IN_REVIEW, "request_changes", B): S.VISITED,
    (S.IN_REVIEW, "approve", B): S.IN_REVIEW,
    (S.IN_REVIEW, "complete", SYS): S.COMPLETED,
    **{(state, "open_dispute", who): S.DISPUTED for state in LIVE for who in (C, B)},
    **{(state, "cancel", who): S.CANCELLED for state in (S.ACCEPTED, S.SCHEDULED) for who in (C, B)},
    (S.DISPUTED, "resolve_completed", A): S.COMPLETED,
    (S.DISPUTED, "resolve_cancelled", A): S.CANCELLED,
}
EVERY_MOVE = list(itertools.product(S, ACTIONS, ROLES))


def test_the_table_has_exactly_the_moves_listed_here():
    listed = {(m.source, m.action, r): m.target for m in lc.COLLABORATION_LIFECYCLE.moves for r in m.roles}
    assert listed == ALLOWED


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m in ALLOWED])
def test_an_allowed_move_leads_where_the_brief_says(state, action, role):
    assert lc.collaboration_transition(state, action, role) is ALLOWED[(state, action, role)]


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m not in ALLOWED])
def test_every_other_move_is_refused_with_a_reason(state, action, role):
    with pytest.raises(TransitionRefused) as refused:
        lc.collaboration_transition(state, action, role)
    assert refused.value.message.endswith(".")
    state_allows_action = any(s == state and a == action for s, a, _ in ALLOWED)
    assert refused.value.kind == ("wrong_role" if state_allows_action else "wrong_state")


def test_an_unknown_action_is_refused():
    with pytest.raises(TransitionRefused) as refused:
        lc.collaboration_transition(S.ACCEPTED, "delete", C)
    assert refused.value.kind == "unknown_action"


@pytest.mark.parametrize("final", [S.COMPLETED, S.CANCELLED])
def test_nothing_leaves_a_final_state(final):
    assert lc.COLLABORATION_LIFECYCLE.allowed(final, C) == lc.COLLABORATION_LIFECYCLE.allowed(final, B) == []
    assert lc.COLLABORATION_LIFECYCLE.allowed(final, A) == lc.COLLABORATION_LIFECYCLE.allowed(final, SYS) == []


def test_a_refusal_names_the_state_it_found():
    with pytest.raises(TransitionRefused, match="You cannot cancel this collaboration: it is visited."):
        lc.collaboration_transition(S.VISITED, "cancel", C)


# ---- approval lives in a field ----------------------------------------------------------------


@pytest.mark.parametrize("action", ["approve", "request_changes"])
def test_approved_content_cannot_be_approved_or_sent_back_again(action):
    assert lc.check(S.IN_REVIEW, action, B, approved=False) in (S.IN_REVIEW, S.VISITED)
    with pytest.raises(TransitionRefused, match="already approved"):
        lc.check(S.IN_REVIEW, action, B, approved=True)


def test_completion_needs_approval_first():
    with pytest.raises(TransitionRefused, match="before its content is approved"):
        lc.check(S.IN_REVIEW, "complete", SYS, approved=False)
    assert lc.check(S.IN_REVIEW, "complete", SYS, approved=True) is S.COMPLETED


def test_a_dispute_stays_possible_after_approval():
    assert lc.check(S.IN_REVIEW, "open_dispute", C, approved=True) is S.DISPUTED


# ---- the schedule lives in fields -------------------------------------------------------------


@pytest.mark.parametrize("proposed_by,turn", [(C, B), (B, C)])
def test_the_party_who_did_not_propose_a_date_confirms_it(proposed_by, turn):
    assert lc.schedule_turn(proposed_by, confirmed=False) == turn
    assert lc.schedule_turn(proposed_by, confirmed=True) is None


def test_nobody_confirms_when_no_date_was_proposed():
    assert lc.schedule_turn(None, confirmed=False) is None


NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def test_a_visit_date_must_be_in_the_future_and_before_the_content_deadline():
    deadline = NOW + timedelta(days=10)
    assert lc.visit_date_problem(NOW + timedelta(days=2), NOW, deadline) is None
    assert lc.visit_date_problem(NOW + timedelta(days=2), NOW, None) is None
    assert lc.visit_date_problem(NOW, NOW, deadline) == "Choose a date and time in the future."
    assert lc.visit_date_problem(NOW - timedelta(minutes=1), NOW, None) == "Choose a date and time in the future."
    late = lc.visit_date_problem(NOW + timedelta(days=11), NOW, deadline)
    assert late == "Choose a date before the content deadline (11 Dec 2026 12:00 UTC)."
