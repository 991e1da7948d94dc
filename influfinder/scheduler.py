"""Periodic jobs, run by every backend process; each job is idempotent and safe to run concurrently."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from influfinder.integrations.prometheus_metrics import PERIODIC_JOB_RUNS

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600


def snapshot_today() -> None:
    """Today's platform figures (Analytics); the last round before midnight UTC closes the day. The
    days of the 30-day window before the first snapshot are computed once from the records."""
    from influfinder.database import session_scope
    from influfinder.services.admin_analytics import backfill_analytics, snapshot_analytics

    today = datetime.now(timezone.utc).date()
    with session_scope() as db:
        snapshot_analytics(db, today)
        backfill_analytics(db, today)


def saved_search_alerts() -> None:
    """A notification for each saved search with new matches since its last alert, a day ago or more."""
    from influfinder.database import session_scope
    from influfinder.services.saved_searches import send_alerts

    with session_scope() as db:
        sent = send_alerts(db)
    if sent:
        log.info("sent %d saved-search alerts", sent)


def forget_old_reputation() -> None:
    """Reputation figures are cached per day (services/reputation.py); earlier days are never read."""
    from influfinder.database import session_scope
    from influfinder.services.reputation import forget_old_days

    with session_scope() as db:
        forget_old_days(db, datetime.now(timezone.utc))


def collaboration_reminders() -> None:
    """Visits tomorrow and today, content late: each reminder once per collaboration (services/reminders.py)."""
    from influfinder.services.reminders import send_due

    sent = send_due()
    if sent:
        log.info("sent %d collaboration reminders", sent)


def hourly_round() -> None:
    from influfinder.services.ratings import run_periodic_jobs as complete_overdue

    completed = complete_overdue()
    if completed:
        log.info("completed %d collaborations whose rating was overdue", completed)
    snapshot_today()
    saved_search_alerts()
    collaboration_reminders()
    forget_old_reputation()
    from influfinder.services.audience_refresh import refresh_due

    refreshed = refresh_due()
    if refreshed:
        log.info("refreshed the figures of %d connected accounts", refreshed)


async def run_periodic_jobs(interval: float = EVERY_SECONDS) -> None:
    """Completes collaborations whose second rating is 7 days overdue, records the day's figures, sends
    the saved-search alerts and the collaborations' reminders, and refreshes connected accounts' audience figures once a day each."""
    while True:
        try:
            await asyncio.to_thread(hourly_round)
            PERIODIC_JOB_RUNS.labels("ok").inc()
        except Exception:  # noqa: BLE001 - logged; the next round tries again
            PERIODIC_JOB_RUNS.labels("failed").inc()
            log.exception("periodic jobs failed")
        await asyncio.sleep(interval)
