"""Periodic jobs, run by every backend process; each job is idempotent and safe to run concurrently."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from influfinder.integrations.prometheus_metrics import PERIODIC_JOB_RUNS

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600


def snapshot_today() -> None:
    """Today's platform figures (Analytics); the last round before midnight UTC closes the day."""
    from influfinder.database import session_scope
    from influfinder.services.admin_analytics import snapshot_analytics

    with session_scope() as db:
        snapshot_analytics(db, datetime.now(timezone.utc).date())


def hourly_round() -> None:
    from influfinder.services.ratings import run_periodic_jobs as complete_overdue

    completed = complete_overdue()
    if completed:
        log.info("completed %d collaborations whose rating was overdue", completed)
    snapshot_today()


async def run_periodic_jobs(interval: float = EVERY_SECONDS) -> None:
    """Completes collaborations whose second rating is 7 days overdue and records the day's figures."""
    while True:
        try:
            await asyncio.to_thread(hourly_round)
            PERIODIC_JOB_RUNS.labels("ok").inc()
        except Exception:  # noqa: BLE001 - logged; the next round tries again
            PERIODIC_JOB_RUNS.labels("failed").inc()
            log.exception("periodic jobs failed")
        await asyncio.sleep(interval)
