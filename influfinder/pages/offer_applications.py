"""/my-offers/[offer_id]/applications: who applied to one offer, with each creator's summary and fit."""

import reflex as rx
from influfinder.components.creator_summary import creator_heading, creator_stats, fit_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager, status_tabs
from influfinder.components.recommendations import suggested_creators_panel
from influfinder.components.status_badges import application_status_badge, offer_status_badge
from influfinder.state.offer_applications import ApplicantCard, OfferApplicationsState

ROUTE = "/my-offers/[offer_id]/applications"
COPY = {
    "back": "My offers",
    "title": "Applications",
    "places": " of ",
    "places_end": " places taken",
    "edit": "Edit offer",
    "tabs": "Applications by status",
    "all": "All",
    "APPLIED": "New",
    "UNDER_REVIEW": "Under review",
    "ACCEPTED": "Accepted",
    "REJECTED": "Rejected",
    "WITHDRAWN": "Withdrawn",
    "proposes": "Proposes ",
    "applied": "Applied ",
    "checks": " requirements met",
    "open": "Open application",
    "pages": "Pages of applications",
    "empty_title": "No applications yet",
    "empty_text": "Creators who apply show up here, with their audience and how well they fit your offer.",
    "none_here_title": "Nothing here",
    "none_here_text": "No applications with this status.",
    "see_all": "See all applications",
    "verified_only": "Verified figures only",
    "verified_only_hint": "Creators whose followers come from a connected Instagram, TikTok or Facebook account.",
    "not_found": "Offer not found",
    "not_found_text": "It may belong to another account, or the link may be mistyped.",
}
STATUS_TABS = [(s, COPY[s]) for s in ("APPLIED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN")]

S = OfferApplicationsState


def _header() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), COPY["back"], align="center", spacing="1"),
                href="/my-offers", size="2", color_scheme="gray", underline="hover"),
        rx.flex(
            rx.vstack(
                rx.text(COPY["title"], size="2", weight="bold", color=rx.color("accent", 11)),
                rx.heading(S.offer_title, size="7", as_="h1"),
                rx.hstack(
                    offer_status_badge(S.offer_status),
                    rx.text(S.slots_taken, COPY["places"], S.slots, COPY["places_end"], size="2", color_scheme="gray",
                            class_name="tabular"),
                    spacing="3", align="center", wrap="wrap",
                ),
                spacing="2",
            ),
            rx.spacer(),
            rx.cond(S.offer_status != "ARCHIVED",
                    nav_button(rx.icon("pencil", size=14), COPY["edit"], href="/offers/" + S.offer_ref + "/edit",
                               variant="soft")),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="start", sm="end"),
            spacing="3", width="100%",
        ),
        spacing="2", width="100%",
    )


def _row(row: ApplicantCard) -> rx.Component:
    return rx.card(
        rx.link(
            rx.vstack(
                rx.flex(
                    creator_heading(row),
                    rx.spacer(),
                    rx.hstack(application_status_badge(row.status, size="2"), fit_badge(row.fit_score),
                              spacing="2", align="center", wrap="wrap"),
                    direction=rx.breakpoints(initial="column", sm="row"),
                    spacing="3", width="100%",
                ),
                creator_stats(row),
                rx.text(row.message, size="2", class_name="line-clamp-2", color=rx.color("gray", 12)),
                rx.hstack(
                    rx.text(COPY["applied"], row.applied, size="1", color_scheme="gray"),
                    rx.cond(row.fee != "", rx.text(COPY["proposes"], rx.text.strong(row.fee), size="1")),
                    rx.text(row.fit_met, "/", row.fit_total, COPY["checks"], size="1", color_scheme="gray"),
                    rx.spacer(),
                    rx.hstack(rx.text(COPY["open"], size="2", weight="medium"), rx.icon("chevron-right", size=16),
                              spacing="1", align="center", color=rx.color("accent", 11)),
                    spacing="3", align="center", wrap="wrap", width="100%",
                ),
                spacing="3", width="100%",
            ),
            href="/applications/" + row.id,
            underline="none", color="inherit",
            aria_label=COPY["open"] + ": " + row.name,
        ),
        size="2", width="100%", class_name="offer-card", data_testid="applicant",
    )


def _verified_switch() -> rx.Component:
    return rx.tooltip(
        rx.el.label(
            rx.hstack(rx.switch(checked=S.verified_only, on_change=S.show_verified_only, data_testid="verified-only"),
                      rx.text(COPY["verified_only"], size="2"), spacing="2", align="center"),
        ),
        content=COPY["verified_only_hint"],
    )


def _list() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.foreach(S.rows, _row),
            pager(S.page, S.pages,
                  "/my-offers/" + S.offer_ref + "/applications?"
                  + rx.cond(S.status != "", "status=" + S.status + "&", "") + rx.cond(S.verified_only, "verified=1&", ""),
                  COPY["pages"]),
            spacing="3", width="100%",
        ),
        empty_state("inbox", COPY["none_here_title"], COPY["none_here_text"],
                    nav_button(COPY["see_all"], href="/my-offers/" + S.offer_ref + "/applications", variant="soft")),
    )


def _body() -> rx.Component:
    return rx.cond(
        S.everything > 0,
        rx.vstack(
            status_tabs(STATUS_TABS, S.status, S.counts, S.everything, "/my-offers/" + S.offer_ref + "/applications",
                        COPY["tabs"], COPY["all"]),
            _verified_switch(),
            _list(),
            spacing="4", width="100%",
        ),
        empty_state("users", COPY["empty_title"], COPY["empty_text"]),
    )


def _loading() -> rx.Component:
    return rx.vstack(rx.skeleton(rx.heading("Offer title", size="7")),
                     *[rx.skeleton(height="170px", width="100%") for _ in range(3)],
                     spacing="3", width="100%", aria_busy="true")


def offer_applications_page() -> rx.Component:
    return page(
        rx.cond(
            S.loading,
            _loading(),
            rx.cond(
                S.found,
                rx.vstack(_header(), form_error(S.error), _body(), suggested_creators_panel(), spacing="5",
                          width="100%"),
                empty_state("search-x", COPY["not_found"], COPY["not_found_text"],
                            nav_button(COPY["back"], href="/my-offers")),
            ),
        ),
    )
