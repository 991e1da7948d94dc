"""/saved-searches: the searches a user saved, each a link that runs it again, and Delete."""

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error
from influfinder.components.layout import page
from influfinder.state.saved_searches import SavedSearchState, SavedSearchView

ROUTE = "/saved-searches"
COPY = {"title": N_("Saved searches"), "subtitle": N_("We tell you once a day at most when new results match."),
        "delete": N_("Delete"), "saved": N_("Saved "), "OFFERS": N_("Offers"), "CREATORS": N_("Creators"),
        "empty_title": N_("No saved searches"), "empty_text": N_("Use “Save search” on Offers or Find creators.")}
S = SavedSearchState


def _row(row: SavedSearchView) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.vstack(rx.link(rx.text.strong(row.name), href=row.href),
                      rx.text(rx.cond(row.kind == "OFFERS", translated(COPY["OFFERS"]), translated(COPY["CREATORS"])), " · ", translated(COPY["saved"]),
                              row.saved, size="1", color_scheme="gray"), spacing="1"),
            rx.spacer(),
            rx.button(rx.icon("trash-2", size=14), translated(COPY["delete"]), size="1", variant="ghost", color_scheme="red",
                      on_click=S.delete(row.id)),
            align="center", width="100%",
        ),
        width="100%", data_testid="saved-search",
    )


def saved_searches_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray"),
            form_error(S.error),
            rx.cond(S.loading, rx.spinner(),
                    rx.cond(S.rows.length() > 0, rx.vstack(rx.foreach(S.rows, _row), spacing="2", width="100%"),
                            empty_state("bell", translated(COPY["empty_title"]), translated(COPY["empty_text"])))),
            spacing="4", width="100%", max_width="760px", margin_x="auto",
        ),
    )
