"""The stepper's rule: which step a collaboration is on, who must act, by when, and whether it is late."""

from datetime import datetime, timedelta, timezone

import pytest

from influfinder.domain.collaboration_steps import (
    ADMINS, CONTENT_LATE, EITHER, NOBODY, VISIT_OVERDUE, StepFacts, step_state,
)
from influfinder.domain.enums import CollaborationStatus as S

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)


def facts(status: S, **extra) -> StepFacts:
    values = {"proposed_by": None, "confirmed": False, "scheduled_date": None, "content_deadline": None,
              "approved": False, **extra}
    return StepFacts(status=status, **values)


@pytest.mark.parametrize(("given", "step", "who"), [
    (facts(S.ACCEPTED), 0, "creator"),
    (facts(S.SCHEDULED, proposed_by="creator"), 1, "owner"),
    (facts(S.SCHEDULED, proposed_by="owner"), 1, "creator"),
    (facts(S.SCHEDULED, proposed_by="creator", confirmed=True, scheduled_date=NOW + timedelta(days=2)), 1, "owner"),
    (facts(S.VISITED), 2, "creator"),
    (facts(S.CONTENT_SUBMITTED), 3, "owner"),
    (facts(S.IN_REVIEW), 4, "owner"),
    (facts(S.IN_REVIEW, approved=True), 4, EITHER),
    (facts(S.COMPLETED), 5, NOBODY),
    (facts(S.DISPUTED), -1, ADMINS),
    (facts(S.CANCELLED), -1, NOBODY),
])
def test_the_step_and_who_acts(given, step, who):
    state = step_state(given, NOW)
    assert (state.step, state.who) == (step, who)


def test_a_confirmed_visit_is_due_on_its_date_and_overdue_the_day_after():
    visit = NOW - timedelta(hours=3)
    confirmed = facts(S.SCHEDULED, proposed_by="creator", confirmed=True, scheduled_date=visit)
    assert step_state(confirmed, NOW).due == visit
    assert step_state(confirmed, NOW).late is None  # the visit day: the business can still mark it
    assert step_state(confirmed, visit + timedelta(days=1, minutes=1)).late == VISIT_OVERDUE


def test_an_unconfirmed_date_in_the_past_is_not_an_overdue_visit():
    proposed = facts(S.SCHEDULED, proposed_by="creator", confirmed=False, scheduled_date=None)
    assert step_state(proposed, NOW + timedelta(days=30)).late is None


def test_content_is_late_after_the_offer_content_deadline():
    deadline = NOW - timedelta(minutes=1)
    assert step_state(facts(S.VISITED, content_deadline=deadline), NOW).late == CONTENT_LATE
    assert step_state(facts(S.VISITED, content_deadline=NOW + timedelta(days=1)), NOW).late is None
    assert step_state(facts(S.VISITED), NOW).late is None  # no deadline: never late
    # Once submitted the content is no longer late, whatever the date.
    assert step_state(facts(S.CONTENT_SUBMITTED, content_deadline=deadline), NOW).late is None
