"""The AI analysis of a content version (and of the creator's pre-check): scores, found and missing, tips."""

import reflex as rx

from influfinder.components.collaboration_badges import score_badge
from influfinder.i18n import translated
from influfinder.pages.collaboration.parts import chips, muted
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S
from influfinder.state.collaboration_detail_views import AnalysisView, VersionCard


def _meter(label: str, value, text, high) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.text(label, size="2"), rx.spacer(), rx.text(text, size="2", weight="bold", class_name="tabular"),
                  width="100%"),
        rx.progress(value=value, max=100, color_scheme=rx.cond(high, "green", "amber"), size="2"),
        spacing="1", width="100%",
    )


def _found_missing(title: str, found, missing) -> rx.Component:
    return rx.vstack(
        rx.text(title, size="2", weight="medium"),
        rx.cond((found.length() == 0) & (missing.length() == 0), muted(translated(COPY["none"])),
                rx.hstack(chips(found, "green", "check"), chips(missing, "red", "x"), spacing="2", wrap="wrap")),
        spacing="1", width="100%",
    )


def analysis_details(a: AnalysisView) -> rx.Component:
    return rx.vstack(
        _meter(translated(COPY["quality"]), a.quality * 10, a.quality.to_string() + " / 10", a.quality >= 7),
        _meter(translated(COPY["relevance"]), a.relevance * 10, a.relevance.to_string() + " / 10", a.relevance >= 7),
        rx.text(translated(COPY["compliance"]), ": ", rx.text.strong(a.compliance), size="2"),
        _found_missing(translated(COPY["hashtags"]), a.hashtags_found, a.hashtags_missing),
        _found_missing(translated(COPY["mentions"]), a.mentions_found, a.mentions_missing),
        rx.hstack(rx.text(translated(COPY["disclosure"]), size="2", weight="medium"),
                  rx.cond(a.disclosure, rx.badge(rx.icon("check", size=12), translated(COPY["disclosed"]), color_scheme="green"),
                          rx.badge(rx.icon("x", size=12), translated(COPY["not_disclosed"]), color_scheme="red")),
                  spacing="2", align="center", wrap="wrap"),
        rx.cond(a.suggestions.length() > 0, rx.vstack(
            rx.text(translated(COPY["suggestions"]), size="2", weight="medium"),
            rx.el.ul(rx.foreach(a.suggestions, lambda s: rx.el.li(rx.text(s, size="2"))),
                     style={"paddingLeft": "1.25rem", "margin": "0"}),
            spacing="1", width="100%",
        )),
        spacing="3", width="100%",
    )


def analysis_panel(v: VersionCard) -> rx.Component:
    a = v.analysis
    return rx.card(
        rx.vstack(
            rx.hstack(rx.icon("sparkles", size=16), rx.text(translated(COPY["analysis"]), weight="bold"), rx.spacer(),
                      rx.cond(a.state == "done", score_badge(a.score, a.passed)), align="center", width="100%"),
            rx.match(
                a.state,
                ("running", rx.hstack(rx.spinner(size="3"), rx.vstack(rx.text(translated(COPY["analyzing"]), weight="medium"),
                                                                       muted(translated(COPY["analyzing_text"])), spacing="0"),
                                      align="center", spacing="3", role="status")),
                ("failed", rx.vstack(
                    rx.callout(rx.text(rx.text.strong(translated(COPY["failed"])), ". ", a.error), icon="circle-alert",
                               color_scheme="red", role="alert", width="100%"),
                    rx.cond(v.can_retry, rx.button(rx.icon("rotate-ccw", size=16), translated(COPY["retry"]), variant="soft",
                                                   disabled=_S.busy, on_click=_S.retry_analysis(v.id))),
                    spacing="3", width="100%")),
                analysis_details(a),
            ),
            spacing="3", width="100%",
        ),
        size="2", width="100%", variant="surface", data_testid="analysis",
    )
