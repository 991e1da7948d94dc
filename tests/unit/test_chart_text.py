"""A chart's figures in words (state/chart_text.py): its text alternative, in the reader's language."""

from datetime import date
from decimal import Decimal

from influfinder.domain.time_series import Point
from influfinder.i18n import use_language
from influfinder.state import chart_text

WEEKS = [Point(date(2026, 11, 23), Decimal("1234.5")), Point(date(2026, 11, 30), Decimal(0))]


def test_a_weekly_caption_says_every_week_and_the_total_in_the_readers_money():
    sentence = "Spend per week, last {weeks} weeks: {values}. Total: {total}."
    with use_language("en"):
        text = chart_text.weekly_caption(sentence, WEEKS, chart_text.money_writer("EUR"))
    assert text == "Spend per week, last 2 weeks: 23 Nov: €1,234.50; 30 Nov: €0. Total: €1,234.50."
    with use_language("es"):
        text = chart_text.weekly_caption(sentence, WEEKS, chart_text.money_writer("EUR"))
    assert "23 nov: 1.234,50\xa0€; 30 nov: 0\xa0€" in text and text.endswith("Total: 1.234,50\xa0€.")


def test_chart_rows_hold_one_row_per_period_with_plain_numbers():
    counts = [Point(date(2026, 11, 23), 3), Point(date(2026, 11, 30), 0)]
    with use_language("en"):
        rows = chart_text.rows(views=counts, spend=WEEKS)
    assert rows == [{"label": "23 Nov", "views": 3, "spend": 1234.5}, {"label": "30 Nov", "views": 0, "spend": 0.0}]


def test_the_karma_caption_lists_each_completion_and_says_when_there_is_none():
    with use_language("es"):
        assert chart_text.karma_caption([Point(date(2026, 1, 5), 100), Point(date(2026, 2, 9), 200)]).endswith(
            "5 ene: 100; 9 feb: 200.")
        assert chart_text.karma_caption([])


def test_a_success_rate_is_written_as_the_reader_writes_percentages():
    from influfinder.i18n import formats

    assert (formats.percent(100.0, "en"), formats.percent(33.3, "en")) == ("100%", "33.3%")
    assert (formats.percent(50.0, "es"), formats.percent(33.3, "es")) == ("50\xa0%", "33,3\xa0%")
