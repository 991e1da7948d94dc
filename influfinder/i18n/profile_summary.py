"""A creator's profile in one line, in the reader's language: the link preview's description
(`/share/creators/<username>` and the profile page's meta tags)."""

from __future__ import annotations

from influfinder.domain.eligibility import PLATFORM_LABELS
from influfinder.domain.enums import OfferCategory, Platform
from influfinder.i18n import formats
from influfinder.i18n.labels import label
from influfinder.i18n.language import _, ngettext
from influfinder.services.creator_profiles import CreatorProfile


def summary_line(profile: CreatorProfile) -> str:
    """Who, where, on what, with how many followers: "Nina on Influfinder: Bilbao · Food · ..."."""
    card = profile.card
    parts = [card.city] if card.city else []
    parts += [", ".join(label(c, OfferCategory) for c in card.categories)] if card.categories else []
    parts += [ngettext("{platform} {n} follower", "{platform} {n} followers", f.followers).format(
        platform=PLATFORM_LABELS[Platform(f.platform)], n=formats.number(f.followers)) for f in card.figures[:2]]
    if card.rating is not None:
        parts.append(_("{rating} rating").format(rating=formats.rating(card.rating)))
    if not parts:
        return _("{name} on Influfinder").format(name=card.name)
    return _("{name} on Influfinder: {details}").format(name=card.name, details=" · ".join(parts))
