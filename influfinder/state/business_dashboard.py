"""/dashboard: a business's to-dos, its numbers, each offer's figures and its weeks in charts
(services/business_dashboard.py), as rows and sentences for the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from influfinder.i18n import _, formats
from influfinder.services import business_dashboard, metrics, reputation
from influfinder.services.business_dashboard import OfferRow, Series
from influfinder.state import chart_text
from influfinder.state.forms import FormState
from influfinder.state.progress import Numbers, RecordView, _numbers, record_view
from influfinder.state.service_handler import call_service, service_handler

NOTHING = "—"


@dataclass
class OfferLine:
    id: str = ""
    title: str = ""
    status: str = ""
    views: str = ""
    applications: str = ""
    collaborations: str = ""
    completed: str = ""
    success_rate: str = NOTHING
    average_cost: str = NOTHING


def rate_text(value: float | None) -> str:
    return NOTHING if value is None else formats.percent(value)


def offer_line(row: OfferRow) -> OfferLine:
    return OfferLine(
        id=row.offer_id, title=row.title, status=row.status,
        views=formats.number(row.views), applications=formats.number(row.applications),
        collaborations=formats.number(row.collaborations), completed=formats.number(row.completed),
        success_rate=rate_text(row.success_rate),
        average_cost=formats.money(row.average_cost, row.currency) or NOTHING,
    )


@dataclass
class WeeklyCharts:
    """The four series as chart rows, and each chart's figures in words."""

    rows: list[dict[str, Any]]
    views: str
    applications: str
    completed: str
    spend: str


def weekly_charts(series: Series) -> WeeklyCharts:
    cap = chart_text.weekly_caption
    return WeeklyCharts(
        rows=chart_text.rows(views=series.views, applications=series.applications, completed=series.completed,
                             spend=series.spend),
        views=cap(_("Views per week, last {weeks} weeks: {values}. Total: {total}."), series.views),
        applications=cap(_("Applications per week, last {weeks} weeks: {values}. Total: {total}."),
                         series.applications),
        completed=cap(_("Collaborations completed per week, last {weeks} weeks: {values}. Total: {total}."),
                      series.completed),
        spend=cap(_("Spend per week, last {weeks} weeks: {values}. Total: {total}."), series.spend,
                  chart_text.money_writer(series.currency)),
    )


class DashboardState(FormState, rx.State):
    loading: bool = True
    numbers: Numbers = Numbers()
    record: RecordView = RecordView()
    applicants: int = 0  # the to-dos: applications to decide on
    content: int = 0  # content waiting for review
    visits: int = 0  # visit dates to confirm
    overdue: int = 0  # confirmed visits whose day passed unmarked
    offers: list[OfferLine] = []
    offer_count: int = 0
    chart: list[dict[str, Any]] = []
    views_caption: str = ""
    applications_caption: str = ""
    completed_caption: str = ""
    spend_caption: str = ""

    @rx.event
    @service_handler("showing the dashboard")
    async def load(self):
        board = await call_service(self, business_dashboard.business_dashboard)
        todos = board.todos
        self.applicants, self.content = todos.applicants_to_review, todos.content_to_review
        self.visits, self.overdue = todos.visits_to_confirm, todos.overdue_visits
        self.offers, self.offer_count = [offer_line(r) for r in board.offers], board.offer_count
        charts = weekly_charts(board.series)
        self.chart = charts.rows
        self.views_caption, self.applications_caption = charts.views, charts.applications
        self.completed_caption, self.spend_caption = charts.completed, charts.spend
        self.numbers = _numbers(await call_service(self, metrics.user_metrics))
        self.record = record_view(await call_service(self, reputation.my_reputation))
        self.loading = False
