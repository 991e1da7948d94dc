"""/collaborations/[collab_id]: one collaboration, its next step for the viewer, its content and its timeline.

The parts live in pages/collaboration/ (the visit, the content form, the versions and their
analysis, ratings, the timeline); this module only lays them out. The page is live: what the
other party (or an admin) does shows here without a reload (state/collaboration_detail.py).
"""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error, notice
from influfinder.components.layout import link_button, page
from influfinder.components.portfolio import portfolio_switch
from influfinder.i18n import _, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.collaboration.figures import figures_section
from influfinder.pages.collaboration.next_step import next_step
from influfinder.pages.collaboration.overview import aside, header
from influfinder.pages.collaboration.stepper import stepper
from influfinder.pages.collaboration.timeline import timeline
from influfinder.pages.collaboration.versions import content_section
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S

ROUTE = "/collaborations/[collab_id]"


def _messages() -> rx.Component:
    # Errors of a dialog's form show inside the dialog; the rest show above the next step. Nothing is
    # rendered when there is nothing to say, so the column keeps its rhythm.
    return rx.cond(
        (_S.notice != "") | ((_S.error != "") & (_S.dialog == "")),
        rx.vstack(notice(_S.notice), rx.cond(_S.dialog == "", form_error(_S.error)), width="100%", spacing="2",
                  role="status"),
    )


def _detail() -> rx.Component:
    return rx.vstack(
        header(),
        rx.grid(
            rx.vstack(stepper(), _messages(), next_step(), figures_section(), portfolio_switch(), content_section(),
                      timeline(), spacing="6", width="100%",
                      min_width="0"),
            rx.box(aside()),
            columns=rx.breakpoints(initial="1", md="minmax(0, 2fr) minmax(0, 1fr)"),
            spacing="6", width="100%", margin_top="1rem",
        ),
        width="100%", spacing="3", data_testid="collaboration-detail",
    )


def _loading() -> rx.Component:
    return rx.vstack(
        rx.skeleton(rx.text(_("All collaborations")), width="160px"),
        rx.skeleton(rx.heading(_("A collaboration is loading"), size="8")),
        rx.skeleton(height="220px", width="100%"),
        spacing="4", width="100%", aria_busy="true",
    )


def collaboration_detail_page() -> rx.Component:
    return page(
        rx.cond(
            _S.loading,
            _loading(),
            rx.cond(_S.found, _detail(),
                    empty_state("search-x", translated(COPY["not_found_title"]), translated(COPY["not_found_text"]),
                                link_button(translated(COPY["back"]), href=page_href("/collaborations")))),
        ),
    )
