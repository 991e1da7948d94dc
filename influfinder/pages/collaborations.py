"""/collaborations: the signed-in user's collaborations by status, ten to a page, each with its next step."""

import reflex as rx

from influfinder.components.collaboration_badges import status_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.layout import link_button, page
from influfinder.components.list_nav import count_tab, tab_row
from influfinder.components.phrases import filled
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.collaborations import CollabRow, CollaborationListState, StatusTab

ROUTE = "/collaborations"
COPY = {
    "eyebrow": N_("Your work"),
    "title": N_("Collaborations"),
    "subtitle": N_("Every collaboration you are part of, from the accepted application to the final rating."),
    "filter": N_("Filter by status"),
    "your_turn": N_("Your turn"),
    "open": N_("Open"),
    "with": N_("with "),
    "empty_title": N_("No collaborations yet"),
    "empty_text": N_("When a business accepts your application (or you accept a creator's), the collaboration "
                  "starts here: schedule the visit, share the content, rate each other."),
    "empty_filtered_title": N_("Nothing with this status"),
    "empty_filtered_text": N_("None of your collaborations is in this state right now."),
    "browse": N_("Browse offers"),
    "all": N_("Show all"),
    "showing": N_("Page "),
    "of": N_(" of "),
    "previous": N_("Previous"),
    "next": N_("Next"),
    "pages": N_("Pages of collaborations"),
    "zone": N_("Dates in your time zone, {zone}; visits on the venue's clock."),
}

_S = CollaborationListState


def _header() -> rx.Component:
    return rx.vstack(
        rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
        rx.heading(translated(COPY["title"]), size="8", as_="h1"),
        rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="3"),
        rx.text(*filled(translated(COPY["zone"]), zone=_S.zone_name), size="1", color_scheme="gray",
                data_testid="viewer-zone"),
        spacing="2",
        margin_bottom="1.5rem",
    )


def _tab(tab: StatusTab) -> rx.Component:
    href = rx.cond(tab.value == "", "/collaborations", "/collaborations?status=" + tab.value)
    return count_tab(tab.label, href, tab.count, tab.current)


def _tabs() -> rx.Component:
    # The same tabs as My applications and My offers.
    return rx.box(tab_row(translated(COPY["filter"]), rx.foreach(_S.tabs, _tab)), width="100%", margin_bottom="1.25rem")


def _row(row: CollabRow) -> rx.Component:
    step = rx.hstack(
        rx.cond(row.my_turn, rx.icon("circle-arrow-right", size=16, color=rx.color("accent", 11)),
                rx.icon("hourglass", size=16, color=rx.color("gray", 9))),
        rx.text(row.next_step, size="2", weight=rx.cond(row.my_turn, "bold", "regular"),
                color=rx.cond(row.my_turn, rx.color("accent", 11), rx.color("gray", 11))),
        align="center", spacing="2",
    )
    return rx.card(
        rx.el.a(
            rx.flex(
                rx.vstack(
                    rx.hstack(status_badge(row.status, size="1"),
                              rx.cond(row.my_turn, rx.badge(translated(COPY["your_turn"]), color_scheme="violet", size="1",
                                                            variant="solid", radius="full")),
                              rx.cond(row.late != "", rx.badge(rx.icon("triangle-alert", size=12), row.late,
                                                               color_scheme="red", size="1", variant="soft",
                                                               radius="full", data_testid="late-badge")),
                              spacing="2", wrap="wrap"),
                    rx.heading(row.offer_title, size="4", as_="h2", class_name="line-clamp-2"),
                    rx.text(row.other_role, " · ", rx.text.strong(row.other_party), size="2", color_scheme="gray"),
                    rx.cond(row.late_who != "", rx.hstack(
                        rx.icon("user-round", size=14, color=rx.color("red", 11), aria_hidden="true"),
                        rx.text(row.late_who, size="2", weight="bold", color=rx.color("red", 11)),
                        align="center", spacing="1", data_testid="late-who")),
                    spacing="2", min_width="0", flex="1",
                ),
                rx.vstack(
                    step,
                    rx.text(row.when, size="1", color_scheme="gray", class_name="tabular"),
                    align=rx.breakpoints(initial="start", sm="end"), spacing="1",
                ),
                direction=rx.breakpoints(initial="column", sm="row"),
                justify="between", align=rx.breakpoints(initial="start", sm="center"), gap="3", width="100%",
            ),
            href=page_href("/collaborations/") + row.id,
            style={"textDecoration": "none", "color": "inherit", "display": "block"},
        ),
        size="2", width="100%", class_name="offer-card", data_testid="collaboration-row",
    )


def _pager() -> rx.Component:
    def link(label: str, icon: str, target, enabled, icon_first: bool) -> rx.Component:
        parts = (rx.icon(icon, size=16), label) if icon_first else (label, rx.icon(icon, size=16))
        return rx.cond(
            enabled,
            link_button(*parts, href="/collaborations?page=" + target.to_string() + _S.status_query,
                        variant="soft", size="2"),
            rx.button(*parts, variant="soft", size="2", disabled=True),
        )

    return rx.cond(
        _S.pages > 1,
        rx.el.nav(
            rx.hstack(
                link(translated(COPY["previous"]), "chevron-left", _S.page - 1, _S.page > 1, True),
                rx.text(translated(COPY["showing"]), _S.page, translated(COPY["of"]), _S.pages, size="2", color_scheme="gray",
                        class_name="tabular"),
                link(translated(COPY["next"]), "chevron-right", _S.page + 1, _S.page < _S.pages, False),
                align="center", justify="center", spacing="3", width="100%",
            ),
            aria_label=translated(COPY["pages"]),
            style={"width": "100%", "marginTop": "1.5rem"},
        ),
    )


def _empty() -> rx.Component:
    return rx.cond(
        _S.status == "",
        empty_state("handshake", translated(COPY["empty_title"]), translated(COPY["empty_text"]), link_button(translated(COPY["browse"]), href=page_href("/offers"))),
        empty_state("filter-x", translated(COPY["empty_filtered_title"]), translated(COPY["empty_filtered_text"]),
                    link_button(translated(COPY["all"]), href=page_href("/collaborations"), variant="soft")),
    )


def _skeleton() -> rx.Component:
    return rx.vstack(*[rx.skeleton(height="96px", width="100%", border_radius="var(--radius-4)") for _ in range(4)],
                     spacing="3", width="100%", aria_busy="true")


def collaborations_page() -> rx.Component:
    return page(
        _header(),
        rx.cond(
            _S.loading,
            _skeleton(),
            rx.vstack(
                rx.cond(_S.tabs.length() > 1, _tabs()),
                rx.cond(_S.rows.length() > 0,
                        rx.vstack(rx.foreach(_S.rows, _row), spacing="3", width="100%"),
                        _empty()),
                _pager(),
                width="100%", spacing="0",
            ),
        ),
    )
