"""/: what Influfinder is, for creators and for businesses."""

import reflex as rx

from influfinder.components.layout import page


def _step(number: str, title: str, text: str) -> rx.Component:
    return rx.vstack(
        rx.badge(number, size="2", radius="full", variant="solid", color_scheme="violet"),
        rx.heading(title, size="4"),
        rx.text(text, color_scheme="gray", size="2"),
        spacing="2",
        align="start",
    )


def _audience(icon: str, title: str, points: list[str], cta: str, href: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon(icon, size=28, color=rx.color("violet", 9)),
            rx.heading(title, size="6"),
            rx.vstack(
                *[rx.hstack(rx.icon("check", size=16, color=rx.color("green", 9)), rx.text(p, size="3"), align="center")
                  for p in points],
                spacing="2",
            ),
            rx.link(rx.button(cta, size="3"), href=href),
            spacing="4",
            align="start",
        ),
        size="4",
    )


def hero() -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.badge("The creator marketplace for local brands", variant="soft", size="2", color_scheme="violet"),
            rx.heading(
                "Real collaborations between creators and the places they love",
                size=rx.breakpoints(initial="8", md="9"),
                text_align="center",
                max_width="820px",
            ),
            rx.text(
                "Businesses publish offers. Creators apply, visit, publish and get paid. "
                "Every piece of content is checked before approval, and every collaboration builds your reputation.",
                size="4",
                color_scheme="gray",
                text_align="center",
                max_width="640px",
            ),
            rx.hstack(
                rx.link(rx.button("Browse offers", size="4"), href="/offers"),
                rx.link(rx.button("Sign up", size="4", variant="outline"), href="/signup"),
                spacing="3",
                wrap="wrap",
                justify="center",
            ),
            align="center",
            spacing="5",
        ),
        padding_y=rx.breakpoints(initial="3rem", md="5rem"),
    )


def landing_page() -> rx.Component:
    return page(
        hero(),
        rx.grid(
            _audience("sparkles", "For creators", [
                "Offers from cafés, studios and brands near you",
                "See at a glance whether you qualify",
                "Grow from Newbie to Legend with every collaboration",
            ], "Find an offer", "/offers"),
            _audience("store", "For businesses and agencies", [
                "Publish an offer in minutes",
                "Review applicants with their reach, rating and tier",
                "AI checks hashtags, mentions and disclosure before you approve",
            ], "Create offer", "/signup"),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="5",
        ),
        rx.vstack(
            rx.heading("How it works", size="7", margin_top="4rem"),
            rx.grid(
                _step("1", "Apply", "Pick an offer that fits your audience and tell the business why."),
                _step("2", "Visit", "Schedule the visit; the business confirms with a one-time code."),
                _step("3", "Publish", "Post your content and submit it for an instant compliance check."),
                _step("4", "Rate", "Both sides rate each other; karma and tiers follow."),
                columns=rx.breakpoints(initial="1", sm="2", md="4"),
                spacing="5",
                width="100%",
            ),
            spacing="5",
            width="100%",
        ),
    )
