"""A creator as a card in Find creators, and one platform's audience figure with where it comes from."""

import reflex as rx

from influfinder.components.badges import platform_badge, tier_badge
from influfinder.components.phrases import counted_phrase
from influfinder.i18n import _



def audience_figure(figure) -> rx.Component:
    """Followers and engagement on one platform, labelled with their source ("Self-reported" today;
    a verified source later), so a business knows how far to trust the numbers."""
    return rx.hstack(
        platform_badge(figure.label),
        rx.text(counted_phrase("{n} follower", "{n} followers", figure.followers_count, figure.followers), size="2", weight="medium", class_name="tabular"),
        rx.text(figure.engagement, size="2", color_scheme="gray", class_name="tabular"),
        rx.badge(figure.source, variant="outline", color_scheme="gray", size="1", data_testid="figure-source"),
        spacing="2", align="center", wrap="wrap",
    )


def rating_line(creator) -> rx.Component:
    return rx.cond(
        creator.rating != "",
        rx.hstack(rx.icon("star", size=14, color=rx.color("amber", 9)),
                  rx.text(creator.rating, " (", creator.rating_count, ")", size="2", class_name="tabular"),
                  spacing="1", align="center"),
        rx.text(_("No rating yet"), size="2", color_scheme="gray"),
    )


def creator_card(creator) -> rx.Component:
    return rx.card(
        rx.el.a(
            rx.vstack(
                rx.hstack(
                    rx.avatar(fallback=creator.initials, size="4", radius="full"),
                    rx.vstack(
                        rx.heading(creator.name, size="4", as_="h3"),
                        rx.hstack(rx.text("@", creator.username, size="2", color_scheme="gray"),
                                  tier_badge(creator.tier_level), spacing="2", align="center", wrap="wrap"),
                        spacing="1",
                    ),
                    spacing="3", align="center",
                ),
                rx.hstack(
                    rx.cond(creator.city != "", rx.hstack(rx.icon("map-pin", size=14), rx.text(creator.city, size="2"),
                                                          spacing="1", align="center")),
                    rating_line(creator),
                    rx.text(counted_phrase("{n} completed", "{n} completed", creator.completed),
                            size="2", color_scheme="gray"),
                    spacing="3", wrap="wrap", align="center",
                ),
                rx.hstack(rx.foreach(creator.categories, lambda c: rx.badge(c, variant="soft", size="1")),
                          spacing="1", wrap="wrap"),
                rx.text(creator.bio, size="2", color_scheme="gray", class_name="line-clamp-2"),
                rx.vstack(rx.foreach(creator.figures, audience_figure), spacing="1"),
                rx.cond(~creator.available, rx.badge(_("Not taking new work"), color_scheme="gray", variant="soft")),
                spacing="3",
            ),
            href=creator.href,
        ),
        as_child=True, size="2", data_testid="creator-card",
    )
