"""What the collaboration page shows, shaped from the services' views: versions, analysis, timeline.

Plain dataclasses the page's vars hold, and the functions that fill them in the viewer's time zone.
Nothing here reads the database: the state passes the services' results in.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from decimal import Decimal

from influfinder.components.collaboration_badges import status_label
from influfinder.components.qr_code import qr_svg
from influfinder.i18n import formats, translated
from influfinder.i18n.advice import suggestions_for_reader
from influfinder.i18n.event_notes import note_words
from influfinder.services import analysis, collaboration_views, submissions
from influfinder.settings import get_settings
from influfinder.state import local_time
from influfinder.state.auth import backend_url

PLATFORM_LABELS = {"INSTAGRAM": "Instagram", "TIKTOK": "TikTok", "FACEBOOK": "Facebook"}


@dataclass
class AnalysisView:
    state: str = ""  # "running", "done", "failed" or "" (none)
    error: str = ""
    score: str = ""
    passed: bool = False
    quality: int = 0
    relevance: int = 0
    compliance: str = ""
    hashtags_found: list[str] = field(default_factory=list)
    hashtags_missing: list[str] = field(default_factory=list)
    mentions_found: list[str] = field(default_factory=list)
    mentions_missing: list[str] = field(default_factory=list)
    disclosure: bool = False
    suggestions: list[str] = field(default_factory=list)


@dataclass
class MediaItem:
    url: str = ""
    name: str = ""
    is_video: bool = False


@dataclass
class CaptionItem:
    platform: str = ""
    text: str = ""


@dataclass
class VersionCard:
    id: str = ""
    version: int = 0
    is_latest: bool = False
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    media: list[MediaItem] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    captions: list[CaptionItem] = field(default_factory=list)
    platform: str = ""
    post_id: str = ""
    paid_partnership: bool = False
    reviewer_notes: str = ""
    can_review: bool = False
    can_retry: bool = False
    analysis: AnalysisView = field(default_factory=AnalysisView)


@dataclass
class TimelineRow:
    when: str = ""
    label: str = ""
    who: str = ""
    change: str = ""  # "Accepted → Scheduled", or "" when the state stayed
    note: str = ""


def money(amount: Decimal | None, currency: str) -> str:
    """The agreed fee for the reader: "150 €" / "€150" (influfinder/i18n/formats.py)."""
    return "" if amount is None else formats.money(amount, currency)


def qr_data_uri(collab_id: str, code: str) -> str:
    """A QR code of the page's link with the code: the business's phone opens it with the code filled in."""
    link = f"{get_settings().public_url.rstrip('/')}/collaborations/{collab_id}?code={code}"
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(link).encode()).decode()


def timeline_row(entry: collaboration_views.TimelineEntry, zone: str) -> TimelineRow:
    moved = entry.from_status and entry.from_status != entry.to_status
    change = f"{status_label(entry.from_status)} → {status_label(entry.to_status)}" if moved else ""
    return TimelineRow(when=local_time.when(entry.at, zone), label=translated(entry.label), who=entry.actor_name or "Influfinder",
                       change=change, note=note_words(entry.note, local_time.zone_name(zone)))


def version_card(view: submissions.SubmissionView, zone: str) -> VersionCard:
    return VersionCard(
        id=view.id, version=view.version, is_latest=view.is_latest, status=view.status,
        status_label=view.status_label, submitted=local_time.when(view.submitted_at, zone),
        media=[MediaItem(url=backend_url(m.url), name=m.name or f"{m.kind.title()} {i + 1}", is_video=m.kind == "video")
               for i, m in enumerate(view.media)],
        links=list(view.content_urls),
        captions=[CaptionItem(PLATFORM_LABELS.get(p, p.title()), text) for p, text in view.captions.items()],
        platform=PLATFORM_LABELS.get(view.platform, view.platform.title()), post_id=view.platform_post_id or "",
        paid_partnership=view.paid_partnership, reviewer_notes=view.reviewer_notes or "",
        can_review="approve" in view.actions, can_retry=analysis.RETRY in view.actions,
        analysis=analysis_view(view.analysis, _analysis_state(view.analysis_status), view.analysis_error or "",
                               view.ai_score),
    )


def _analysis_state(status: str) -> str:
    # PENDING and RUNNING both read "Analyzing…": the result is pushed to the page when it is stored.
    return {"DONE": "done", "FAILED": "failed"}.get(status, "running")


def analysis_view(data: dict | None, state: str, error: str, score: float | None) -> AnalysisView:
    if state != "done" or not data:
        return AnalysisView(state=state, error=error)
    return AnalysisView(
        state="done", score=f"{score or 0:.0f}",
        passed=data.get("compliance_percentage") == 100 and bool(data.get("disclosure_found")),
        quality=int(data.get("quality_rating", 0)), relevance=int(data.get("relevance_rating", 0)),
        compliance=f"{float(data.get('compliance_percentage', 0)):g}%",
        hashtags_found=list(data.get("hashtags_found", [])), hashtags_missing=list(data.get("hashtags_missing", [])),
        mentions_found=list(data.get("mentions_found", [])), mentions_missing=list(data.get("mentions_missing", [])),
        disclosure=bool(data.get("disclosure_found")), suggestions=suggestions_for_reader(data),
    )
