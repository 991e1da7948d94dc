"""/dashboard: a business's to-dos first, then each offer's numbers, its weeks in charts, its totals."""

import reflex as rx

from influfinder.components.charts import Line, bar_chart, chart_figure, line_chart
from influfinder.components.empty_state import empty_state
from influfinder.components.layout import link_button, page
from influfinder.components.phrases import counted_phrase
from influfinder.components.reputation_card import reputation_card
from influfinder.components.status_badges import offer_status_badge
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.progress import stat
from influfinder.state.business_dashboard import DashboardState, OfferLine

ROUTE = "/dashboard"
COPY = {
    "eyebrow": N_("Your business"),
    "title": N_("Dashboard"),
    "subtitle": N_("What waits for you, and how your offers and collaborations are going."),
    "todo": N_("Waiting for you"),
    "all_clear": N_("Nothing waits for you right now."),
    "offers_title": N_("Your offers in numbers"),
    "offers_more": N_("Your newest 50 offers. Open an offer's numbers for the rest."),
    "no_offers_title": N_("No offers yet"),
    "no_offers_text": N_("Create your first offer: its views, applications and collaborations show up here."),
    "create": N_("Create offer"),
    "col_offer": N_("Offer"),
    "col_status": N_("Status"),
    "col_views": N_("Views"),
    "col_applications": N_("Applications"),
    "col_collaborations": N_("Collaborations"),
    "col_success": N_("Success rate"),
    "col_cost": N_("Average cost"),
    "table_caption": N_("Success rate: completed collaborations out of applications. Average cost: the average agreed fee of the completed ones."),
    "weeks": N_("The last 12 weeks"),
    "views": N_("Views"),
    "applications": N_("Applications"),
    "completed": N_("Completed collaborations"),
    "spend": N_("Spend"),
    "totals": N_("All time"),
    "offers": N_("Offers created"),
    "applications_received": N_("Applications received"),
    "collaborations": N_("Collaborations"),
    "done": N_("Completed"),
    "completion_rate": N_("Completion rate"),
    "completion_hint": N_("Of the collaborations that ended"),
    "rating": N_("Average rating"),
    "rating_one": N_(" rating from creators"),
    "ratings": N_(" ratings from creators"),
    "see": N_("See your collaborations"),
}

D = DashboardState
_N = D.numbers


def _todo(count, icon: str, color: str, phrase, href: str) -> rx.Component:
    return rx.cond(
        count > 0,
        rx.link(
            rx.hstack(
                rx.box(rx.icon(icon, size=18), color=rx.color(color, 11), background=rx.color(color, 3),
                       border_radius="10px", padding="0.45rem", display="flex", aria_hidden="true"),
                rx.text(phrase, size="3", weight="medium"),
                rx.spacer(),
                rx.icon("chevron-right", size=18, aria_hidden="true"),
                align="center", spacing="3", width="100%",
            ),
            href=page_href(href), underline="none", color="inherit", width="100%", padding="0.5rem",
            border_radius="10px", _hover={"background": rx.color("gray", 3)},
        ),
    )


def _todos() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["todo"]), size="5", as_="h2"),
            rx.vstack(
                _todo(D.overdue, "calendar-x", "red",
                      counted_phrase("{n} visit is overdue: mark it or talk to the creator",
                                     "{n} visits are overdue: mark them or talk to the creators", D.overdue),
                      "/collaborations?status=SCHEDULED"),
                _todo(D.applicants, "user-check", "blue",
                      counted_phrase("{n} applicant to review", "{n} applicants to review", D.applicants), "/my-offers"),
                _todo(D.content, "file-check", "violet",
                      counted_phrase("{n} piece of content to review", "{n} pieces of content to review", D.content),
                      "/collaborations"),
                _todo(D.visits, "calendar-check", "amber",
                      counted_phrase("{n} visit date to confirm", "{n} visit dates to confirm", D.visits),
                      "/collaborations?status=SCHEDULED"),
                rx.cond(D.applicants + D.content + D.visits + D.overdue == 0,
                        rx.text(translated(COPY["all_clear"]), color_scheme="gray", size="2")),
                spacing="1", width="100%",
            ),
            spacing="3", width="100%",
        ),
        size="3", width="100%", data_testid="todos",
    )


