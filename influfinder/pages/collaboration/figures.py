"""A completed collaboration's numbers: how long it took, the content's quality score, both ratings."""

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.pages.collaboration.parts import step_card
from influfinder.state.collaboration_detail import CollaborationDetailState as _S
from influfinder.state.collaboration_figures import CollabFigure

TITLE = N_("This collaboration in numbers")


def _figure(item: CollabFigure) -> rx.Component:
    return rx.vstack(
        rx.text(item.label, size="1", color_scheme="gray"),
        rx.text(item.value, size="5", weight="bold", class_name="tabular"),
        spacing="1", data_testid="figure-" + item.key,
    )


def figures_section() -> rx.Component:
    return rx.cond(
        _S.figures.length() > 0,
        step_card(translated(TITLE), "chart-no-axes-column",
                  rx.grid(rx.foreach(_S.figures, _figure), columns=rx.breakpoints(initial="2", sm="4"),
                          spacing="4", width="100%"),
                  data_testid="collaboration-figures"),
    )
