"""Which reminders a collaboration is due now: the day before its visit, on the visit day, and when
its content is late. Pure: the job (services/reminders.py) passes the facts, the venue's zone and now.

Days are the venue's days: a visit on Friday 10:00 in Mexico City is reminded on Thursday there,
whatever the server's clock says. A reminder is due only while it still makes sense (no "your visit
is tomorrow" once the visit day has come); the job sends each kind once per collaboration.

- DAY_BEFORE: the visit is confirmed and tomorrow on the venue's calendar, from 09:00 there.
- VISIT_DAY: the visit is confirmed and today on the venue's calendar, from 07:00 there (or two
  hours before an earlier visit), until the visit's time.
- CONTENT_LATE: the visit is marked and the offer's content deadline has passed (the stepper's
  "Content late", domain/collaboration_steps.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from influfinder.domain.collaboration_steps import CONTENT_LATE as _LATE_STEP, StepFacts, step_state
from influfinder.domain.enums import CollaborationStatus

DAY_BEFORE = "visit_day_before"
VISIT_DAY = "visit_day"
CONTENT_LATE = "content_late"
KINDS = (DAY_BEFORE, VISIT_DAY, CONTENT_LATE)

DAY_BEFORE_FROM = time(9, 0)  # nobody wants "your visit is tomorrow" at 00:05
VISIT_DAY_FROM = time(7, 0)
EARLY_VISIT_NOTICE = timedelta(hours=2)


@dataclass(frozen=True)
class ReminderFacts:
    status: CollaborationStatus
    confirmed: bool
    visit: datetime | None  # the confirmed visit, aware
    content_deadline: datetime | None  # the offer's, aware


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def _visit_reminder(visit: datetime, now: datetime, zone: str) -> str | None:
    if now >= visit:
        return None
    here, there = _local(now, zone), _local(visit, zone)
    if there.date() - here.date() == timedelta(days=1) and here.time() >= DAY_BEFORE_FROM:
        return DAY_BEFORE
    if there.date() == here.date() and (here.time() >= VISIT_DAY_FROM or now >= visit - EARLY_VISIT_NOTICE):
        return VISIT_DAY
    return None


def reminder_due(facts: ReminderFacts, now: datetime, zone: str) -> str | None:
    """The kind of reminder due now (DAY_BEFORE, VISIT_DAY or CONTENT_LATE), or None. `zone` is the
    venue's IANA zone; datetimes are aware."""
    if facts.status is CollaborationStatus.SCHEDULED and facts.confirmed and facts.visit is not None:
        return _visit_reminder(facts.visit, now, zone)
    if facts.status is CollaborationStatus.VISITED:
        steps = step_state(StepFacts(facts.status, None, facts.confirmed, facts.visit, facts.content_deadline,
                                     False), now)
        return CONTENT_LATE if steps.late == _LATE_STEP else None
    return None
