"""Periodic jobs, run by every backend process; each job is idempotent and safe to run concurrently."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600


def snapshot_today() -> None:
    """Today's platform figures (Analytics); the last round before midnight UTC closes the day."""
    from influfinder.database import session_scope
    from influfinder.services.admin_analytics import snapshot_analytics

    with session_scope() as db:
        snapshot_analytics(db, datetime.now(timezone.utc).date())


def saved_search_alerts() -> None:
    """A notification for each saved search with new matches since its last alert, a day ago or more."""
    from influfinder.database import session_scope
    from influfinder.services.saved_searches import send_alerts

    with session_scope() as db:
        sent = send_alerts(db)
    if sent:
        log.info("sent %d saved-search alerts", sent)


def hourly_round() -> None:
    from influfinder.services.ratings import run_periodic_jobs as complete_overdue

    completed = complete_overdue()
    if completed:
        log.info("completed %d collaborations whose rating was overdue", completed)
    snapshot_today()
    saved_search_alerts()


async def run_periodic_jobs(interval: float = EVERY_SECONDS) -> None:
    """Completes collaborations whose second rating is 7 days overdue, records the day's figures and
    sends the saved-search alerts."""
    while True:
        try:
            await asyncio.to_thread(hourly_round)
        except Exception:  # noqa: BLE001 - logged; the next round tries again
            log.exception("periodic jobs failed")
        await asyncio.sleep(interval)
