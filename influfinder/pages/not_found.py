"""The page for an address that does not exist."""

import reflex as rx

from influfinder.components.layout import link_button, page

CODE = "404"
TITLE = "This page does not exist"
TEXT = "The link may be old, or the address mistyped. These might help:"
GO_HOME = "Go home"
BROWSE = "Browse offers"


def not_found_page() -> rx.Component:
    return page(
        rx.center(
            rx.vstack(
                rx.box(rx.icon("map-pin-off", size=28), class_name="step-icon", width="64px", height="64px"),
                rx.text(CODE, size="9", weight="bold", class_name="gradient-text tabular", aria_hidden="true"),
                rx.heading(TITLE, size="7", as_="h1", text_align="center"),
                rx.text(TEXT, color_scheme="gray", text_align="center"),
                rx.hstack(
                    link_button(rx.icon("house", size=16), GO_HOME, href="/"),
                    link_button(BROWSE, href="/offers", variant="outline"),
                    spacing="3",
                    wrap="wrap",
                    justify="center",
                ),
                align="center",
                spacing="4",
            ),
            padding_y=rx.breakpoints(initial="3rem", sm="6rem"),
        )
    )
