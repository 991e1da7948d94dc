"""Creator cards as the pages show them: plain rows built from services.creator_profiles.CreatorCard."""

from __future__ import annotations

from dataclasses import dataclass, field

from influfinder.services.creator_profiles import AudienceFigure, CreatorCard
from influfinder.state.display import number, percent, rating
from influfinder.state.offer_cards import platform_label
from influfinder.domain.enums import OfferCategory
from influfinder.i18n import translated
from influfinder.i18n.labels import label
from influfinder.i18n.routes import page_href


@dataclass
class FigureView:
    """One platform's audience; `source` says where the numbers come from ("Self-reported" for now)."""

    platform: str = ""
    label: str = ""
    handle: str = ""
    followers: str = ""  # written for the reader: "12.400"
    followers_count: int = 0
    engagement: str = ""
    source: str = ""


@dataclass
class CreatorCardView:
    username: str = ""
    href: str = ""
    name: str = ""
    initials: str = ""
    city: str = ""
    bio: str = ""
    categories: list[str] = field(default_factory=list)
    figures: list[FigureView] = field(default_factory=list)
    followers: str = ""
    tier_level: int = 0
    rating: str = ""  # "4.9", or "" before the first rating
    rating_count: int = 0
    completed: int = 0
    available: bool = True


def figure_view(figure: AudienceFigure) -> FigureView:
    return FigureView(platform=figure.platform, label=platform_label(figure.platform), handle=figure.handle,
                      followers=number(figure.followers), followers_count=figure.followers,
                      engagement=percent(figure.engagement), source=translated(figure.source))


def creator_card_view(card: CreatorCard) -> CreatorCardView:
    words = [w for w in card.name.split() if w[:1].isalnum()]
    return CreatorCardView(
        username=card.username, href=page_href(f"/creators/{card.username}"), name=card.name,
        initials="".join(w[0] for w in words[:2]).upper() or "?", city=card.city, bio=card.bio,
        categories=[label(c.upper(), OfferCategory) for c in card.categories], figures=[figure_view(f) for f in card.figures],
        followers=number(card.total_followers), tier_level=card.tier_level,
        rating=rating(card.rating), rating_count=card.rating_count,
        completed=card.completed, available=card.available,
    )
