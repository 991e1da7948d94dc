"""Navigation for paged lists: status tabs that are links (the filter lives in the URL) and a pager."""

from __future__ import annotations

import reflex as rx
from reflex.vars import Var

PREVIOUS, NEXT, PAGE, OF = "Previous", "Next", "Page ", " of "


def nav_button(*children, href, **props) -> rx.Component:
    """A button-looking link that navigates inside the app (no page reload)."""
    return rx.button(rx.link(*children, href=href, underline="none"), as_child=True, **props)


def status_tabs(options: list[tuple[str, str]], current: Var, counts: Var, everything: Var, base: str,
                label: str, all_label: str = "All") -> rx.Component:
    """One link per status ("" is all of them), with its count; the current one is marked for screen readers."""
    return rx.el.nav(
        rx.hstack(
            _tab(all_label, "", current, everything, base),
            *[_tab(text, value, current, counts[value], base) for value, text in options],
            spacing="1",
            wrap="wrap",  # on a phone the tabs take two lines rather than hide the chosen one off-screen
        ),
        aria_label=label,
        style={"width": "100%", "borderBottom": f"1px solid {rx.color('gray', 5)}"},
    )


def _tab(text: str, value: str, current: Var, count, base: str) -> rx.Component:
    active = current == value
    href = base if not value else f"{base}?status={value}"
    return rx.link(
        rx.hstack(
            rx.text(text, size="2", weight="medium"),
            rx.badge(count, size="1", variant=rx.cond(active, "solid", "soft"), radius="full",
                     color_scheme=rx.cond(active, "violet", "gray")),
            spacing="2", align="center",
        ),
        href=href,
        underline="none",
        aria_current=rx.cond(active, "page", ""),
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        style={"padding": "0.6rem 0.75rem", "whiteSpace": "nowrap", "marginBottom": "-1px",
               "borderBottom": rx.cond(active, f"2px solid {rx.color('accent', 9)}", "2px solid transparent")},
    )


def pager(page: Var, pages: Var, base: Var | str, label: str) -> rx.Component:
    """Previous / Page n of m / Next; `base` ends with "?" or "&", the page number is appended."""
    return rx.cond(
        pages > 1,
        rx.el.nav(
            rx.hstack(
                _page_link(PREVIOUS, "chevron-left", base, page - 1, page > 1, True),
                rx.text(PAGE, page, OF, pages, size="2", color_scheme="gray", class_name="tabular"),
                _page_link(NEXT, "chevron-right", base, page + 1, page < pages, False),
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
        nav_button(*parts, href=base + "page=" + target.to_string(), variant="soft", size="2"),
        rx.button(*parts, variant="soft", size="2", disabled=True),
    )
