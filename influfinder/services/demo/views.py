"""Visitors looking at the demo's open offers, counted by the real view counter (once per visitor and day)."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from sqlmodel import Session

from influfinder import clock
from influfinder.domain.enums import OfferStatus
from influfinder.services.demo.offers import SEED, PlannedOffer
from influfinder.services.offer_view_counts import record_view, viewer_key


def record_views(db: Session, plans: list[PlannedOffer], offer_ids: list[uuid.UUID], now: datetime) -> None:
    rng = random.Random(SEED)
    for plan, offer_id in zip(plans, offer_ids):
        if plan.status is not OfferStatus.ACTIVE or not plan.is_public:
            continue
        open_days = max(1, (now - plan.published_at).days)
        for visitor in range(rng.randrange(3, 12)):
            seen = plan.published_at + timedelta(days=rng.randrange(open_days), hours=1)
            with clock.at(min(seen, now)):
                record_view(db, offer_id, viewer_key(None, f"198.51.100.{visitor}", "demo visitor"), seen.date())
