"""/businesses/[slug]: a business's public profile: who it is, its open offers and what creators say."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.services import unit_of_work
from influfinder.services.business_profiles import BusinessProfile, public_business_profile
from influfinder.services.errors import ServiceError
from influfinder.state.auth import credentials
from influfinder.state.display import day, path_part
from influfinder.state.forms import FormState
from influfinder.state.offer_cards import OfferCard, offer_card


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

    @rx.event
    async def load(self):
        self.loading = True
        yield
        try:
            profile = await unit_of_work.acall(credentials(self), public_business_profile, path_part(self, 1))
        except ServiceError:
            profile = None
        except Exception:  # noqa: BLE001
            self._failed("reading a business profile")
            profile = None
        self.found = profile is not None
        if profile is not None:
            self._show(profile)
        self.loading = False

    def _show(self, profile: BusinessProfile) -> None:
        self.name, self.city, self.category = profile.name, profile.city, profile.category.title()
        self.website, self.bio, self.since = profile.website, profile.bio, f"{profile.member_since:%B %Y}"
        self.rating = f"{profile.rating:.1f}" if profile.rating is not None else ""
        self.rating_count, self.completed = profile.rating_count, profile.completed
        self.offers = [offer_card(o) for o in profile.offers]
        self.reviews = [BusinessReviewView(r.creator, f"/creators/{r.creator_username}", r.stars, r.text, day(r.on))
                        for r in profile.reviews]
