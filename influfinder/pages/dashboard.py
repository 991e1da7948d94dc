"""/dashboard: a business's own numbers (offers, applications, collaborations, completion, rating)."""

import reflex as rx

from influfinder.components.layout import link_button, page
from influfinder.components.reputation_card import reputation_card
from influfinder.pages.progress import stat
from influfinder.state.progress import DashboardState

ROUTE = "/dashboard"
COPY = {
    "eyebrow": "Your business",
    "title": "Dashboard",
    "subtitle": "How your offers and collaborations are going, counted from everything you have done here.",
    "offers": "Offers created",
    "applications": "Applications received",
    "collaborations": "Collaborations",
    "completed": "Completed",
    "completion_rate": "Completion rate",
    "completion_hint": "Of the collaborations that ended",
    "rating": "Average rating",
    "rating_one": " rating from creators",
    "ratings": " ratings from creators",
    "see": "See your collaborations",
}

_N = DashboardState.numbers


def dashboard_page() -> rx.Component:
    return page(rx.vstack(
        rx.vstack(
            rx.text(COPY["eyebrow"], size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(COPY["title"], size="8", as_="h1"),
            rx.text(COPY["subtitle"], color_scheme="gray", size="3"),
            spacing="2",
        ),
        rx.cond(
            DashboardState.loading,
            rx.skeleton(height="220px", width="100%", aria_busy="true"),
            rx.grid(
                stat(COPY["offers"], _N.offers_created),
                stat(COPY["applications"], _N.applications_received),
                stat(COPY["collaborations"], _N.collaborations),
                stat(COPY["completed"], _N.completed),
                stat(COPY["completion_rate"], _N.completion_rate,
                     rx.text(COPY["completion_hint"], size="1", color_scheme="gray")),
                stat(COPY["rating"], _N.average_rating,
                     rx.text(_N.rating_count, rx.cond(_N.rating_count == 1, COPY["rating_one"], COPY["ratings"]),
                             size="1", color_scheme="gray")),
                columns=rx.breakpoints(initial="2", md="3"), spacing="3", width="100%", data_testid="metrics",
            ),
        ),
        rx.cond(~DashboardState.loading, reputation_card(DashboardState.record)),
        link_button(rx.icon("handshake", size=16), COPY["see"], href="/collaborations", variant="soft"),
        spacing="5", width="100%",
    ))
