"""The app shell: navbar, footer and the page frame every page uses."""

import reflex as rx

BRAND = "Influfinder"


def logo() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.image(src="/logo.svg", width="28px", height="28px", alt=""),
            rx.text(BRAND, weight="bold", size="5"),
            align="center",
            spacing="2",
        ),
        href="/",
        underline="none",
        color="inherit",
        aria_label="Influfinder home",
    )


def nav_link(label: str, href: str) -> rx.Component:
    return rx.link(label, href=href, color="inherit", weight="medium", size="3")


def color_mode_button() -> rx.Component:
    return rx.icon_button(
        rx.color_mode_cond(light=rx.icon("moon"), dark=rx.icon("sun")),
        on_click=rx.toggle_color_mode,
        variant="ghost",
        aria_label="Toggle dark mode",
    )


def navbar() -> rx.Component:
    return rx.box(
        rx.hstack(
            logo(),
            rx.hstack(
                nav_link("Offers", "/offers"),
                nav_link("Messages", "/messages"),
                rx.link(rx.icon("bell"), href="/notifications", color="inherit", aria_label="Notifications"),
                spacing="5",
                align="center",
                display=["none", "none", "flex"],
            ),
            rx.spacer(),
            rx.hstack(
                color_mode_button(),
                rx.link(rx.button("Log in", variant="ghost"), href="/login"),
                rx.link(rx.button("Sign up"), href="/signup"),
                spacing="3",
                align="center",
            ),
            align="center",
            width="100%",
            max_width="1200px",
            margin_x="auto",
            padding_x="1.5rem",
            padding_y="0.9rem",
            spacing="6",
        ),
        as_="header",
        position="sticky",
        top="0",
        z_index="10",
        background_color=rx.color("gray", 1),
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def footer() -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(f"© 2026 {BRAND}", size="2", color_scheme="gray"),
            rx.spacer(),
            rx.hstack(
                rx.link("Offers", href="/offers", size="2", color_scheme="gray"),
                rx.link("Health", href="/health", size="2", color_scheme="gray"),
                spacing="4",
            ),
            max_width="1200px",
            margin_x="auto",
            padding="1.5rem",
            width="100%",
        ),
        as_="footer",
        border_top=f"1px solid {rx.color('gray', 4)}",
        margin_top="4rem",
    )


def page(*children: rx.Component, **props) -> rx.Component:
    return rx.box(
        navbar(),
        rx.box(
            *children,
            as_="main",
            max_width="1200px",
            margin_x="auto",
            padding_x="1.5rem",
            padding_y="2rem",
            width="100%",
            **props,
        ),
        footer(),
        min_height="100vh",
    )
