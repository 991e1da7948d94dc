"""What a business sees of an applicant at a glance: tier, karma, rating, audience and fit."""

import reflex as rx

from influfinder.components.badges import reputation_badges, tier_badge
from influfinder.i18n import N_, translated

KARMA, RATING, NO_RATING, COMPLETED = N_("Karma"), N_("Rating"), N_("None yet"), N_("Completed")
FOLLOWERS, ENGAGEMENT, FIT = N_("Followers"), N_("Engagement"), N_("Fit")
FEATURED, FEATURED_WHY = N_("Featured"), N_("Legend creators are listed first.")


def fit_badge(score, size: str = "2") -> rx.Component:
    color = rx.cond(score >= 100, "green", rx.cond(score >= 50, "amber", "red"))
    return rx.badge(rx.icon("target", size=12), translated(FIT), " ", score, "%", color_scheme=color, variant="soft", size=size,
                    radius="full")


def creator_heading(creator, size: str = "4") -> rx.Component:
    return rx.hstack(
        rx.avatar(fallback=creator.initials, size="4", radius="full"),
        rx.vstack(
            rx.heading(creator.name, size=size, as_="h3"),
            rx.hstack(rx.text("@", creator.username, size="2", color_scheme="gray"), tier_badge(creator.tier_level),
                      rx.cond(creator.featured, _featured_badge()), reputation_badges(creator.badges),
                      spacing="2", align="center", wrap="wrap"),
            spacing="1",
        ),
        spacing="3",
        align="center",
    )


def _featured_badge() -> rx.Component:
    return rx.tooltip(
        rx.badge(rx.icon("sparkles", size=12), translated(FEATURED), color_scheme="amber", variant="surface", radius="full"),
        content=translated(FEATURED_WHY),
    )


def _stat(label: str, value) -> rx.Component:
    return rx.vstack(
        rx.text(label, size="1", color_scheme="gray"),
        rx.text(value, size="3", weight="bold", class_name="tabular"),
        spacing="0",
        min_width="0",
    )


def audience_source(creator) -> rx.Component:
    """Where the followers shown come from: a connected account ("Verified via Instagram, updated
    2 days ago") or the creator's own typing ("Self-reported")."""
    return rx.cond(
        creator.audience_verified,
        rx.badge(rx.icon("badge-check", size=12), creator.audience_source, color_scheme="green", variant="soft",
                 size="1", data_testid="audience-source"),
        rx.badge(creator.audience_source, color_scheme="gray", variant="soft", size="1",
                 data_testid="audience-source"),
    )


def creator_stats(creator) -> rx.Component:
    """Karma, rating, completed collaborations, followers and engagement on the offer's platforms,
    with where the audience figures come from."""
    rating = rx.cond(creator.rating != "", rx.hstack(rx.icon("star", size=14, color=rx.color("amber", 9)),
                                                     creator.rating, spacing="1", align="center"), translated(NO_RATING))
    return rx.grid(
        _stat(translated(KARMA), creator.karma),
        rx.vstack(rx.text(translated(RATING), size="1", color_scheme="gray"), rx.text(rating, size="3", weight="bold"),
                  spacing="0"),
        _stat(translated(COMPLETED), creator.completed),
        _stat(translated(FOLLOWERS), creator.followers),
        _stat(translated(ENGAGEMENT), creator.engagement),
        rx.box(audience_source(creator), grid_column="1 / -1"),
        columns=rx.breakpoints(initial="3", sm="5"),
        spacing="3",
        width="100%",
    )
