"""The "Recommended for you" and "Suggested creators" panels: cards with the reasons they were chosen."""

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.components.badges import tier_badge
from influfinder.components.offer_card import offer_card
from influfinder.state.recommendations import RecommendationsState, RecommendedCard, SuggestedCard

RECOMMENDED, SUGGESTED = N_("Recommended for you"), N_("Suggested creators")
SUGGESTED_HINT = N_("Creators in this offer's category or city who have not applied yet. Invite them from their profile.")
S = RecommendationsState


def _recommended(card: RecommendedCard) -> rx.Component:
    return rx.vstack(offer_card(card.offer),
                     rx.text(rx.icon("sparkles", size=12), " ", card.why, size="1", color_scheme="gray"),
                     spacing="1", data_testid="recommended-offer")


def recommended_offers_panel() -> rx.Component:
    return rx.cond(
        S.offers.length() > 0,
        rx.vstack(
            rx.heading(translated(RECOMMENDED), size="5", as_="h2"),
            rx.grid(rx.foreach(S.offers, _recommended), columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                    spacing="4", width="100%"),
            spacing="3", width="100%", margin_bottom="1.5rem",
        ),
    )


def _suggested(card: SuggestedCard) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.avatar(fallback=card.creator.initials, size="3", radius="full"),
            rx.vstack(
                rx.hstack(rx.link(rx.text.strong(card.creator.name), href=card.creator.href),
                          tier_badge(card.creator.tier_level), spacing="2", align="center"),
                rx.text(card.why, size="1", color_scheme="gray"),
                spacing="1",
            ),
            spacing="3", align="center",
        ),
        size="1", data_testid="suggested-creator",
    )


def suggested_creators_panel() -> rx.Component:
    return rx.cond(
        S.creators.length() > 0,
        rx.vstack(
            rx.heading(translated(SUGGESTED), size="4", as_="h2"),
            rx.text(translated(SUGGESTED_HINT), size="2", color_scheme="gray"),
            rx.grid(rx.foreach(S.creators, _suggested), columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                    spacing="3", width="100%"),
            spacing="2", width="100%",
        ),
    )
