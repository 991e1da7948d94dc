"""/businesses/[slug]: a business's public profile."""

import reflex as rx

from influfinder.components.phrases import filled
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.components.badges import reputation_badges
from influfinder.components.empty_state import empty_state
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button
from influfinder.components.offer_card import offer_card
from influfinder.state.business_profile import BusinessProfileState, BusinessReviewView

ROUTE = "/businesses/[slug]"
COPY = {"offers": N_("Open offers"), "no_offers": N_("No open offers right now."), "reviews": N_("What creators say"),
        "no_reviews": N_("No reviews yet."), "completed": N_("Completed collaborations"), "since": N_("Member since {date}"),
        "no_rating": N_("No rating yet"), "not_found_title": N_("Business not found"),
        "not_found_text": N_("This business does not exist or is no longer on Influfinder."), "browse": N_("Browse offers")}
S = BusinessProfileState


def _review(review: BusinessReviewView) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.link(rx.text.strong(review.creator), href=review.href), rx.text("★ ", review.stars, size="2"),
                  rx.text(review.on, size="1", color_scheme="gray"), spacing="2", align="center"),
        rx.cond(review.text != "", rx.text(review.text, size="2")),
        spacing="1", width="100%",
    )


def _profile() -> rx.Component:
    return rx.vstack(
        rx.heading(S.name, size="8", as_="h1"),
        rx.hstack(reputation_badges(S.badges), spacing="2", wrap="wrap"),
        rx.hstack(
            rx.cond(S.city != "", rx.hstack(rx.icon("map-pin", size=14), rx.text(S.city), spacing="1", align="center")),
            rx.cond(S.category != "", rx.badge(S.category, variant="soft")),
            rx.cond(S.rating != "", rx.text("★ ", S.rating, " (", S.rating_count, ")", size="2"),
                    rx.text(translated(COPY["no_rating"]), size="2", color_scheme="gray")),
            rx.text(translated(COPY["completed"]), ": ", rx.text.strong(S.completed), size="2"),
            rx.text(*filled(translated(COPY["since"]), date=S.since), size="2", color_scheme="gray"),
            rx.cond(S.website != "", rx.link(S.website, href=S.website, is_external=True, size="2")),
            spacing="4", wrap="wrap", align="center",
        ),
        rx.cond(S.bio != "", rx.text(S.bio)),
        rx.heading(translated(COPY["offers"]), size="5", as_="h2"),
        rx.cond(S.offers.length() > 0,
                rx.grid(rx.foreach(S.offers, offer_card), columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                        spacing="4", width="100%"),
                rx.text(translated(COPY["no_offers"]), color_scheme="gray")),
        rx.card(rx.vstack(rx.heading(translated(COPY["reviews"]), size="4", as_="h2"),
                          rx.cond(S.reviews.length() > 0, rx.vstack(rx.foreach(S.reviews, _review), spacing="3"),
                                  rx.text(translated(COPY["no_reviews"]), color_scheme="gray")), spacing="3"), width="100%"),
        spacing="4", width="100%", data_testid="business-profile",
    )


def business_profile_page() -> rx.Component:
    return page(rx.cond(S.loading, rx.center(rx.spinner(size="3"), padding="4rem", width="100%"),
                        rx.cond(S.found, _profile(),
                                empty_state("store", translated(COPY["not_found_title"]), translated(COPY["not_found_text"]),
                                            nav_button(translated(COPY["browse"]), href=page_href("/offers"))))))
