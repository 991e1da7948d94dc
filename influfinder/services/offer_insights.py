"""One offer's numbers for its owner (or an admin): the figures of services/metrics.py and its weeks.

Anyone else is told "not found", exactly as for an offer that does not exist: nothing is revealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from influfinder.models import Offer
from influfinder.services.actors import Actor
from influfinder.services.business_dashboard import Series, offer_series
from influfinder.services.metrics import OfferMetrics, offer_metrics


@dataclass(frozen=True)
class OfferInsights:
    offer_id: str
    title: str
    status: str
    metrics: OfferMetrics
    series: Series


def offer_insights(db: Session, actor: Actor | None, offer_id: object) -> OfferInsights:
    figures = offer_metrics(db, actor, offer_id)  # refuses anyone but the owner and admins
    offer = db.get(Offer, figures.offer_id)
    return OfferInsights(offer_id=str(offer.id), title=offer.title, status=offer.status.value, metrics=figures,
                         series=offer_series(db, [offer.id], figures.currency))
