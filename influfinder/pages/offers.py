"""/offers: the public list of active offers, readable by anyone."""

import reflex as rx

from influfinder.components.layout import page
from influfinder.components.offer_card import offer_card
from influfinder.state.offers import OfferListState


def _pager() -> rx.Component:
    return rx.hstack(
        rx.link(
            rx.button("Previous", variant="soft", disabled=OfferListState.page <= 1),
            href="/offers?page=" + (OfferListState.page - 1).to_string(),
            aria_disabled=OfferListState.page <= 1,
        ),
        rx.text("Page ", OfferListState.page, " of ", OfferListState.pages, size="2", color_scheme="gray"),
        rx.link(
            rx.button("Next", variant="soft", disabled=OfferListState.page >= OfferListState.pages),
            href="/offers?page=" + (OfferListState.page + 1).to_string(),
        ),
        justify="center",
        align="center",
        spacing="4",
        width="100%",
        margin_top="2rem",
    )


def offers_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.heading("Offers", size="8"),
            rx.text(OfferListState.total, " open collaborations from cafés, studios and brands.", color_scheme="gray"),
            spacing="2",
            margin_bottom="1.5rem",
        ),
        rx.cond(
            OfferListState.loading,
            rx.center(rx.spinner(size="3"), padding="4rem"),
            rx.cond(
                OfferListState.total > 0,
                rx.vstack(
                    rx.grid(
                        rx.foreach(OfferListState.offers, offer_card),
                        columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                        spacing="4",
                        width="100%",
                    ),
                    _pager(),
                    width="100%",
                ),
                rx.center(
                    rx.vstack(
                        rx.icon("search-x", size=40, color=rx.color("gray", 9)),
                        rx.heading("No open offers yet", size="5"),
                        rx.text("New collaborations appear here as soon as businesses publish them.", color_scheme="gray"),
                        align="center",
                    ),
                    padding="4rem",
                ),
            ),
        ),
    )
