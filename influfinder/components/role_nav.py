"""The role's links: in the top bar on a wide screen, in a bottom bar on a phone (components/nav_links).

Both show the same destinations with the same live counts; one of the two is hidden by width, so a
phone has one menu of places (the bottom bar) and the account menu keeps only account things.
"""

from __future__ import annotations

import reflex as rx

from influfinder.components.buttons import link_button
from influfinder.components.nav_links import (
    ADMIN, BUSINESS, CREATE_OFFER, CREATOR, VISITOR, NavLink, admin_only, by_role, is_current, live_count,
)
from influfinder.components.phrases import counted_phrase
from influfinder.i18n import N_, _
from influfinder.i18n.routes import page_href
from influfinder.state.live import LiveState

WIDE = rx.breakpoints(initial="none", lg="flex")  # the top bar's links need about 1000 px
NARROW = rx.breakpoints(initial="flex", lg="none")
BOTTOM_BAR_HEIGHT = "64px"
MAIN_NAVIGATION = N_("Main navigation")
NOTIFICATIONS = N_("Notifications")
NOTIFICATIONS_HREF = "/notifications"


def count_badge(count: rx.Var, test_id: str) -> rx.Component:
    """The small red number: 1..99, then "99+"; nothing at zero. The link's name says it in words."""
    return rx.cond(
        count > 0,
        rx.el.span(rx.cond(count > 99, "99+", count.to_string()), aria_hidden="true", data_testid=test_id,
                   class_name="count-badge"),
    )


def _name(link: NavLink, words: str) -> rx.Var | str:
    """The link's accessible name: its (translated) words, and what waits there when something does."""
    count = live_count(link.count)
    return rx.cond(count > 0, _waiting_words(link.count, count, words), words)


def _waiting_words(kind: str, count: rx.Var, label: str) -> rx.Var:
    """What waits behind a link, in words ("Messages, 2 unread"); literal sentences for the catalog."""
    if kind == "applicants":
        return counted_phrase("{label}, {n} applicant to decide on", "{label}, {n} applicants to decide on", count,
                              label=label)
    if kind == "reviews":
        return counted_phrase("{label}, {n} submission to review", "{label}, {n} submissions to review", count,
                              label=label)
    return counted_phrase("{label}, {n} unread", "{label}, {n} unread", count, label=label)


# ---- the top bar (wide screens) -------------------------------------------------------------------


def top_link(link: NavLink) -> rx.Component:
    current = is_current(link.href)
    badge = count_badge(live_count(link.count), f"{link.count}-count") if link.count else rx.fragment()
    return rx.link(
        _(link.label), badge,
        href=page_href(link.href), weight="medium", size="2", underline="none",
        color=rx.cond(current, rx.color("accent", 11), rx.color("gray", 11)),
        aria_current=rx.cond(current, "page", ""),
        aria_label=_name(link, _(link.label)) if link.count else None,
        class_name="nav-link", position="relative",
        padding_right=rx.cond(live_count(link.count) > 0, "14px", "0") if link.count else "0",
    )


def top_links() -> rx.Component:
    """The role's destinations beside the logo (a visitor's Log in / Sign up sit at the right instead)."""
    return rx.el.nav(
        rx.hstack(
            admin_only(top_link(ADMIN)),
            by_role(rx.fragment(*[top_link(link) for link in CREATOR]),
                    rx.fragment(*[top_link(link) for link in BUSINESS]),
                    top_link(VISITOR[0])),
            spacing="5", align="center",
        ),
        aria_label=_(MAIN_NAVIGATION), display=WIDE, margin_left="1.5rem",
    )


def create_offer_button() -> rx.Component:
    """A business's main action, beside My offers' section on a wide screen."""
    return link_button(rx.icon("plus", size=16), _(CREATE_OFFER.label), href=CREATE_OFFER.href, size="2",
                       variant=rx.cond(is_current(CREATE_OFFER.href), "soft", "solid"),
                       aria_current=rx.cond(is_current(CREATE_OFFER.href), "page", ""))


def notifications_button() -> rx.Component:
    count = LiveState.unread_notifications
    name = rx.cond(count > 0, counted_phrase("{label}, {n} unread", "{label}, {n} unread", count,
                                             label=_(NOTIFICATIONS)), _(NOTIFICATIONS))
    return rx.icon_button(
        rx.el.a(rx.icon("bell", size=18), count_badge(count, "bell-count"), href=page_href(NOTIFICATIONS_HREF),
                aria_label=name, style={"position": "relative"}),
        as_child=True, variant="ghost", color_scheme="gray", size="2",
    )


# ---- the bottom bar (phones) ----------------------------------------------------------------------


def _tab(link: NavLink) -> rx.Component:
    current = is_current(link.href)
    badge = count_badge(live_count(link.count), f"tab-{link.count}-count") if link.count else rx.fragment()
    return rx.el.a(
        rx.el.span(rx.icon(link.icon, size=22), badge, class_name="tab-icon", aria_hidden="true"),
        rx.el.span(link.short(), class_name="tab-label"),
        href=page_href(link.href),
        aria_current=rx.cond(current, "page", ""),
        aria_label=_name(link, link.short()) if link.count else None,
        class_name="tab-link",
    )


def bottom_bar() -> rx.Component:
    """Fixed to the bottom of a phone's screen; the page keeps room for it (`page` in layout).
    An admin gets Admin first: six tabs still leave each 65 px at 390 px."""
    business = (BUSINESS[0], BUSINESS[1], CREATE_OFFER, *BUSINESS[2:])  # Create in the middle, in the thumb's reach
    return rx.el.nav(
        rx.el.div(
            admin_only(_tab(ADMIN)),
            by_role(rx.fragment(*[_tab(link) for link in CREATOR]), rx.fragment(*[_tab(link) for link in business]),
                    rx.fragment(*[_tab(link) for link in VISITOR])),
            class_name="tab-row",
        ),
        aria_label=_(MAIN_NAVIGATION),
        class_name="bottom-bar",
        display=NARROW,
        data_testid="bottom-bar",
    )
