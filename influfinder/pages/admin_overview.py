"""/admin: the platform's counts, collaborations by status, and the last 30 days of figures (chart and table)."""

from __future__ import annotations

import reflex as rx

from influfinder.components.collaboration_badges import status_badge
from influfinder.components.empty_state import empty_state
from influfinder.i18n import N_, translated
from influfinder.pages.admin_frame import COPY as FRAME_COPY
from influfinder.pages.admin_frame import OVERVIEW_ROUTE, busy_icon, frame, loading
from influfinder.state.admin_overview import AdminOverviewState, DayRow, Figure, StatusCount

ROUTE = OVERVIEW_ROUTE
COPY = {
    **FRAME_COPY,
    "overview_title": N_("Platform overview"),
    "overview_text": N_("How Influfinder is doing today, and where the team is needed."),
    "collaborations": N_("Collaborations by status"),
    "history": N_("Last 30 days"),
    "history_text": N_("Recorded once a day. Totals count everything up to the end of each day."),
    "record": N_("Record today's figures"),
    "history_empty_title": N_("No daily figures yet"),
    "history_empty_text": N_("The platform records its figures once a day. Record today's now to start the chart."),
    "as_table": N_("The daily figures as a table"),
    "day": N_("Day"),
    "total_users": N_("Users"),
    "new_users": N_("New users"),
    "active_offers": N_("Active offers"),
    "total_offers": N_("Offers created"),
    "applications": N_("Applications"),
    "completed": N_("Completed"),
    "revenue": N_("Fees (EUR)"),
    "avg_tier": N_("Avg. tier"),
}


O = AdminOverviewState


def _figure_card(item: Figure) -> rx.Component:
    body = rx.vstack(
        rx.hstack(
            rx.text(item.label, size="2", weight="medium", color_scheme="gray"),
            rx.spacer(),
            rx.box(rx.icon(item.icon, size=18), color=rx.color(item.color, 11), background=rx.color(item.color, 3),
                   border_radius="10px", padding="0.45rem", display="flex", aria_hidden="true"),
            width="100%", align="center",
        ),
        rx.text(item.value, size="8", weight="bold", class_name="tabular", data_testid="figure-value"),
        rx.text(item.detail, size="1", color_scheme="gray"),
        spacing="2", width="100%",
    )
    return rx.card(
        rx.cond(item.href != "", rx.link(body, href=item.href, underline="none", color="inherit"), body),
        size="2", width="100%", data_testid="figure-" + item.key,
    )


def _status_chip(item: StatusCount) -> rx.Component:
    return rx.hstack(status_badge(item.status, size="1"),
                     rx.text(item.count, size="2", weight="bold", class_name="tabular"),
                     spacing="2", align="center", padding="0.35rem 0.6rem", border_radius="999px",
                     border=f"1px solid {rx.color('gray', 5)}")


def _chart() -> rx.Component:
    # (the data key of the state's rows, the COPY key of its name, its color)
    lines = (("total_users", "total_users", "violet"), ("active_offers", "active_offers", "green"),
             ("applications", "applications", "cyan"), ("completed", "completed", "amber"))
    return rx.recharts.line_chart(
        *[rx.recharts.line(data_key=key, name=translated(COPY[word]), stroke=rx.color(color, 9), stroke_width=2,
                           type_="monotone", is_animation_active=False,
                           dot={"stroke": rx.color(color, 9), "fill": rx.color(color, 3), "r": 3},
                           active_dot={"stroke": rx.color(color, 2), "fill": rx.color(color, 9)})
          for key, word, color in lines],
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", stroke=rx.color("gray", 5), vertical=False),
        rx.recharts.x_axis(data_key="day", stroke=rx.color("gray", 9), tick_line=False, font_size=11, min_tick_gap=12),
        rx.recharts.y_axis(stroke=rx.color("gray", 9), allow_decimals=False, tick_line=False, width=40,
                           font_size=11),
        rx.recharts.graphing_tooltip(),
        rx.recharts.legend(),
        data=O.chart, height=280, width="100%", margin={"top": 12, "right": 8, "left": 0, "bottom": 0},
    )


def _day_table_row(row: DayRow) -> rx.Component:
    cell = lambda value: rx.table.cell(value, class_name="tabular")  # noqa: E731
    return rx.table.row(
        rx.table.row_header_cell(row.day), cell(row.total_users), cell(row.new_users), cell(row.active_offers),
        cell(row.total_offers), cell(row.applications), cell(row.completed), cell(row.revenue), cell(row.avg_tier),
    )


def _day_table() -> rx.Component:
    heads = ("day", "total_users", "new_users", "active_offers", "total_offers", "applications", "completed",
             "revenue", "avg_tier")
    return rx.el.details(
        rx.el.summary(translated(COPY["as_table"]), style={"cursor": "pointer", "fontSize": "0.9rem", "fontWeight": "500"}),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(*[rx.table.column_header_cell(translated(COPY[h])) for h in heads])),
                rx.table.body(rx.foreach(O.history, _day_table_row)),
                size="1", variant="surface",
            ),
            overflow_x="auto", width="100%", margin_top="0.75rem",
        ),
        width="100%",
    )


def _record_button() -> rx.Component:
    return rx.button(busy_icon(O.snapshotting, "camera"), translated(COPY["record"]), on_click=O.take_snapshot,
                     disabled=O.snapshotting, variant="soft", size="2")


def _history() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(rx.heading(translated(COPY["history"]), size="5", as_="h2"),
                          rx.text(translated(COPY["history_text"]), size="2", color_scheme="gray"), spacing="1"),
                rx.spacer(),
                _record_button(),
                direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
                align=rx.breakpoints(initial="start", sm="center"),
            ),
            rx.cond(
                O.chart.length() > 0,
                rx.vstack(rx.el.figure(rx.box(_chart(), width="100%", min_width="0", aria_hidden="true"),
                                      rx.el.figcaption(rx.text(O.chart_caption, size="1", color_scheme="gray")),
                                      data_testid="history-chart", style={"margin": "0", "width": "100%"}),
                          _day_table(),
                          spacing="4", width="100%"),
                empty_state("chart-line", translated(COPY["history_empty_title"]), translated(COPY["history_empty_text"])),
            ),
            spacing="4", width="100%",
        ),
        size="3", width="100%",
    )


def _overview_body() -> rx.Component:
    return rx.vstack(
        rx.grid(rx.foreach(O.figures, _figure_card), columns=rx.breakpoints(initial="1", xs="2", md="3"),
                spacing="4", width="100%"),
        rx.vstack(
            rx.heading(translated(COPY["collaborations"]), size="4", as_="h2"),
            rx.flex(rx.foreach(O.collaborations, _status_chip), wrap="wrap", spacing="2"),
            spacing="3", width="100%",
        ),
        _history(),
        spacing="6", width="100%",
    )


def admin_overview_page() -> rx.Component:
    return frame(translated(COPY["overview_title"]), translated(COPY["overview_text"]), O,
                 rx.cond(O.loading, loading("120px", 3), _overview_body()))
