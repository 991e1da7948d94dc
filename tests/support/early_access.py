"""Letting the early-access day pass: PRO creators and up see a new offer 24 hours before others.

Tests where a lower-tier creator applies to a just-published offer move its publication back a
day and an hour, exactly what the clock would have done.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from sqlmodel import Session

from influfinder.domain.tier_benefits import EARLY_ACCESS
from influfinder.models import Offer

A_DAY_AGO = EARLY_ACCESS + timedelta(hours=1)


def released(db: Session, offer_id) -> None:
    """Make a published offer visible to every tier, as if it had been published a day ago."""
    offer = db.get(Offer, uuid.UUID(str(offer_id)))
    offer.published_at = datetime.now(timezone.utc) - A_DAY_AGO
    db.add(offer)
