"""/offers: the public list of active offers, readable by anyone, 20 to a page (?page=N)."""

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.layout import link_button, page
from influfinder.components.offer_card import offer_card, offer_card_skeleton
from influfinder.state.offers import OfferListState

TITLE = "Offers"
EYEBROW = "Marketplace"
SUBTITLE = "Open collaborations from cafés, studios and brands. Pick one that fits your audience."
OPEN_COUNT = " open offers"
SHOWING, TO, OF = "Showing ", "–", " of "
PREVIOUS = "Previous"
NEXT = "Next"
PAGE = "Page "
PAGINATION_LABEL = "Pages of offers"
EMPTY_TITLE = "No open offers yet"
EMPTY_TEXT = "New collaborations appear here as soon as businesses publish them. Check back soon, or publish your own."
CREATE_OFFER = "Create offer"
GO_HOME = "Back to home"
SKELETON_CARDS = 6

_S = OfferListState


def _header() -> rx.Component:
    return rx.flex(
        rx.vstack(
            rx.text(EYEBROW, size="2", weight="bold", color=rx.color("accent", 11)),
            rx.heading(TITLE, size="8", as_="h1"),
            rx.text(SUBTITLE, color_scheme="gray", size="3"),
            spacing="2",
        ),
        rx.spacer(),
        rx.cond(
            _S.loading,
            rx.skeleton(rx.badge("00", OPEN_COUNT, size="3")),
            rx.badge(rx.icon("sparkles", size=14), _S.total, OPEN_COUNT, size="3", variant="soft", radius="full"),
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        align=rx.breakpoints(initial="start", sm="end"),
        spacing="4",
        margin_bottom="2rem",
    )


def _page_link(label: str, icon: str, target, enabled, icon_first: bool) -> rx.Component:
    parts = (rx.icon(icon, size=16), label) if icon_first else (label, rx.icon(icon, size=16))
    return rx.cond(
        enabled,
        link_button(*parts, href="/offers?page=" + target.to_string(), variant="soft", size="2"),
        rx.button(*parts, variant="soft", size="2", disabled=True),
    )


def _pager() -> rx.Component:
    return rx.el.nav(
        rx.flex(
            rx.text(
                SHOWING, _S.first_shown, TO, _S.last_shown, OF, _S.total,
                size="2", color_scheme="gray", class_name="tabular",
            ),
            rx.spacer(),
            rx.hstack(
                _page_link(PREVIOUS, "chevron-left", _S.page - 1, _S.page > 1, True),
                rx.text(PAGE, _S.page, OF, _S.pages, size="2", color_scheme="gray", class_name="tabular"),
                _page_link(NEXT, "chevron-right", _S.page + 1, _S.page < _S.pages, False),
                align="center",
                spacing="3",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            align="center",
            spacing="3",
            width="100%",
        ),
        aria_label=PAGINATION_LABEL,
        style={"width": "100%", "marginTop": "2.5rem"},
    )


def _grid(*children) -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", sm="2", md="3"), spacing="5", width="100%")


def _list() -> rx.Component:
    return rx.cond(
        _S.total > 0,
        rx.vstack(_grid(rx.foreach(_S.offers, offer_card)), _pager(), width="100%"),
        empty_state(
            "search-x", EMPTY_TITLE, EMPTY_TEXT,
            link_button(CREATE_OFFER, href="/signup"),
            link_button(GO_HOME, href="/", variant="soft"),
        ),
    )


def offers_page() -> rx.Component:
    return page(
        _header(),
        rx.cond(
            _S.loading,
            rx.box(_grid(*[offer_card_skeleton() for _ in range(SKELETON_CARDS)]), aria_busy="true", width="100%"),
            _list(),
        ),
    )
