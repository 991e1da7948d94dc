""""Recommended for you" (a creator's Browse and My progress) and "Suggested creators" (an offer's
applications page), each card with the reasons behind its place (domain/recommendations.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx

from influfinder.services import recommendations, unit_of_work
from influfinder.services.errors import ServiceError
from influfinder.state.auth import credentials, current_actor
from influfinder.state.creator_cards import CreatorCardView, creator_card_view
from influfinder.state.display import path_part
from influfinder.state.offer_cards import OfferCard, offer_card


@dataclass
class RecommendedCard:
    offer: OfferCard = field(default_factory=OfferCard)
    why: str = ""


@dataclass
class SuggestedCard:
    creator: CreatorCardView = field(default_factory=CreatorCardView)
    why: str = ""


class RecommendationsState(rx.State):
    offers: list[RecommendedCard] = []
    creators: list[SuggestedCard] = []

    @rx.event
    async def load_offers(self):
        """For a signed-in creator; anyone else sees no panel."""
        actor = current_actor(self)
        if actor is None or not actor.is_creator:
            self.offers = []
            return
        try:
            shown = await unit_of_work.acall(credentials(self), recommendations.recommended_offers)
        except (ServiceError, Exception):  # noqa: BLE001 - a panel beside the page never breaks it
            shown = []
        self.offers = [RecommendedCard(offer_card(r.offer), r.why) for r in shown]

    @rx.event
    async def load_creators(self):
        """For the offer in the URL (/my-offers/<offer_id>/applications); the service checks ownership."""
        try:
            shown = await unit_of_work.acall(credentials(self), recommendations.suggested_creators, path_part(self, 2))
        except (ServiceError, Exception):  # noqa: BLE001
            shown = []
        self.creators = [SuggestedCard(creator_card_view(s.creator), s.why) for s in shown]
