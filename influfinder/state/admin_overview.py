"""/admin: the platform's counts now, collaborations by status, and the last 30 days of figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from influfinder.i18n import _
from influfinder.domain.enums import CollaborationStatus
from influfinder.domain.moments import day_label
from influfinder.services import admin_analytics, admin_overview
from influfinder.state.admin_page import AdminPageState, counted
from influfinder.i18n import formats, ngettext
from influfinder.state import chart_text
from influfinder.state.display import money
from influfinder.state.service_handler import call_service, service_handler

LIVE_COLLABORATIONS = ("ACCEPTED", "SCHEDULED", "VISITED", "CONTENT_SUBMITTED", "IN_REVIEW")


@dataclass
class Figure:
    """One overview card."""

    key: str = ""
    label: str = ""
    value: int = 0
    detail: str = ""
    href: str = ""
    icon: str = ""
    color: str = "gray"


@dataclass
class StatusCount:
    status: str = ""
    count: int = 0


@dataclass
class DayRow:
    day: str = ""
    total_users: int = 0
    new_users: int = 0
    active_offers: int = 0
    total_offers: int = 0
    applications: int = 0
    completed: int = 0
    revenue: str = ""
    avg_tier: str = ""


def _figures(view: admin_overview.Overview) -> list[Figure]:
    users, offers, apps, collabs = view.users, view.offers, view.applications, view.collaborations
    live = sum(collabs[s] for s in LIVE_COLLABORATIONS)
    people = [counted(users["CREATOR"], "creator", "creators"),
              counted(users["BUSINESS"], "business", "businesses"), counted(users["AGENCY"], "agency", "agencies")]
    if view.deactivated_users:
        people.append(f"{view.deactivated_users} deactivated")
    return [
        Figure("users", "Users", sum(users.values()), " · ".join(people), "/admin/users", "users", "violet"),
        Figure("new_users", "New this week", view.new_users_week, "Accounts created in the last 7 days",
               "/admin/users", "user-plus", "blue"),
        Figure("offers", "Active offers", offers["ACTIVE"],
               f"{counted(offers['DRAFT'], 'draft', 'drafts')} · {offers['PAUSED']} paused · "
               f"{offers['ARCHIVED']} archived",
               "/admin/offers", "megaphone", "green"),
        Figure("applications", "Applications", sum(apps.values()),
               f"{apps['APPLIED']} new · {apps['UNDER_REVIEW']} under review · {apps['ACCEPTED']} accepted",
               "", "send", "cyan"),
        Figure("collaborations", "Collaborations in progress", live,
               f"{collabs['COMPLETED']} completed · {collabs['CANCELLED']} cancelled", "", "handshake", "amber"),
        Figure("disputes", "Open disputes", view.open_disputes,
               "Waiting for a decision" if view.open_disputes else "Nothing to settle",
               "/admin/disputes", "triangle-alert", "red" if view.open_disputes else "gray"),
    ]


def _day_row(figures: admin_analytics.DayFigures) -> DayRow:
    return DayRow(
        day=day_label(figures.day), total_users=figures.total_users,
        new_users=figures.new_users,
        active_offers=figures.active_offers, total_offers=figures.total_offers_created,
        applications=figures.total_applications, completed=figures.total_collaborations_completed,
        revenue=money(figures.total_revenue, "EUR") or "€0", avg_tier=f"{figures.avg_tier_level:.1f}",
    )


def _chart_point(figures: admin_analytics.DayFigures) -> dict[str, Any]:
    return {"day": chart_text.day_text(figures.day), "total_users": figures.total_users,
            "active_offers": figures.active_offers, "applications": figures.total_applications,
            "completed": figures.total_collaborations_completed}


def chart_caption(days: list[admin_analytics.DayFigures]) -> str:
    """The first and the last day's figures in words; the table below the chart has every day."""
    if not days:
        return ""
    first, last = days[0], days[-1]
    n = formats.number
    return ngettext(
        "{days} day, from {first} to {last}: users {u0} to {u1}, active offers {o0} to {o1}, "
        "applications {a0} to {a1}, completed collaborations {c0} to {c1}.",
        "{days} days, from {first} to {last}: users {u0} to {u1}, active offers {o0} to {o1}, "
        "applications {a0} to {a1}, completed collaborations {c0} to {c1}.", len(days),
    ).format(days=len(days), first=chart_text.day_text(first.day), last=chart_text.day_text(last.day),
             u0=n(first.total_users), u1=n(last.total_users), o0=n(first.active_offers), o1=n(last.active_offers),
             a0=n(first.total_applications), a1=n(last.total_applications),
             c0=n(first.total_collaborations_completed), c1=n(last.total_collaborations_completed))


class AdminOverviewState(AdminPageState):
    figures: list[Figure] = []
    collaborations: list[StatusCount] = []
    history: list[DayRow] = []  # newest first, for the table
    chart: list[dict[str, Any]] = []  # oldest first, for the chart
    chart_caption: str = ""  # the chart's figures in words (its text alternative, with the table)
    snapshotting: bool = False

    @rx.event
    @service_handler("loading the admin overview")
    async def load(self):
        async for update in self._load():
            yield update

    async def _fetch(self) -> None:
        page = await call_service(self, admin_overview.overview_page)
        self.figures = _figures(page.overview)
        self.collaborations = [StatusCount(s.value, page.overview.collaborations[s.value])
                               for s in CollaborationStatus]
        self._show_history(page.history)

    @rx.event
    @service_handler("recording today's figures")
    async def take_snapshot(self):
        """Record today's figures now, rather than waiting for the hourly job."""
        self._reset_errors()
        self.snapshotting = True
        yield
        try:
            self._show_history(await call_service(self, admin_analytics.record_today))
            self.notice = _("Today's figures are recorded.")
        finally:
            self.snapshotting = False

    def _show_history(self, days: list[admin_analytics.DayFigures]) -> None:
        self.history = [_day_row(d) for d in reversed(days)]
        self.chart = [_chart_point(d) for d in days]
        self.chart_caption = chart_caption(days)
