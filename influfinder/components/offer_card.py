"""An offer as a card in a list; the whole card is one link to the offer's page."""

import reflex as rx

from influfinder.components.badges import (
    compensation_badge, early_access_badge, platform_badge, tier_badge, visit_badge,
)
from influfinder.components.phrases import filled
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href

BUDGET = N_("Budget")
APPLY_BY = N_("Apply by {date}")
COVER_HEIGHT = "132px"
# The covers a first screen shows (one row of three on a wide screen, the first card or two on a phone) load
# at once; the rest when scrolled near. The first is often the page's largest paint (Lighthouse's LCP).
EAGER_COVERS = 3


def offer_card(offer, index=None) -> rx.Component:
    """`index`: the card's place in a list (rx.foreach's second argument); the first ones load their cover first."""
    first = index < EAGER_COVERS if index is not None else None
    return rx.card(
        rx.el.a(
            rx.inset(
                rx.image(src=offer.cover, alt="", class_name="cover", height=COVER_HEIGHT,
                         loading="lazy" if first is None else rx.cond(first, "eager", "lazy"),
                         # Not a prop rx.image knows (it would become a style): React's own attribute.
                         custom_attrs={} if first is None else {"fetchPriority": rx.cond(first, "high", "auto")}),
                side="top",
                pb="current",
                flex_shrink="0",  # the card is a flex column: keep the cover whole
            ),
            rx.vstack(
                _tags(offer),
                rx.vstack(
                    rx.text(offer.brand, size="2", weight="medium", color_scheme="gray"),
                    rx.heading(offer.title, size="4", as_="h3", class_name="line-clamp-2"),
                    spacing="1",
                ),
                rx.text(offer.description, size="2", color_scheme="gray", class_name="line-clamp-2"),
                rx.hstack(rx.foreach(offer.platforms, lambda p: platform_badge(p)), spacing="1", wrap="wrap"),
                rx.spacer(),
                rx.separator(size="4"),
                _terms(offer),
                spacing="3",
                height="100%",
            ),
            href=page_href("/offers/") + offer.id,
            style={"display": "flex", "flexDirection": "column", "height": "100%"},
        ),
        as_child=True,
        size="2",
        height="100%",
        class_name="offer-card",
        data_testid="offer-card",
    )


def _tags(offer) -> rx.Component:
    return rx.hstack(
        rx.badge(offer.category, variant="soft", size="1"),
        rx.cond(offer.requires_visit, visit_badge()),
        rx.cond(offer.early_access, early_access_badge()),
        rx.spacer(),
        rx.cond(offer.min_tier > 0, tier_badge(offer.min_tier, suffix="+")),
        width="100%",
        align="center",
        spacing="2",
        wrap="wrap",  # a long category, Visit and Early access do not fit one line of a narrow card
    )


def _terms(offer) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.text(translated(BUDGET), size="1", color_scheme="gray"),
                rx.hstack(
                    rx.text(offer.budget, size="3", weight="bold", class_name="tabular", white_space="nowrap"),
                    rx.text(offer.currency, size="1", color_scheme="gray"),
                    align="baseline",
                    spacing="1",
                ),
                spacing="0",
            ),
            rx.spacer(),
            compensation_badge(offer.compensation_type, offer.compensation),
            width="100%",
            align="end",
            # Narrow cards (a filter column beside the grid) put the badge under the budget.
            wrap="wrap",
            row_gap="0.5rem",
        ),
        rx.hstack(
            rx.hstack(rx.icon("calendar", size=14), rx.text(*filled(translated(APPLY_BY), date=offer.deadline), size="1"), align="center", spacing="1"),
            rx.spacer(),
            rx.hstack(rx.icon("map-pin", size=14), rx.text(offer.city, size="1"), align="center", spacing="1"),
            width="100%",
            color=rx.color("gray", 11),
        ),
        spacing="2",
        width="100%",
    )


def offer_card_skeleton() -> rx.Component:
    """The shape of a card while the list loads."""
    return rx.card(
        rx.inset(rx.skeleton(height=COVER_HEIGHT, width="100%"), side="top", pb="current"),
        rx.vstack(
            rx.skeleton(rx.text(_("Category")), width="90px"),
            rx.skeleton(rx.text(_("Brand name")), width="40%"),
            rx.skeleton(rx.heading(_("Offer title here"), size="4"), width="80%"),
            rx.skeleton(rx.text(_("A description line")), width="100%"),
            rx.skeleton(rx.text(translated(BUDGET)), width="50%"),
            spacing="3",
        ),
        size="2",
        aria_hidden="true",
    )
