""""Recommended for you" (a creator's Browse and My progress) and "Suggested creators" (an offer's
applications page), each card with the reasons behind its place (domain/recommendations.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx

from influfinder.services import recommendations
from influfinder.services.actors import acting
from influfinder.state.creator_cards import CreatorCardView, creator_card_view
from influfinder.state.display import path_part
from influfinder.state.forms import FormState
from influfinder.state.offer_cards import OfferCard, offer_card
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service


@dataclass
class RecommendedCard:
    offer: OfferCard = field(default_factory=OfferCard)
    why: str = ""


@dataclass
class SuggestedCard:
    creator: CreatorCardView = field(default_factory=CreatorCardView)
    why: str = ""


class RecommendationsState(FormState, rx.State):
    offers: list[RecommendedCard] = []
    creators: list[SuggestedCard] = []

    @rx.event
    @service_handler("recommending offers", public=True)
    async def load_offers(self):
        """For a signed-in creator; anyone else (Browse is public) sees no panel."""
        self.offers = []
        actor = await call_service(self, acting)
        if actor is None or not actor.is_creator:
            return
        shown = await try_service(self, recommendations.recommended_offers)
        self.offers = [] if shown is REFUSED else [RecommendedCard(offer_card(r.offer), r.why) for r in shown]

    @rx.event
    @service_handler("suggesting creators")
    async def load_creators(self):
        """For the offer in the URL (/my-offers/<offer_id>/applications); the service checks ownership."""
        shown = await try_service(self, recommendations.suggested_creators, path_part(self, 2))
        self.creators = [] if shown is REFUSED else [SuggestedCard(creator_card_view(s.creator), s.why) for s in shown]
