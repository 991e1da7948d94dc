"""Navigation for paged lists: status tabs that are links (the filter lives in the URL) and a pager."""

from __future__ import annotations

import reflex as rx
from reflex.vars import Var

from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href

PREVIOUS, NEXT, PAGE, OF = N_("Previous"), N_("Next"), N_("Page "), N_(" of ")


def nav_button(*children, href, **props) -> rx.Component:
    """A button-looking link that navigates inside the app (no page reload)."""
    return rx.button(rx.link(*children, href=href, underline="none"), as_child=True, **props)


def status_tabs(options: list[tuple[str, str]], current: Var, counts: Var, everything: Var, base: str,
                label: str, all_label: str = "All") -> rx.Component:
    """One link per status ("" is all of them), with its count; the current one is marked for screen readers."""
    return tab_row(
        label,
        _tab(all_label, "", current, everything, base),
        *[_tab(text, value, current, counts[value], base) for value, text in options],
    )


def tab_row(label: str, *tabs) -> rx.Component:
    """The bar under a list's status tabs (count_tab links, or a foreach of them)."""
    return rx.el.nav(
        rx.hstack(
            *tabs,
            spacing="1",
            wrap="wrap",  # on a phone the tabs take two lines rather than hide the chosen one off-screen
        ),
        aria_label=label,
        style={"width": "100%", "borderBottom": f"1px solid {rx.color('gray', 5)}"},
    )


def _tab(text: str, value: str, current: Var, count, base: str) -> rx.Component:
    return count_tab(translated(text), base if not value else f"{base}?status={value}", count, current == value)


def count_tab(text, href, count, active) -> rx.Component:
    """One status tab: its name and its count."""
    return tab_link(
        rx.hstack(
            rx.text(text, size="2", weight="medium"),
            rx.badge(count, size="1", variant=rx.cond(active, "solid", "soft"), radius="full",
                     color_scheme=rx.cond(active, "violet", "gray"), class_name="tabular"),
            spacing="2", align="center",
        ),
        href, active,
    )


def tab_link(content: rx.Component, href, active) -> rx.Component:
    """One tab of a tab row: a link, underlined in the accent colour when it is the page shown."""
    return rx.link(
        content,
        href=page_href(href),  # the tabs of an English page stay on English pages
        underline="none",
        aria_current=rx.cond(active, "page", ""),
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        style={"padding": "0.6rem 0.75rem", "whiteSpace": "nowrap", "marginBottom": "-1px",
               "borderBottom": rx.cond(active, f"2px solid {rx.color('accent', 9)}", "2px solid transparent")},
    )


def pager(page: Var, pages: Var, base: Var | str, label: str, pages_text: Var | None = None) -> rx.Component:
    """Previous / Page n of m / Next; `base` ends with "?" or "&", the page number is appended.
    `pages_text` is shown for m when the number of pages is known only in part ("50+")."""
    return rx.cond(
        pages > 1,
        rx.el.nav(
            rx.hstack(
                _page_link(translated(PREVIOUS), "chevron-left", base, page - 1, page > 1, True),
                rx.text(translated(PAGE), page, translated(OF), pages if pages_text is None else pages_text, size="2", color_scheme="gray",
                        class_name="tabular"),
                _page_link(translated(NEXT), "chevron-right", base, page + 1, page < pages, False),
                align="center", justify="center", spacing="3", width="100%",
            ),
            aria_label=label,
            style={"width": "100%", "marginTop": "1.5rem"},
        ),
    )


def _page_link(text: str, icon: str, base, target, enabled, icon_first: bool) -> rx.Component:
    parts = (rx.icon(icon, size=16), text) if icon_first else (text, rx.icon(icon, size=16))
    return rx.cond(
        enabled,
        nav_button(*parts, href=page_href(base + "page=" + target.to_string()), variant="soft", size="2"),
        rx.button(*parts, variant="soft", size="2", disabled=True),
    )
