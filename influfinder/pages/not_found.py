"""The page for an address that does not exist."""

import reflex as rx

from influfinder.components.layout import link_button, page
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href

CODE = "404"
TITLE = N_("This page does not exist")
TEXT = N_("The link may be old, or the address mistyped. These might help:")
GO_HOME = N_("Go home")
BROWSE = N_("Browse offers")


def not_found_page() -> rx.Component:
    return page(not_found_body())


def not_found_body() -> rx.Component:
    """What the 404 page says; pages whose object the viewer may not see show it too (nothing revealed)."""
    return rx.center(
            rx.vstack(
                rx.box(rx.icon("map-pin-off", size=28), class_name="step-icon", width="64px", height="64px"),
                rx.text(CODE, size="9", weight="bold", class_name="gradient-text tabular", aria_hidden="true"),
                rx.heading(translated(TITLE), size="7", as_="h1", text_align="center"),
                rx.text(translated(TEXT), color_scheme="gray", text_align="center"),
                rx.hstack(
                    link_button(rx.icon("house", size=16), translated(GO_HOME), href=page_href("/")),
                    link_button(translated(BROWSE), href=page_href("/offers"), variant="outline"),
                    spacing="3",
                    wrap="wrap",
                    justify="center",
                ),
                align="center",
                spacing="4",
            ),
            padding_y=rx.breakpoints(initial="3rem", sm="6rem"),
        )
