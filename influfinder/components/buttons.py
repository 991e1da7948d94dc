"""Buttons that navigate: one <a> styled as a button (never a button inside a link)."""

import reflex as rx

from influfinder.i18n.routes import page_href


def link_button(*children, href: str, **props) -> rx.Component:
    """A Radix button rendered as the link itself, so keyboard, middle-click and screen readers see a link."""
    return rx.button(rx.el.a(*children, href=page_href(href)), as_child=True, **props)
