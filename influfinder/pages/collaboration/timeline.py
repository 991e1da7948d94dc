"""The collaboration's timeline: every move, who made it and when, newest first."""

import reflex as rx

from influfinder.i18n import translated
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S
from influfinder.state.collaboration_detail_views import TimelineRow


def _event(row: TimelineRow) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.box(width="10px", height="10px", border_radius="50%", background_color=rx.color("accent", 9),
                   margin_top="0.4rem", flex_shrink="0"),
            rx.vstack(
                rx.hstack(rx.text(row.label, weight="bold", size="2"),
                          rx.cond(row.change != "", rx.badge(row.change, variant="outline", size="1")),
                          spacing="2", wrap="wrap", align="center"),
                rx.text(row.who, " · ", row.when, size="1", color_scheme="gray", class_name="tabular"),
                rx.cond(row.note != "", rx.text(row.note, size="2", style={"overflowWrap": "anywhere"})),
                spacing="1",
            ),
            spacing="3", align="start",
        ),
        style={"listStyle": "none", "paddingBottom": "1rem"},
    )


def timeline() -> rx.Component:
    return rx.vstack(
        rx.heading(translated(COPY["timeline"]), size="5", as_="h2"),
        rx.el.ol(rx.foreach(_S.timeline, _event), style={"padding": "0", "margin": "0"}, data_testid="timeline"),
        spacing="3", width="100%",
    )
