"""Each chart line reads a key the state's rows have: a mismatch draws an empty chart (no error anywhere)."""

import re
from datetime import date
from decimal import Decimal

from influfinder.pages import admin_overview
from influfinder.services.admin_analytics import DayFigures
from influfinder.state.admin_overview import _chart_point


def data_keys(component) -> set[str]:
    return set(re.findall(r'dataKey:"(\w+)"', str(component)))


def test_the_admin_chart_lines_read_the_keys_of_the_daily_rows():
    row = _chart_point(DayFigures(day=date(2026, 12, 6), total_users=3, new_users=1, total_offers_created=2,
                                  active_offers=1, total_applications=4, total_collaborations_completed=1,
                                  total_revenue=Decimal(0), avg_tier_level=0.0))
    keys = data_keys(admin_overview._chart())
    assert keys == set(row) and len(keys) == 5  # four lines and the x axis


def test_the_weekly_charts_read_the_keys_of_the_weekly_rows():
    from influfinder.domain.time_series import Point
    from influfinder.pages.dashboard import weekly_charts
    from influfinder.state.business_dashboard import DashboardState as D
    from influfinder.state.business_dashboard import weekly_charts as weekly_rows
    from influfinder.services.business_dashboard import Series

    week = [Point(date(2026, 11, 30), 1)]
    rows = weekly_rows(Series(views=week, applications=week, completed=week, spend=week, currency="EUR")).rows
    drawn = weekly_charts(D.chart, D.views_caption, D.applications_caption, D.completed_caption, D.spend_caption)
    assert data_keys(drawn) == set(rows[0])
