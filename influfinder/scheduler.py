"""Periodic jobs, run by every backend process; each job is idempotent and safe to run concurrently."""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600


async def run_periodic_jobs(interval: float = EVERY_SECONDS) -> None:
    """Complete collaborations whose second rating is 7 days overdue, hourly, off the event loop."""
    from influfinder.services.ratings import run_periodic_jobs as complete_overdue

    while True:
        try:
            completed = await asyncio.to_thread(complete_overdue)
            if completed:
                log.info("completed %d collaborations whose rating was overdue", completed)
        except Exception:  # noqa: BLE001 - logged; the next round tries again
            log.exception("periodic jobs failed")
        await asyncio.sleep(interval)
