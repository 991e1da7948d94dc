"""/businesses/[slug]: a business's public profile: who it is, its open offers and what creators say."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import formats

from influfinder.services.business_profiles import BusinessProfile, public_business_profile
from influfinder.state.display import day, path_part, rating
from influfinder.state.forms import FormState
from influfinder.state.offer_cards import OfferCard, offer_card
from influfinder.state.service_handler import REFUSED, service_handler, try_service
from influfinder.i18n.routes import page_href


@dataclass
class BusinessReviewView:
    creator: str = ""
    href: str = ""
    stars: int = 0
    text: str = ""
    on: str = ""


class BusinessProfileState(FormState, rx.State):
    name: str = ""
    city: str = ""
    category: str = ""
    website: str = ""
    bio: str = ""
    rating: str = ""
    rating_count: int = 0
    completed: int = 0
    since: str = ""
    offers: list[OfferCard] = []
    reviews: list[BusinessReviewView] = []
    found: bool = False
    loading: bool = True
    badges: list[str] = []  # reputation: "Top rated", "Reliable", ...

    @rx.event
    @service_handler("reading a business profile", public=True)
    async def load(self):
        self.loading = True
        yield
        try:
            profile = await try_service(self, public_business_profile, path_part(self, 1))
            self._reset_errors()  # "not found" is the page itself
            self.found = profile is not REFUSED
            if profile is not REFUSED:
                self._show(profile)
        finally:
            self.loading = False

    def _show(self, profile: BusinessProfile) -> None:
        self.name, self.city, self.category = profile.name, profile.city, profile.category.title()
        self.website, self.bio, self.since = profile.website, profile.bio, formats.month(profile.member_since)
        self.rating = rating(profile.rating)
        self.rating_count, self.completed = profile.rating_count, profile.completed
        self.badges = list(profile.badges)
        self.offers = [offer_card(o) for o in profile.offers]
        self.reviews = [BusinessReviewView(r.creator, page_href(f"/creators/{r.creator_username}"), r.stars, r.text, day(r.on))
                        for r in profile.reviews]
