"""Buttons that navigate: one <a> styled as a button (never a button inside a link)."""

import reflex as rx

from influfinder.i18n.routes import page_href


def link_button(*children, href: str | rx.Var, **props) -> rx.Component:
    """A Radix button rendered as the link itself, so keyboard, middle-click and screen readers see a link.

    A plain path is put in the page's language here; a Var is taken as it is, already localized
    (page_href("/offers/") + id, or built by the state): localizing it again gave /en/en/...
    """
    href = page_href(href) if isinstance(href, str) else href
    return rx.button(rx.el.a(*children, href=href), as_child=True, **props)
