"""/admin/offers: every offer by status tab, searched by title, brand or business; pause or archive one."""

from __future__ import annotations

import reflex as rx

from influfinder.components.empty_state import empty_state
from influfinder.components.list_nav import count_tab, nav_button, pager, tab_row
from influfinder.components.status_badges import offer_status_badge
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.pages.admin_frame import COPY as FRAME_COPY
from influfinder.pages.admin_frame import OFFERS_ROUTE, busy_icon, confirm, frame, loading, meta, search_form
from influfinder.state.admin_offers import AdminOffersState, OfferLine, Tab

ROUTE = OFFERS_ROUTE
COPY = {
    **FRAME_COPY,
    "offers_title": N_("Offers"),
    "offers_text": N_("Every offer on the platform. Pause one that needs fixing (its business can resume it) or "
                   "archive one that must go."),
    "search_offers": N_("Search by title, brand or business"),
    "offer_tabs": N_("Offers by status"),
    "views": N_(" views"),
    "applications_short": N_(" applications"),
    "created": N_("Created "),
    "updated": N_("Updated "),
    "pause": N_("Pause"),
    "archive": N_("Archive"),
    "archive_title": N_("Archive this offer?"),
    "archive_text": N_("It leaves the marketplace for good and takes no more applications; its business cannot "
                    "bring it back. Collaborations already accepted go on."),
    "offers_empty_title": N_("No offers here"),
    "offers_empty_text": N_("No offer matches this search and status."),
    "offer_pages": N_("Pages of offers"),
}


F = AdminOffersState


def _tab(tab: Tab) -> rx.Component:
    return count_tab(tab.label, tab.href, tab.count, tab.active)


def _offer_tabs() -> rx.Component:
    return tab_row(translated(COPY["offer_tabs"]), rx.foreach(F.tabs, _tab))


def _offer_actions(row: OfferLine) -> rx.Component:
    busy = F.acting_on == row.id
    archive = rx.button(rx.icon("archive", size=14), translated(COPY["archive"]), size="2", variant="soft", color_scheme="red",
                        disabled=F.acting_on != "")
    return rx.hstack(
        rx.cond(row.can_pause, rx.button(busy_icon(busy, "pause"), translated(COPY["pause"]), size="2", variant="soft",
                                         color_scheme="amber", disabled=F.acting_on != "",
                                         on_click=F.pause(row.id))),
        rx.cond(row.can_archive, confirm(archive, translated(COPY["archive_title"]), row.title, translated(COPY["archive_text"]),
                                         translated(COPY["archive"]), F.archive(row.id))),
        spacing="2", wrap="wrap",
    )


def _offer_card(row: OfferLine) -> rx.Component:
    title = rx.heading(row.title, size="4", as_="h2")
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.hstack(offer_status_badge(row.status), rx.badge(row.category, variant="outline", size="1"),
                          spacing="2", wrap="wrap"),
                rx.cond(row.status == "ACTIVE", rx.link(title, href=page_href("/offers/") + row.id, underline="hover",
                                                        color="inherit"), title),
                rx.text(row.business, " · @", row.business_username, size="2", color_scheme="gray"),
                rx.flex(
                    rx.cond(row.city != "", meta("map-pin", row.city)),
                    meta("eye", row.views, translated(COPY["views"])),
                    meta("send", row.applications, translated(COPY["applications_short"])),
                    meta("calendar", translated(COPY["created"]), row.created),
                    meta("pencil", translated(COPY["updated"]), row.updated),
                    spacing="3", wrap="wrap",
                ),
                spacing="2", min_width="0", flex="1",
            ),
            _offer_actions(row),
            direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
            align=rx.breakpoints(initial="start", sm="center"), justify="between",
        ),
        size="2", width="100%", data_testid="admin-offer",
    )


def _offers_body() -> rx.Component:
    return rx.vstack(
        _offer_tabs(),
        rx.cond(
            F.total > 0,
            rx.vstack(rx.foreach(F.rows, _offer_card), pager(F.page, F.pages, F.page_base, translated(COPY["offer_pages"])),
                      spacing="3", width="100%"),
            empty_state("search-x", translated(COPY["offers_empty_title"]), translated(COPY["offers_empty_text"]),
                        nav_button(translated(COPY["clear"]), href=ROUTE, variant="soft")),
        ),
        spacing="4", width="100%",
    )


def admin_offers_page() -> rx.Component:
    return frame(translated(COPY["offers_title"]), translated(COPY["offers_text"]), F,
                 search_form(F.find, F.search, translated(COPY["search_offers"]), ROUTE),
                 rx.cond(F.loading, loading(), _offers_body()))
