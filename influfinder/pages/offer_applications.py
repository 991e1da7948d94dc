"""/my-offers/[offer_id]/applications: who applied to one offer, with each creator's summary and fit."""

import reflex as rx

from influfinder.components.message_button import LABEL as MESSAGE_LABEL, message_button
from influfinder.components.creator_summary import creator_heading, creator_stats, fit_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import form_error
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager, status_tabs
from influfinder.components.recommendations import suggested_creators_panel
from influfinder.components.status_badges import application_status_badge, offer_status_badge
from influfinder.i18n import N_, _, translated
from influfinder.i18n.routes import page_href
from influfinder.state.offer_applications import ApplicantCard, OfferApplicationsState

ROUTE = "/my-offers/[offer_id]/applications"
COPY = {
    "back": N_("My offers"),
    "title": N_("Applications"),
    "places": N_(" of "),
    "places_end": N_(" places taken"),
    "edit": N_("Edit offer"),
    "tabs": N_("Applications by status"),
    "all": N_("All"),
    "APPLIED": N_("New"),
    "UNDER_REVIEW": N_("Under review"),
    "ACCEPTED": N_("Accepted"),
    "REJECTED": N_("Rejected"),
    "WITHDRAWN": N_("Withdrawn"),
    "proposes": N_("Proposes "),
    "applied": N_("Applied "),
    "checks": N_(" requirements met"),
    "open": N_("Open application"),
    "pages": N_("Pages of applications"),
    "empty_title": N_("No applications yet"),
    "empty_text": N_("Creators who apply show up here, with their audience and how well they fit your offer."),
    "none_here_title": N_("Nothing here"),
    "none_here_text": N_("No applications with this status."),
    "see_all": N_("See all applications"),
    "verified_only": N_("Verified figures only"),
    "verified_only_hint": N_("Creators whose followers come from a connected Instagram, TikTok or Facebook account."),
    "not_found": N_("Offer not found"),
    "not_found_text": N_("It may belong to another account, or the link may be mistyped."),
}
STATUS_TABS = [(s, translated(COPY[s])) for s in ("APPLIED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN")]

S = OfferApplicationsState


def _header() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), translated(COPY["back"]), align="center", spacing="1"),
                href=page_href("/my-offers"), size="2", color_scheme="gray", underline="hover"),
        rx.flex(
            rx.vstack(
                rx.text(translated(COPY["title"]), size="2", weight="bold", color=rx.color("accent", 11)),
                rx.heading(S.offer_title, size="7", as_="h1"),
                rx.hstack(
                    offer_status_badge(S.offer_status),
                    rx.text(S.slots_taken, translated(COPY["places"]), S.slots, translated(COPY["places_end"]), size="2", color_scheme="gray",
                            class_name="tabular"),
                    spacing="3", align="center", wrap="wrap",
                ),
                spacing="2",
            ),
            rx.spacer(),
            rx.cond(S.offer_status != "ARCHIVED",
                    nav_button(rx.icon("pencil", size=14), translated(COPY["edit"]), href=page_href("/offers/") + S.offer_ref + "/edit",
                               variant="soft")),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="start", sm="end"),
            spacing="3", width="100%",
        ),
        spacing="2", width="100%",
    )


def _row(row: ApplicantCard) -> rx.Component:
    # The card opens the application; Message sits below it, outside the link (no button inside a link).
    return rx.card(
        rx.vstack(_open_link(row), rx.flex(message_button(row.creator_id, size="1",
                                                        aria_label=translated(MESSAGE_LABEL) + ": " + row.name),
                                           justify="end", width="100%"),
                  spacing="2", width="100%"),
        size="2", width="100%", class_name="offer-card", data_testid="applicant",
    )


def _open_link(row: ApplicantCard) -> rx.Component:
    return rx.link(
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
                rx.text(translated(COPY["applied"]), row.applied, size="1", color_scheme="gray"),
                rx.cond(row.fee != "", rx.text(translated(COPY["proposes"]), rx.text.strong(row.fee), size="1")),
                rx.text(row.fit_met, "/", row.fit_total, translated(COPY["checks"]), size="1", color_scheme="gray"),
                rx.spacer(),
                rx.hstack(rx.text(translated(COPY["open"]), size="2", weight="medium"), rx.icon("chevron-right", size=16),
                          spacing="1", align="center", color=rx.color("accent", 11)),
                spacing="3", align="center", wrap="wrap", width="100%",
            ),
            spacing="3", width="100%",
        ),
        href=page_href("/applications/") + row.id,
        underline="none", color="inherit",
        aria_label=translated(COPY["open"]) + ": " + row.name,
    )


def _verified_switch() -> rx.Component:
    return rx.tooltip(
        rx.el.label(
            rx.hstack(rx.switch(checked=S.verified_only, on_change=S.show_verified_only, data_testid="verified-only"),
                      rx.text(translated(COPY["verified_only"]), size="2"), spacing="2", align="center"),
        ),
        content=translated(COPY["verified_only_hint"]),
    )


def _list() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.foreach(S.rows, _row),
            pager(S.page, S.pages,
                  "/my-offers/" + S.offer_ref + "/applications?"
                  + rx.cond(S.status != "", "status=" + S.status + "&", "") + rx.cond(S.verified_only, "verified=1&", ""),
                  translated(COPY["pages"])),
            spacing="3", width="100%",
        ),
        empty_state("inbox", translated(COPY["none_here_title"]), translated(COPY["none_here_text"]),
                    nav_button(translated(COPY["see_all"]), href=page_href("/my-offers/") + S.offer_ref + "/applications", variant="soft")),
    )


def _body() -> rx.Component:
    return rx.cond(
        S.everything > 0,
        rx.vstack(
            status_tabs(STATUS_TABS, S.status, S.counts, S.everything, "/my-offers/" + S.offer_ref + "/applications",
                        translated(COPY["tabs"]), translated(COPY["all"])),
            _verified_switch(),
            _list(),
            spacing="4", width="100%",
        ),
        empty_state("users", translated(COPY["empty_title"]), translated(COPY["empty_text"])),
    )


def _loading() -> rx.Component:
    return rx.vstack(rx.skeleton(rx.heading(_("Offer title"), size="7")),
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
                empty_state("search-x", translated(COPY["not_found"]), translated(COPY["not_found_text"]),
                            nav_button(translated(COPY["back"]), href=page_href("/my-offers"))),
            ),
        ),
    )
