"""Where each kind of user goes: the one table the top bar and the phone's bottom bar read.

A visitor browses offers; a creator works on applications and collaborations; a business or an
agency runs offers and reviews what comes in; an admin has Admin before their own role's links.
Each link may carry a live count (state/live.py): what waits there for the user. The footer
follows the same roles with its own columns (components/layout.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, pgettext
from influfinder.i18n.routes import page_href
from influfinder.state.auth import SessionState
from influfinder.state.live import LiveState


@dataclass(frozen=True)
class NavLink:
    label: str  # the top bar's words
    short: Callable[[], str]  # the phone's bottom bar: a short word under the icon, translated when drawn
    href: str
    icon: str
    count: str = ""  # which live count waits here: "messages", "applicants", "reviews"


OFFERS = NavLink(N_("Offers"), lambda: pgettext("tab", "Offers"), "/offers", "search")
MESSAGES = NavLink(N_("Messages"), lambda: pgettext("tab", "Messages"), "/messages", "message-circle", "messages")
CREATOR = (
    OFFERS,
    NavLink(N_("My applications"), lambda: pgettext("tab", "Applications"), "/my-applications", "send"),
    NavLink(N_("Collaborations"), lambda: pgettext("tab", "Collabs"), "/collaborations", "handshake"),
    MESSAGES,
    NavLink(N_("Progress"), lambda: pgettext("tab", "Progress"), "/progress", "trophy"),
)
CREATE_OFFER = NavLink(N_("Create offer"), lambda: pgettext("tab", "Create"), "/offers/new", "circle-plus")
BUSINESS = (
    NavLink(N_("Dashboard"), lambda: pgettext("tab", "Dashboard"), "/dashboard", "chart-column"),
    NavLink(N_("My offers"), lambda: pgettext("tab", "My offers"), "/my-offers", "briefcase", "applicants"),
    NavLink(N_("Collaborations"), lambda: pgettext("tab", "Collabs"), "/collaborations", "handshake", "reviews"),
    MESSAGES,
)
ADMIN = NavLink(N_("Admin"), lambda: pgettext("tab", "Admin"), "/admin", "shield")
LOG_IN = NavLink(N_("Log in"), lambda: pgettext("tab", "Log in"), "/login", "log-in")
SIGN_UP = NavLink(N_("Sign up"), lambda: pgettext("tab", "Sign up"), "/signup", "user-plus")
VISITOR = (OFFERS, LOG_IN, SIGN_UP)

def live_count(name: str) -> rx.Var:
    return {"messages": LiveState.unread_messages, "applicants": LiveState.waiting_applicants,
            "reviews": LiveState.waiting_reviews}[name]


def is_creator() -> rx.Var:
    return SessionState.user_type == "CREATOR"


def by_role(creator: rx.Component, business: rx.Component, visitor: rx.Component) -> rx.Component:
    """One of three renderings, by who is signed in (businesses and agencies share theirs)."""
    return rx.cond(SessionState.signed_in, rx.cond(is_creator(), creator, business), visitor)


def admin_only(component: rx.Component) -> rx.Component:
    return rx.cond(SessionState.signed_in & SessionState.is_admin, component)


def is_current(href: str) -> rx.Var:
    """Whether the page is in the link's section. The offer editor lives under /offers but belongs to
    My offers (Create offer), so Offers is not marked there."""
    path = rx.State.router.url.path
    href = page_href(href)
    if not href.endswith("/offers"):
        return path.startswith(href)
    # The router's path may end in a slash ("/offers/new/"), hence prefixes rather than equality.
    return path.startswith(href) & ~path.contains("/edit") & ~path.startswith(page_href("/offers/new"))
