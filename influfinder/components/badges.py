"""Small labels used across pages: platform, compensation, visit and creator tier."""

import reflex as rx
from reflex.vars import Var

from influfinder.domain.enums import ReputationBadge, Tier
from influfinder.i18n import N_, translated
from influfinder.i18n.labels import label

VISIT = N_("Visit")
EARLY_ACCESS = N_("Early access")
EARLY_ACCESS_WHY = N_("Published less than a day ago: Pro creators and up see new offers 24 hours before everyone else.")
# Tier colours climb from neutral to warm, so higher tiers stand out in any list.
TIER_COLORS = ("gray", "cyan", "blue", "violet", "orange", "amber")
_COMPENSATION_STYLE = {"PAID": ("wallet", "green"), "PRODUCT": ("gift", "orange"), "EXPERIENCE": ("sparkles", "blue")}


def platform_badge(name: Var | str, size: str = "1") -> rx.Component:
    """A platform's mark and name; the mark is a CSS mask so it takes the text colour."""
    return rx.badge(
        rx.el.span(class_name="platform-icon platform-" + name.lower(), aria_hidden="true"),
        name,
        variant="soft",
        color_scheme="gray",
        size=size,
        radius="full",
    )


def compensation_badge(kind: Var, label: Var, size: str = "1") -> rx.Component:
    """`kind` is the CompensationType value (picks icon and colour); `label` is what it reads."""
    cases = [
        (value, rx.badge(rx.icon(icon, size=12), label, color_scheme=color, variant="soft", size=size))
        for value, (icon, color) in _COMPENSATION_STYLE.items()
    ]
    return rx.match(kind, *cases, rx.badge(label, variant="soft", size=size))


def visit_badge(size: str = "1") -> rx.Component:
    return rx.badge(rx.icon("map-pin", size=12), translated(VISIT), variant="outline", color_scheme="gray", size=size)


def early_access_badge(size: str = "1") -> rx.Component:
    """On offers published less than a day ago: only Pro creators and up (and the business) see them yet."""
    return rx.tooltip(
        rx.badge(rx.icon("zap", size=12), translated(EARLY_ACCESS), color_scheme="violet", variant="soft", size=size),
        content=translated(EARLY_ACCESS_WHY),
    )


def tier_badge(level: int | Var, suffix: str = "", size: str = "1") -> rx.Component:
    """A creator tier by its level (0 NEWBIE .. 5 LEGEND); `suffix` reads e.g. "+" for a minimum."""
    if isinstance(level, int):
        return _tier_badge(Tier(level), suffix, size)
    return rx.match(level, *[(int(t), _tier_badge(t, suffix, size)) for t in Tier], _tier_badge(Tier.NEWBIE, suffix, size))


def _tier_badge(tier: Tier, suffix: str, size: str) -> rx.Component:
    icon = "crown" if tier is Tier.LEGEND else "trophy"
    return rx.badge(
        rx.icon(icon, size=12),
        label(tier) + suffix,
        color_scheme=TIER_COLORS[tier],
        variant="solid" if tier >= Tier.MASTER else "soft",
        size=size,
        radius="full",
    )


def reputation_badges(names: Var) -> rx.Component:
    """The reputation badges a person earned (domain/reputation.py): "Top rated", "Reliable", ..."""
    return rx.foreach(
        names,
        lambda name: rx.badge(rx.match(name, *[(badge.value, label(badge)) for badge in ReputationBadge], name),
                              color_scheme=rx.cond(name == ReputationBadge.NEWCOMER.value, "gray", "teal"), variant="surface",
                              radius="full", size="1", data_testid="reputation-badge"),
    )
