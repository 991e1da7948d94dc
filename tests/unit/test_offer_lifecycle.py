"""The offer lifecycle table: every (state, action, role) is either the move below or refused with a reason."""

import itertools

import pytest

from influfinder.domain.enums import OfferStatus
from influfinder.domain.offer_lifecycle import OFFER_LIFECYCLE, offer_transition
from influfinder.domain.transitions import ROLES, TransitionRefused

D, A, P, X = OfferStatus.DRAFT, OfferStatus.ACTIVE, OfferStatus.PAUSED, OfferStatus.ARCHIVED
ACTIONS = ("edit", "publish", "pause", "resume", "archive")

# Written out again here, on purpose: the product's rules as a reader states them.
ALLOWED = {
    (D, "edit", "owner"): D, (A, "edit", "owner"): A, (P, "edit", "owner"): P,
    (D, "publish", "owner"): A,
    (A, "pause", "owner"): P, (A, "pause", "admin"): P,
    (P, "resume", "owner"): A,
    (D, "archive", "owner"): X, (A, "archive", "owner"): X, (P, "archive", "owner"): X,
    (D, "archive", "admin"): X, (A, "archive", "admin"): X, (P, "archive", "admin"): X,
}
EVERY_MOVE = list(itertools.product(OfferStatus, ACTIONS, sorted(ROLES)))


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m in ALLOWED])
def test_an_allowed_move_leads_where_the_product_says(state, action, role):
    assert offer_transition(state, action, role) is ALLOWED[(state, action, role)]


@pytest.mark.parametrize("state,action,role", [m for m in EVERY_MOVE if m not in ALLOWED])
def test_every_other_move_is_refused_with_a_reason(state, action, role):
    with pytest.raises(TransitionRefused) as refused:
        offer_transition(state, action, role)
    assert refused.value.message.endswith(".")
    state_allows_action = any(s == state and a == action for s, a, _ in ALLOWED)
    assert refused.value.kind == ("wrong_role" if state_allows_action else "wrong_state")


def test_an_archived_offer_cannot_be_edited_and_the_reason_says_so():
    with pytest.raises(TransitionRefused, match="You cannot edit this offer: it is archived."):
        offer_transition(X, "edit", "owner")


def test_an_admin_may_not_publish_for_a_business():
    with pytest.raises(TransitionRefused, match="not allowed to publish"):
        offer_transition(D, "publish", "admin")


def test_an_unknown_action_is_refused():
    with pytest.raises(TransitionRefused) as refused:
        offer_transition(A, "delete", "owner")
    assert refused.value.kind == "unknown_action"


def test_the_buttons_a_page_shows_follow_the_table():
    assert OFFER_LIFECYCLE.allowed(D, "owner") == ["edit", "publish", "archive"]
    assert OFFER_LIFECYCLE.allowed(A, "admin") == ["pause", "archive"]
    assert OFFER_LIFECYCLE.allowed(X, "owner") == []
    assert OFFER_LIFECYCLE.allowed(A, "creator") == []


def test_the_table_has_exactly_the_moves_listed_here():
    listed = {(m.source, m.action, r): m.target for m in OFFER_LIFECYCLE.moves for r in m.roles}
    assert listed == ALLOWED
