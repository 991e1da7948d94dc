"""/dashboard: a business's own numbers (offers, applications, collaborations, completion, rating)."""

import reflex as rx

from influfinder.components.layout import link_button, page
from influfinder.components.reputation_card import reputation_card
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.progress import stat
from influfinder.state.progress import DashboardState

ROUTE = "/dashboard"
COPY = {
    "eyebrow": N_("Your business"),
    "title": N_("Dashboard"),
    "subtitle": N_("How your offers and collaborations are going, counted from everything you have done here."),
    "offers": N_("Offers created"),
    "applications": N_("Applications received"),
    "collaborations": N_("Collaborations"),
    "completed": N_("Completed"),
    "completion_rate": N_("Completion rate"),
    "completion_hint": N_("Of the collaborations that ended"),
    "rating": N_("Average rating"),
    "rating_one": N_(" rating from creators"),
    "ratings": N_(" ratings from creators"),
    "see": N_("See your collaborations"),
}

_N = DashboardState.numbers


def dashboard_page() -> rx.Component:
    return page(rx.vstack(
        rx.vstack(
            rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="3"),
            spacing="2",
        ),
        rx.cond(
            DashboardState.loading,
            rx.skeleton(height="220px", width="100%", aria_busy="true"),
            rx.grid(
                stat(translated(COPY["offers"]), _N.offers_created),
                stat(translated(COPY["applications"]), _N.applications_received),
                stat(translated(COPY["collaborations"]), _N.collaborations),
                stat(translated(COPY["completed"]), _N.completed),
                stat(translated(COPY["completion_rate"]), _N.completion_rate,
                     rx.text(translated(COPY["completion_hint"]), size="1", color_scheme="gray")),
                stat(translated(COPY["rating"]), _N.average_rating,
                     rx.text(_N.rating_count, rx.cond(_N.rating_count == 1, translated(COPY["rating_one"]), translated(COPY["ratings"])),
                             size="1", color_scheme="gray")),
                columns=rx.breakpoints(initial="2", md="3"), spacing="3", width="100%", data_testid="metrics",
            ),
        ),
        rx.cond(~DashboardState.loading, reputation_card(DashboardState.record)),
        link_button(rx.icon("handshake", size=16), translated(COPY["see"]), href=page_href("/collaborations"), variant="soft"),
        spacing="5", width="100%",
    ))
