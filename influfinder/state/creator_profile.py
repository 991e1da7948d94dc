"""/creators/[username]: a creator's public media kit (a business invites from here: state/invite.py);
the creator sets whether the profile shows in Find creators and whether they are available."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import formats
from influfinder.i18n.language import current_language
from influfinder.i18n.profile_summary import summary_line
from influfinder.i18n.routes import localized

from influfinder.services import creator_profiles
from influfinder.services.actors import acting
from influfinder.services.creator_profiles import CreatorProfile
from influfinder.state.auth import backend_url
from influfinder.state.creator_cards import CreatorCardView, creator_card_view
from influfinder.state.display import day, path_part
from influfinder.state.forms import FormState, form_flag
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service

SAVED = "Saved."


@dataclass
class ReviewView:
    business: str = ""
    stars: int = 0
    text: str = ""
    offer_title: str = ""
    on: str = ""


class CreatorProfileState(FormState, rx.State):
    creator: CreatorCardView = CreatorCardView()
    reviews: list[ReviewView] = []
    since: str = ""
    found: bool = False
    loading: bool = True
    is_own: bool = False
    hidden_from_search: bool = False
    can_invite: bool = False  # a business viewing: the Invite button (state/invite.py)
    notice: str = ""
    og_description: str = ""
    share_url: str = ""  # the link whose preview shows this creator (api/share_routes.py)
    badges: list[str] = []  # reputation: "Top rated", "Reliable", ...

    @rx.event
    @service_handler("reading a creator profile", public=True)
    async def load(self):
        self.loading, self.notice = True, ""
        self._reset_errors()
        yield
        try:
            actor = await call_service(self, acting)
            profile = await try_service(self, creator_profiles.public_creator_profile, path_part(self, 1))
            profile = None if profile is REFUSED else profile
            self._reset_errors()  # "not found" is the page itself, not a message above it
            self.found = profile is not None
            self._show(profile)
            self.can_invite = bool(profile and actor and actor.is_business)
        finally:
            self.loading = False

    def _show(self, profile: CreatorProfile | None) -> None:
        if profile is None:
            self.creator, self.reviews, self.since, self.is_own, self.og_description = CreatorCardView(), [], "", False, ""
            self.badges = []
            return
        self.badges = list(profile.badges)
        self.creator = creator_card_view(profile.card)
        self.reviews = [ReviewView(r.business, r.stars, r.text, r.offer_title, day(r.on)) for r in profile.reviews]
        self.since = formats.month(profile.member_since)
        self.is_own, self.hidden_from_search = profile.is_own, profile.hidden_from_search
        self.og_description = summary_line(profile)
        # The preview speaks the page's language: /share/... (Spanish) or /en/share/... (api/share_routes.py).
        self.share_url = backend_url(localized(f"/share/creators/{profile.card.username}", current_language()))

    @rx.event
    @service_handler("saving profile visibility")
    async def save_visibility(self, form: dict):
        """The creator's own switches (the service acts on the signed-in creator only)."""
        self._reset_errors()
        hidden, available = form_flag(form, "hidden_from_search"), form_flag(form, "available")
        await call_service(self, creator_profiles.set_visibility, hidden, available)
        self.hidden_from_search, self.notice = hidden, SAVED
        self.creator = dataclasses.replace(self.creator, available=available)
