"""An offer as a card in a list."""

import reflex as rx


def offer_card(offer) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.badge(offer.category, variant="soft", color_scheme="violet"),
                rx.cond(offer.requires_visit, rx.badge("Visit", variant="outline", color_scheme="gray")),
                rx.spacer(),
                rx.text(offer.city, size="1", color_scheme="gray"),
                width="100%",
                align="center",
            ),
            rx.heading(offer.title, size="4"),
            rx.text(offer.brand, size="2", weight="medium", color_scheme="gray"),
            rx.text(offer.description, size="2", color_scheme="gray", class_name="line-clamp-3"),
            rx.spacer(),
            rx.hstack(
                rx.text(offer.budget, weight="bold"),
                rx.badge(offer.compensation, variant="surface"),
                rx.spacer(),
                rx.text("Apply by ", offer.deadline, size="1", color_scheme="gray"),
                width="100%",
                align="center",
            ),
            rx.hstack(rx.foreach(offer.platforms, lambda p: rx.badge(p, variant="outline")), spacing="1"),
            spacing="2",
            height="100%",
        ),
        height="100%",
        data_testid="offer-card",
    )
