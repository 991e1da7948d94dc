"""The application lifecycle table: every (state, action, role) is either the move below or refused."""

import itertools

import pytest

from influfinder.domain.application_lifecycle import APPLICATION_LIFECYCLE, UNDECIDED, application_transition
from influfinder.domain.enums import ApplicationStatus
from influfinder.domain.transitions import ROLES, TransitionRefused

AP, UR = ApplicationStatus.APPLIED, ApplicationStatus.UNDER_REVIEW
OK, NO, WD = ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN
ACTIONS = ("open", "accept", "reject", "withdraw")

# The business (owner) opens and decides; the creator withdraws while undecided; admins only read.
ALLOWED = {
    (AP, "open", "owner"): UR,
    (AP, "accept", "owner"): OK, (UR, "accept", "owner"): OK,
    (AP, "reject", "owner"): NO, (UR, "reject", "owner"): NO,
    (AP, "withdraw", "creator"): WD, (UR, "withdraw", "creator"): WD,
}
EVERY_MOVE = list(itertools.product(ApplicationStatus, ACTIONS, sorted(ROLES)))


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m in ALLOWED])
def test_an_allowed_move_leads_where_the_product_says(state, action, role):
    assert application_transition(state, action, role) is ALLOWED[(state, action, role)]


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m not in ALLOWED])
def test_every_other_move_is_refused_with_a_reason(state, action, role):
    with pytest.raises(TransitionRefused) as refused:
        application_transition(state, action, role)
    assert refused.value.message.endswith(".")
    state_allows_action = any(s == state and a == action for s, a, _ in ALLOWED)
    assert refused.value.kind == ("wrong_role" if state_allows_action else "wrong_state")


@pytest.mark.parametrize("decided", [OK, NO, WD])
def test_a_decided_application_cannot_be_decided_again(decided):
    with pytest.raises(TransitionRefused, match=f"it is {decided.value.lower()}"):
        application_transition(decided, "accept", "owner")


def test_a_creator_cannot_accept_their_own_application():
    with pytest.raises(TransitionRefused, match="not allowed to accept"):
        application_transition(AP, "accept", "creator")


def test_the_states_a_decision_starts_from_are_the_undecided_ones():
    assert set(APPLICATION_LIFECYCLE.sources("accept")) == set(UNDECIDED)
    assert set(APPLICATION_LIFECYCLE.sources("withdraw")) == set(UNDECIDED)
    assert APPLICATION_LIFECYCLE.sources("open") == (AP,)


def test_the_table_has_exactly_the_moves_listed_here():
    listed = {(m.source, m.action, r): m.target for m in APPLICATION_LIFECYCLE.moves for r in m.roles}
    assert listed == ALLOWED
