"""Badges of collaborations and their content: the status, the analysis score, stars."""

from __future__ import annotations

import reflex as rx
from reflex.vars import Var

from influfinder.domain.enums import CollaborationStatus as S
from influfinder.i18n import _
from influfinder.i18n.labels import label
# Live states in cool colours, the happy end in green, trouble in red, the rest grey.
_STATUS_STYLE = {
    S.ACCEPTED.value: ("handshake", "blue"), S.SCHEDULED.value: ("calendar-clock", "cyan"),
    S.VISITED.value: ("map-pin-check", "teal"), S.CONTENT_SUBMITTED.value: ("upload", "violet"),
    S.IN_REVIEW.value: ("eye", "amber"), S.COMPLETED.value: ("circle-check", "green"),
    S.DISPUTED.value: ("triangle-alert", "red"), S.CANCELLED.value: ("circle-x", "gray"),
}


def status_label(status: str) -> str:
    return label(status, S)


def status_badge(status: Var, size: str = "2") -> rx.Component:
    """A collaboration status by its value (ACCEPTED ... CANCELLED), with an icon and a colour."""
    cases = [
        (value, rx.badge(rx.icon(icon, size=14), label(value, S), color_scheme=color, variant="soft",
                         size=size, radius="full"))
        for value, (icon, color) in _STATUS_STYLE.items()
    ]
    return rx.match(status, *cases, rx.badge(status, variant="soft", size=size, radius="full"))


def score_badge(score: Var, passed: Var) -> rx.Component:
    """The AI score out of 100; green when every requirement was met."""
    return rx.badge(
        rx.icon("sparkles", size=14), score, " / 100",
        color_scheme=rx.cond(passed, "green", "amber"), variant="soft", size="3", radius="full",
        class_name="tabular",
    )


def stars(count: Var, spoken: str = "") -> rx.Component:
    """Five stars, `count` of them filled; read aloud as `spoken` (a translated sentence with {n}),
    by default "4 out of 5 stars"."""
    before, _mark, after = (spoken or _("{n} out of 5 stars")).partition("{n}")
    return rx.hstack(
        *[rx.icon("star", size=16, fill=rx.cond(count >= n, "currentColor", "none"),
                  color=rx.cond(count >= n, rx.color("amber", 9), rx.color("gray", 8)), aria_hidden="true")
          for n in range(1, 6)],
        spacing="0", align="center", role="img", aria_label=before + count.to_string() + after,
    )
