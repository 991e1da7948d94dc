"""A creator's "My progress" (tier, karma, progress bar, what the next tier unlocks, karma history) and
a business's dashboard: each user's own numbers only (services/progress.py, services/metrics.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import reflex as rx

from influfinder.domain.reputation import Reputation
from influfinder.i18n import _, formats, ngettext
from influfinder.services import metrics, progress, reputation
from influfinder.state import chart_text, local_time
from influfinder.state.browser import ask_zone
from influfinder.state.forms import FormState
from influfinder.state.service_handler import call_service, service_handler

HISTORY_PAGE_SIZE = 10


@dataclass
class KarmaLine:
    collaboration_id: str = ""
    offer_title: str = ""
    completed: str = ""
    number: int = 0
    gained: int = 0
    total: int = 0
    tier: str = ""


@dataclass
class Numbers:
    """The per-user metrics, ready to show ("—" where there is nothing to measure yet)."""

    offers_created: int = 0
    applications_received: int = 0
    applications_sent: int = 0
    collaborations: int = 0
    completed: int = 0
    completion_rate: str = "—"
    average_rating: str = "—"
    rating_count: int = 0


def _numbers(m: metrics.UserMetrics) -> Numbers:
    return Numbers(
        offers_created=m.offers_created, applications_received=m.applications_received,
        applications_sent=m.applications_sent, collaborations=m.collaborations, completed=m.completed,
        completion_rate="—" if m.completion_rate is None else f"{m.completion_rate:g}%",
        average_rating="—" if m.average_rating is None else f"{m.average_rating:.1f}",
        rating_count=m.rating_count,
    )


@dataclass
class RecordView:
    """The user's reputation as counterparties see it (domain/reputation.py), "—" where nothing is measured."""

    badges: list[str] = field(default_factory=list)
    figures: list[list[str]] = field(default_factory=list)  # [label, value]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _hours(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 48:
        return _("{n} h").format(n=f"{value:.0f}")
    days = round(value / 24)
    return ngettext("{n} day", "{n} days", days).format(n=days)


def record_view(rep: Reputation | None) -> RecordView:
    """Words in the reader's language (the event's): the cached figures hold numbers only."""
    if rep is None:
        return RecordView()
    if rep.role == "creator":
        figures = [[_("Completed"), _percent(rep.completion_rate)], [_("Visits on time"), _percent(rep.on_time_visits)],
                   [_("Content on time"), _percent(rep.on_time_content)]]
    else:
        figures = [[_("Answers applications in"), _hours(rep.decision_hours)],
                   [_("Reviews content in"), _hours(rep.review_hours)],
                   [_("Visits confirmed"), _percent(rep.visit_confirmation)],
                   [_("Disputes lost"), str(rep.disputes_lost)]]
    figures.append([_("Replies to messages in"), _hours(rep.response_hours)])
    return RecordView(badges=list(rep.badges), figures=figures)


def _page_param(state: rx.State) -> int:
    raw = state.router.url.query_parameters.get("page", "1")
    return int(raw) if raw.isdigit() and len(raw) < 6 else 1


def to_next_words(progress_percent: float, completions: int) -> str:
    """How far the next tier is, as one sentence (its plural and percent sign follow the language)."""
    return ngettext("{percent} · {n} more collaboration to go", "{percent} · {n} more collaborations to go",
                    completions).format(percent=formats.percent(progress_percent), n=completions)


class ProgressState(FormState, rx.State):
    loading: bool = True
    tier: str = ""
    tier_level: int = 0
    karma: int = 0
    progress: float = 0.0
    completed: int = 0
    next_tier: str = ""
    completions_to_next: int = 0
    to_next_words: str = ""  # "40% · 3 more collaborations to go", one sentence per language
    next_unlocks: list[str] = []
    benefits: list[str] = []
    history: list[KarmaLine] = []
    history_total: int = 0
    page: int = 1
    pages: int = 1
    numbers: Numbers = Numbers()
    record: RecordView = RecordView()
    karma_chart: list[dict[str, Any]] = []  # karma after each completion, oldest first
    karma_caption: str = ""  # the chart's figures in words
    _zone: str = local_time.UTC

    @rx.event
    def start(self):
        self.loading = True
        return ask_zone(ProgressState.load)

    @rx.event
    @service_handler("showing a creator's progress")
    async def load(self, zone: str = ""):
        self._zone = local_time.zone_name(zone) if zone else self._zone
        shown = await call_service(self, progress.progress_page, _page_param(self), HISTORY_PAGE_SIZE)
        if shown is None:
            return  # not a creator: the page's Access.CREATOR sends everyone else away
        self._show(shown.progress)
        self.numbers = _numbers(shown.numbers)
        self.karma_chart = chart_text.rows(karma=shown.karma)
        self.karma_caption = chart_text.karma_caption(shown.karma)
        self.record = record_view(await call_service(self, reputation.my_reputation))
        self.loading = False

    def _show(self, mine: progress.Progress) -> None:
        self.tier, self.tier_level, self.karma = mine.tier, mine.tier_level, mine.karma
        self.progress, self.completed = round(mine.progress, 1), mine.completed
        self.next_tier = mine.next_tier or ""
        self.completions_to_next = mine.completions_to_next or 0
        self.to_next_words = to_next_words(self.progress, self.completions_to_next)
        self.next_unlocks, self.benefits = list(mine.next_unlocks), list(mine.benefits)
        page = mine.history
        self.history = [
            KarmaLine(collaboration_id=r.collaboration_id, offer_title=r.offer_title,
                      completed=local_time.day(r.completed_date, self._zone), number=r.number,
                      gained=r.karma_gained, total=r.karma_total, tier=r.tier)
            for r in page.items
        ]
        self.history_total, self.page, self.pages = page.total, page.page, page.pages
