"""The /collaborations list tells each party what to do next, in the brief's words, or whom they wait for."""

from datetime import datetime, timezone

import pytest

from influfinder.services.collaboration_views import CollaborationRow
from influfinder.state.collaborations import _row, next_step

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


def row(status: str, role: str, *, confirmed: bool = False, awaiting_me: bool = False,
        late: str | None = None) -> CollaborationRow:
    return CollaborationRow(id="c", status=status, viewer_role=role, offer_id="o", offer_title="Brunch",
                            other_party="Café", proposed_date=NOW, scheduled_date=NOW if confirmed else None,
                            awaiting_me=awaiting_me, updated_at=NOW, late=late, late_who="owner" if late else None)


@pytest.mark.parametrize(("status", "role", "extra", "actions", "expected", "mine"), [
    ("ACCEPTED", "creator", {}, None, "Propose a visit date", True),
    ("ACCEPTED", "owner", {}, None, "Waiting for the creator to propose a visit date", False),
    ("SCHEDULED", "owner", {"awaiting_me": True}, None, "Confirm the visit", True),
    ("SCHEDULED", "creator", {}, None, "Waiting for the other party to confirm the date", False),
    ("SCHEDULED", "creator", {"confirmed": True}, None, "Show your visit code", True),
    ("SCHEDULED", "owner", {"confirmed": True}, None, "Mark visited", True),
    ("SCHEDULED", "creator", {"confirmed": True, "late": "visit_overdue"}, None,
     "Waiting for the business to mark the visit", False),
    ("SCHEDULED", "owner", {"confirmed": True, "late": "visit_overdue"}, None, "Mark visited", True),
    ("VISITED", "creator", {}, None, "Submit content", True),
    ("CONTENT_SUBMITTED", "owner", {}, None, "Review content", True),
    ("IN_REVIEW", "owner", {}, ["approve", "request_changes"], "Review content", True),
    ("IN_REVIEW", "creator", {}, ["open_dispute", "rate"], "Rate", True),
    ("IN_REVIEW", "owner", {}, ["open_dispute"], "Waiting for the other party's rating", False),
    ("COMPLETED", "creator", {}, None, "Completed", False),
])
def test_each_party_sees_its_own_next_step(status, role, extra, actions, expected, mine):
    step = next_step(row(status, role, **extra), actions)
    assert (step.text, step.mine) == (expected, mine)


@pytest.mark.parametrize(("late", "late_who", "role", "expected"), [
    ("visit_overdue", "owner", "creator", "The business must mark the visit"),
    ("visit_overdue", "owner", "owner", "You must mark the visit"),
    ("content_late", "creator", "creator", "You must submit the content"),
    ("content_late", "creator", "owner", "The creator must submit the content"),
])
def test_a_late_step_says_who_must_act_and_the_visit_reads_on_the_venues_clock(late, late_who, role, expected):
    status = "SCHEDULED" if late == "visit_overdue" else "VISITED"
    late_row = CollaborationRow(id="c", status=status, viewer_role=role, offer_id="o", offer_title="Brunch",
                                other_party="Café", proposed_date=NOW, scheduled_date=NOW, awaiting_me=False,
                                updated_at=NOW, late=late, late_who=late_who, venue_zone="America/Mexico_City")
    shown = _row(late_row, None, "Europe/Madrid")
    assert shown.late_who == expected
    if status == "SCHEDULED":  # 10:00 UTC is 04:00 in Mexico City, whatever the viewer's zone
        assert shown.when == "Visit Tue 1 Dec 2026, 04:00 (Mexico (Mexico City) Time)"
