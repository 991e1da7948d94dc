"""The bell that saves the search on screen, with what happened next to it."""

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.state.saved_searches import SavedSearchState

SAVE = N_("Save search")


def save_search_button(kind: str) -> rx.Component:
    """`kind` is OFFERS (Browse, creators) or CREATORS (Find creators, businesses)."""
    return rx.hstack(
        rx.button(rx.icon("bell-plus", size=16), translated(SAVE), type="button", variant="soft", size="2",
                  on_click=SavedSearchState.save(kind), data_testid="save-search"),
        rx.cond(SavedSearchState.notice != "", rx.text(SavedSearchState.notice, size="1", color_scheme="green",
                                                       role="status")),
        rx.cond(SavedSearchState.error != "", rx.text(SavedSearchState.error, size="1", color_scheme="red",
                                                      role="alert")),
        spacing="2", align="center", wrap="wrap",
    )
