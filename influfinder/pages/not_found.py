"""The page for an address that does not exist."""

import reflex as rx

from influfinder.components.layout import page


def not_found_page() -> rx.Component:
    return page(
        rx.center(
            rx.vstack(
                rx.heading("404", size="9", color=rx.color("violet", 9)),
                rx.heading("This page does not exist", size="6"),
                rx.text("The link may be old, or the address mistyped.", color_scheme="gray"),
                rx.hstack(
                    rx.link(rx.button("Go home"), href="/"),
                    rx.link(rx.button("Browse offers", variant="outline"), href="/offers"),
                    spacing="3",
                ),
                align="center",
                spacing="4",
            ),
            padding_y="6rem",
        )
    )
