"""What the four admin pages share: the routes, the header with the section tabs, and small pieces
(the loading placeholder, the search box, a row's meta line, the confirm dialog, a busy icon)."""

from __future__ import annotations

import reflex as rx

from influfinder.components.forms import form_error, notice, post_form
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, tab_link, tab_row
from influfinder.i18n import N_, translated

OVERVIEW_ROUTE, USERS_ROUTE, DISPUTES_ROUTE, OFFERS_ROUTE = "/admin", "/admin/users", "/admin/disputes", "/admin/offers"
COPY = {
    "eyebrow": N_("Admin"),
    "sections": N_("Admin sections"),
    "overview": N_("Overview"),
    "users": N_("Users"),
    "disputes": N_("Disputes"),
    "offers": N_("Offers"),
    "search": N_("Search"),
    "clear": N_("Clear"),
    "cancel": N_("Cancel"),
}
SECTIONS = (("overview", OVERVIEW_ROUTE, "layout-dashboard"), ("users", USERS_ROUTE, "users"),
            ("disputes", DISPUTES_ROUTE, "scale"), ("offers", OFFERS_ROUTE, "megaphone"))


def _section_link(key: str, href: str, icon: str) -> rx.Component:
    path = rx.State.router.url.path
    return tab_link(
        # Icons from 520 px up: at phone width the four names alone fit on one line.
        rx.hstack(rx.box(rx.icon(icon, size=16), display=rx.breakpoints(initial="none", xs="flex")),
                  rx.text(translated(COPY[key]), size="2", weight="medium"), spacing="2", align="center"),
        href, (path == href) | (path == href + "/"),
    )


def frame(title: str, text: str, state, *children: rx.Component) -> rx.Component:
    """An admin page: its title, the section tabs, the state's notice and error, then the page's own parts."""
    header = rx.vstack(
        rx.badge(rx.icon("shield-check", size=14), translated(COPY["eyebrow"]), variant="soft", radius="full"),
        rx.heading(title, size="8", as_="h1"),
        rx.text(text, color_scheme="gray", max_width="680px"),
        spacing="2", width="100%",
    )
    sections = tab_row(translated(COPY["sections"]), *[_section_link(*s) for s in SECTIONS])
    return page(rx.vstack(header, sections, notice(state.notice), form_error(state.error), *children,
                          spacing="5", width="100%"))


def loading(height: str = "96px", count: int = 4) -> rx.Component:
    return rx.vstack(*[rx.skeleton(height=height, width="100%") for _ in range(count)], spacing="3", width="100%",
                     aria_busy="true")


def search_form(handler, value, label: str, clear_href: str) -> rx.Component:
    return post_form(
        rx.vstack(
            rx.el.label(label, html_for="field-q", style={"fontWeight": "500", "fontSize": "0.9rem"}),
            rx.hstack(
                rx.input(rx.input.slot(rx.icon("search", size=16)), id="field-q", name="q", type="search",
                         default_value=value, key=value, max_length=100, size="3", width="100%"),
                rx.button(translated(COPY["search"]), type="submit", size="3"),
                rx.cond(value != "", nav_button(translated(COPY["clear"]), href=clear_href, variant="soft", color_scheme="gray",
                                                size="3")),
                spacing="2", width="100%",
            ),
            spacing="1", width="100%", max_width="640px",
        ),
        on_submit=handler, role="search", width="100%",
    )


def meta(icon: str, *text) -> rx.Component:
    return rx.hstack(rx.icon(icon, size=14, aria_hidden="true"), rx.text(*text, size="1"), spacing="1",
                     align="center", color=rx.color("gray", 11))


def confirm(trigger: rx.Component, title: str, subject, text: str, confirm_label: str, on_confirm) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(rx.text.strong(subject), rx.el.br(), text, size="2"),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(confirm_label, color_scheme="red", on_click=on_confirm)),
                spacing="3", justify="end", margin_top="1rem",
            ),
            max_width="460px",
        ),
    )


def busy_icon(busy, icon: str) -> rx.Component:
    return rx.cond(busy, rx.spinner(size="1"), rx.icon(icon, size=14))
