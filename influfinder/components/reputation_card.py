"""A user's own reputation, as counterparties see it: badges and the figures behind them."""

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.components.badges import reputation_badges

TITLE = N_("Your record")
HINT = N_("What businesses and creators see of you, from what happened: refreshed once a day. "
         "\"Newcomer\" until 3 collaborations have finished.")


def reputation_card(record) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(TITLE), size="5", as_="h2"),
            rx.text(translated(HINT), size="2", color_scheme="gray"),
            rx.hstack(reputation_badges(record.badges), spacing="2", wrap="wrap"),
            rx.grid(
                rx.foreach(record.figures, lambda figure: rx.vstack(
                    rx.text(figure[0], size="1", color_scheme="gray"),
                    rx.text(figure[1], size="3", weight="bold", class_name="tabular"), spacing="0")),
                columns=rx.breakpoints(initial="2", sm="4"), spacing="3", width="100%",
            ),
            spacing="3", width="100%",
        ),
        size="3", width="100%", data_testid="reputation-card",
    )
