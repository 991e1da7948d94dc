"""The daily refresh of connected accounts' figures, run by the hourly job runner (influfinder/scheduler.py).

Each due account is claimed (so two processes never read it twice), read from its provider outside
any transaction, then the outcome is written in a short one: a good reading becomes the day's
snapshot; a failure keeps the last good snapshot and schedules the next try with backoff (or after
the provider's Retry-After). Accounts whose access expired or was revoked wait for their owner.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import datetime, timedelta, timezone

from influfinder.database import session_scope
from influfinder.integrations import audience_api, oauth_providers
from influfinder.services import connected_accounts

log = logging.getLogger(__name__)

CLAIM_FOR = timedelta(minutes=15)  # long enough for one account's calls, short enough to retry a crash


def refresh_due(now: datetime | None = None) -> int:
    """Refresh every account whose turn has come; returns how many were read successfully."""
    now = now or datetime.now(timezone.utc)
    configured = [p.name for p in oauth_providers.enabled()]  # the others wait, untouched, until configured
    with session_scope() as db:
        due = connected_accounts.due_accounts(db, now, configured)
    return sum(refresh_account(account_id, now) for account_id in due)


def refresh_account(account_id: uuid.UUID, now: datetime) -> bool:
    with session_scope() as db:
        claimed = connected_accounts.claim(db, account_id, now, CLAIM_FOR)
    if claimed is None:
        return False
    provider_name, token = claimed
    provider = oauth_providers.get(provider_name)
    if provider is None:  # turned off between the listing and now: try again later
        return False
    try:
        reading = asyncio.run(audience_api.read(provider, token))
    except audience_api.AudienceError as error:
        log.info("refreshing %s account %s failed: %s", provider_name, account_id, error)
        with session_scope() as db:
            connected_accounts.record_failure(db, account_id, error, now)
        return False
    with session_scope() as db:
        connected_accounts.record_reading(db, account_id, reading, now)
    return True
