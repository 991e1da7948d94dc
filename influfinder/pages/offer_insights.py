"""/my-offers/[offer_id]/metrics: one offer's numbers (views, applications, collaborations, success
rate, average cost) and its last 12 weeks in charts. Only its business and admins see it."""

import reflex as rx

from influfinder.components.layout import link_button, page
from influfinder.components.status_badges import offer_status_badge
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.dashboard import COPY as DASHBOARD_COPY
from influfinder.pages.dashboard import weekly_charts
from influfinder.pages.not_found import not_found_body
from influfinder.pages.progress import stat
from influfinder.state.offer_insights import OfferInsightsState

ROUTE = "/my-offers/[offer_id]/metrics"
COPY = {
    "back": N_("Dashboard"),
    "eyebrow": N_("Offer numbers"),
    "completed": N_("Completed"),
    "success_hint": N_("Completed collaborations out of applications"),
    "cost_hint": N_("Average agreed fee of the completed ones"),
    "applicants": N_("See applicants"),
    "offer": N_("See the offer"),
}

S = OfferInsightsState
D = DASHBOARD_COPY


def _hint(key: str) -> rx.Component:
    return rx.text(translated(COPY[key]), size="1", color_scheme="gray")


def _body() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), translated(COPY["back"]), align="center", spacing="1"),
                href=page_href("/dashboard"), size="2", color_scheme="gray", underline="hover"),
        rx.vstack(
            rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(S.title, size="7", as_="h1"),
            offer_status_badge(S.status),
            spacing="2",
        ),
        rx.grid(
            stat(translated(D["col_views"]), S.views),
            stat(translated(D["col_applications"]), S.applications),
            stat(translated(D["col_collaborations"]), S.collaborations),
            stat(translated(COPY["completed"]), S.completed),
            stat(translated(D["col_success"]), S.success_rate, _hint("success_hint")),
            stat(translated(D["col_cost"]), S.average_cost, _hint("cost_hint")),
            columns=rx.breakpoints(initial="2", md="3"), spacing="3", width="100%", data_testid="offer-figures",
        ),
        rx.card(
            rx.vstack(
                rx.heading(translated(D["weeks"]), size="5", as_="h2"),
                weekly_charts(S.chart, S.views_caption, S.applications_caption, S.completed_caption, S.spend_caption),
                spacing="4", width="100%",
            ),
            size="3", width="100%",
        ),
        rx.hstack(
            link_button(rx.icon("users", size=16), translated(COPY["applicants"]),
                        href="/my-offers/" + S.offer_id + "/applications", variant="soft"),
            link_button(rx.icon("eye", size=16), translated(COPY["offer"]), href="/offers/" + S.offer_id,
                        variant="outline"),
            spacing="3", wrap="wrap",
        ),
        spacing="5", width="100%",
    )


def offer_insights_page() -> rx.Component:
    return page(rx.cond(
        S.loading,
        rx.skeleton(height="320px", width="100%", aria_busy="true"),
        rx.cond(S.found, _body(), not_found_body()),
    ))
