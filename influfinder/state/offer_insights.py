"""/my-offers/[offer_id]/metrics: one offer's numbers and weeks, for its owner or an admin.

Anyone else (and a mistyped id) sees the not-found page: the service says "not found" for both.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from influfinder.i18n import formats
from influfinder.services import offer_insights
from influfinder.services.errors import ServiceError
from influfinder.state.business_dashboard import NOTHING, rate_text, weekly_charts
from influfinder.state.display import path_part
from influfinder.state.forms import FormState
from influfinder.state.service_handler import call_service, service_handler


class OfferInsightsState(FormState, rx.State):
    loading: bool = True
    found: bool = True
    offer_id: str = ""
    title: str = ""
    status: str = ""
    views: str = ""
    applications: str = ""
    collaborations: str = ""
    completed: str = ""
    success_rate: str = NOTHING
    average_cost: str = NOTHING
    chart: list[dict[str, Any]] = []
    views_caption: str = ""
    applications_caption: str = ""
    completed_caption: str = ""
    spend_caption: str = ""

    @rx.event
    @service_handler("showing an offer's numbers")
    async def load(self):
        self.loading, self.found = True, True
        yield
        try:
            shown = await call_service(self, offer_insights.offer_insights, path_part(self, 2))
        except ServiceError:
            self.found, self.loading = False, False
            return
        m = shown.metrics
        self.offer_id, self.title, self.status = shown.offer_id, shown.title, shown.status
        self.views, self.applications = formats.number(m.views), formats.number(m.applications)
        self.collaborations, self.completed = formats.number(m.collaborations), formats.number(m.completed)
        self.success_rate = rate_text(m.success_rate)
        self.average_cost = formats.money(m.average_cost, m.currency) or NOTHING
        charts = weekly_charts(shown.series)
        self.chart = charts.rows
        self.views_caption, self.applications_caption = charts.views, charts.applications
        self.completed_caption, self.spend_caption = charts.completed, charts.spend
        self.loading = False