def _offer_row(line: OfferLine) -> rx.Component:
    cell = lambda value: rx.table.cell(value, class_name="tabular", white_space="nowrap")  # noqa: E731
    return rx.table.row(
        rx.table.row_header_cell(rx.link(line.title, href=page_href("/my-offers/" + line.id + "/metrics"),
                                          weight="medium"), min_width="10rem"),
        rx.table.cell(offer_status_badge(line.status)), cell(line.views), cell(line.applications),
        cell(line.collaborations), cell(line.success_rate), cell(line.average_cost),
    )


def _offers() -> rx.Component:
    heads = ("col_offer", "col_status", "col_views", "col_applications", "col_collaborations", "col_success", "col_cost")
    return rx.vstack(
        rx.heading(translated(COPY["offers_title"]), size="5", as_="h2"),
        rx.cond(
            D.offers.length() > 0,
            rx.vstack(
                rx.box(
                    rx.table.root(
                        rx.el.caption(translated(COPY["table_caption"]),
                                      style={"captionSide": "bottom", "textAlign": "start", "fontSize": "0.8rem",
                                             "padding": "0.5rem", "color": "var(--gray-11)"}),
                        rx.table.header(rx.table.row(*[rx.table.column_header_cell(translated(COPY[h]), white_space="nowrap")
                                                       for h in heads])),
                        rx.table.body(rx.foreach(D.offers, _offer_row)),
                        size="2", variant="surface", width="100%",
                    ),
                    overflow_x="auto", width="100%", data_testid="offer-metrics",
                ),
                rx.cond(D.offer_count > D.offers.length(),
                        rx.text(translated(COPY["offers_more"]), size="1", color_scheme="gray")),
                spacing="2", width="100%",
            ),
            empty_state("megaphone", translated(COPY["no_offers_title"]), translated(COPY["no_offers_text"]),
                        link_button(rx.icon("plus", size=16), translated(COPY["create"]), href="/offers/new")),
        ),
        spacing="3", width="100%",
    )


def weekly_charts(data, views, applications, completed, spend) -> rx.Component:
    """The four weekly charts, shared with the per-offer page."""
    return rx.grid(
        chart_figure(translated(COPY["views"]), line_chart(data, [Line("views", translated(COPY["views"]), "blue")]),
                     views, "chart-views"),
        chart_figure(translated(COPY["applications"]),
                     line_chart(data, [Line("applications", translated(COPY["applications"]), "cyan")]),
                     applications, "chart-applications"),
        chart_figure(translated(COPY["completed"]), bar_chart(data, Line("completed", translated(COPY["completed"]), "green")),
                     completed, "chart-completed"),
        chart_figure(translated(COPY["spend"]), bar_chart(data, Line("spend", translated(COPY["spend"]), "amber")),
                     spend, "chart-spend"),
        columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%",
    )


def _weeks() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["weeks"]), size="5", as_="h2"),
            weekly_charts(D.chart, D.views_caption, D.applications_caption, D.completed_caption, D.spend_caption),
            spacing="4", width="100%",
        ),
        size="3", width="100%",
    )


def _totals() -> rx.Component:
    return rx.vstack(
        rx.heading(translated(COPY["totals"]), size="5", as_="h2"),
        rx.grid(
            stat(translated(COPY["offers"]), _N.offers_created),
            stat(translated(COPY["applications_received"]), _N.applications_received),
            stat(translated(COPY["collaborations"]), _N.collaborations),
            stat(translated(COPY["done"]), _N.completed),
            stat(translated(COPY["completion_rate"]), _N.completion_rate,
                 rx.text(translated(COPY["completion_hint"]), size="1", color_scheme="gray")),
            stat(translated(COPY["rating"]), _N.average_rating,
                 rx.text(_N.rating_count, rx.cond(_N.rating_count == 1, translated(COPY["rating_one"]), translated(COPY["ratings"])),
                         size="1", color_scheme="gray")),
            columns=rx.breakpoints(initial="2", md="3"), spacing="3", width="100%", data_testid="metrics",
        ),
        spacing="3", width="100%",
    )


def dashboard_page() -> rx.Component:
    return page(rx.vstack(
        rx.vstack(
            rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="3"),
            spacing="2",
        ),
        rx.cond(
            D.loading,
            rx.skeleton(height="220px", width="100%", aria_busy="true"),
            rx.vstack(_todos(), _offers(), _weeks(), _totals(), reputation_card(D.record),
                      spacing="6", width="100%"),
        ),
        link_button(rx.icon("handshake", size=16), translated(COPY["see"]), href=page_href("/collaborations"), variant="soft"),
        spacing="5", width="100%",
    ))
