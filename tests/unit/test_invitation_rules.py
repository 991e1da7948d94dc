"""The invitation rules: the lifecycle, what an invitation waives, and the daily limit."""

from datetime import datetime, timezone

import pytest

from influfinder.domain import invitations as rules
from influfinder.domain.eligibility import Account, CreatorNumbers, OfferConditions, evaluate
from influfinder.domain.enums import InvitationStatus, Platform
from influfinder.domain.offer_terms import Requirements
from influfinder.domain.transitions import OWNER, TransitionRefused

NOW = datetime(2026, 12, 6, 12, tzinfo=timezone.utc)


def verdict(min_tier=3, min_followers=5000, slots_left=1):
    conditions = OfferConditions(Requirements.model_validate({"regular": {"min_followers": min_followers}}),
                                 (Platform.INSTAGRAM,), min_tier, None, 2, slots_left)
    return evaluate(conditions, CreatorNumbers(0, (Account(Platform.INSTAGRAM, 800, 2.0),)), NOW)


def test_only_the_creator_accepts_or_declines_a_pending_invitation():
    assert rules.invitation_transition(InvitationStatus.PENDING, rules.ACCEPT, "creator") is InvitationStatus.ACCEPTED
    assert rules.invitation_transition(InvitationStatus.PENDING, rules.DECLINE, "creator") is InvitationStatus.DECLINED
    with pytest.raises(TransitionRefused, match="declined"):
        rules.invitation_transition(InvitationStatus.DECLINED, rules.ACCEPT, "creator")
    with pytest.raises(TransitionRefused):
        rules.invitation_transition(InvitationStatus.PENDING, rules.ACCEPT, OWNER)


def test_an_invite_only_offer_drops_its_tier_gate_but_not_the_audience_requirements():
    reasons = rules.reasons_after_waivers(verdict(), rules.waived_checks(invite_only=True, waive_requirements=False))
    assert len(reasons) == 1 and "followers" in reasons[0]


def test_waived_requirements_let_the_creator_past_the_audience_but_never_past_full_places():
    waived = rules.waived_checks(invite_only=True, waive_requirements=True)
    assert rules.reasons_after_waivers(verdict(), waived) == []
    assert rules.reasons_after_waivers(verdict(slots_left=0), waived) == ["Every place on this offer is taken."]


def test_a_public_offer_keeps_its_tier_gate_even_for_an_invited_creator():
    reasons = rules.reasons_after_waivers(verdict(), rules.waived_checks(invite_only=False, waive_requirements=True))
    assert len(reasons) == 1 and "tier" in reasons[0]


def test_the_daily_limit_refuses_the_invitation_past_the_limit():
    assert rules.limit_problem(rules.DAILY_INVITATION_LIMIT - 1) is None
    assert "20 invitations" in rules.limit_problem(rules.DAILY_INVITATION_LIMIT)
