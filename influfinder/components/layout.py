"""The app shell: navbar, footer and the page frame every page uses.

Which links each kind of user sees is decided in components/nav_links.py; components/role_nav.py
draws them in the top bar (wide screens) or the bottom bar (phones).
"""

import reflex as rx

from influfinder.components.account_menu import account_menu, verify_banner
from influfinder.components.browser_actions import browser_actions
from influfinder.components.buttons import link_button
from influfinder.components.early_submit import app_ready
from influfinder.components.language_switcher import language_switcher
from influfinder.components.nav_links import admin_only, by_role
from influfinder.components.role_nav import (
    BOTTOM_BAR_HEIGHT, WIDE, bottom_bar, create_offer_button, notifications_button, top_links,
)
from influfinder.i18n import N_, _
from influfinder.i18n.routes import page_href
from influfinder.state.auth import SessionState

__all__ = ["link_button", "logo", "page"]  # link_button lives in components/buttons; pages import it from here

BRAND = "Influfinder"
TAGLINE = N_("The creator marketplace for local brands.")
HOME_LABEL = N_("Influfinder home")
SKIP_TO_CONTENT = N_("Skip to content")
TOGGLE_COLOR_MODE = N_("Toggle dark mode")
MARKETPLACE = (N_("Marketplace"), ((N_("Browse offers"), "/offers"), (N_("How it works"), "/#how-it-works"),
                                   (N_("Creator tiers"), "/#tiers")))
# The footer's second column follows the navbar's rules: what this kind of user can do here.
VISITOR_COLUMN = (N_("Get started"), ((N_("Sign up"), "/signup"), (N_("Log in"), "/login")))
CREATOR_COLUMN = (N_("Your work"), ((N_("My applications"), "/my-applications"),
                                    (N_("Collaborations"), "/collaborations"), (N_("My progress"), "/progress"),
                                    (N_("Saved searches"), "/saved-searches")))
BUSINESS_COLUMN = (N_("Your business"), ((N_("Dashboard"), "/dashboard"), (N_("My offers"), "/my-offers"),
                                         (N_("Create offer"), "/offers/new"), (N_("Find creators"), "/creators"),
                                         (N_("Saved searches"), "/saved-searches")))
ADMIN_COLUMN = (N_("Platform"), ((N_("Admin"), "/admin"),))
FOOTER_NOTE = N_("Made for creators and the places they love.")
COPYRIGHT = f"© 2026 {BRAND}"
STATUS = N_("Status")

MAX_WIDTH = "1200px"
MAIN_ID = "main"


def logo(size: str = "28px") -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.image(src="/logo.svg", width=size, height=size, alt=""),
            rx.text(BRAND, weight="bold", size="5", class_name="brand-word"),
            align="center",
            spacing="2",
        ),
        href=page_href("/"),
        underline="none",
        color="inherit",
        aria_label=_(HOME_LABEL),
        class_name="logo-link",
    )


def color_mode_button() -> rx.Component:
    return rx.icon_button(
        rx.color_mode_cond(light=rx.icon("moon", size=18), dark=rx.icon("sun", size=18)),
        on_click=rx.toggle_color_mode,
        variant="ghost",
        color_scheme="gray",
        size="2",
        aria_label=_(TOGGLE_COLOR_MODE),
    )


def navbar() -> rx.Component:
    signed_in = SessionState.signed_in
    return rx.el.header(
        rx.hstack(
            logo(),
            top_links(),
            rx.spacer(),
            rx.cond(signed_in & (SessionState.user_type != "CREATOR"), rx.box(create_offer_button(), display=WIDE)),
            color_mode_button(),
            rx.cond(signed_in, notifications_button()),
            account_menu(),  # or a visitor's Log in / Sign up
            align="center",
            width="100%",
            max_width=MAX_WIDTH,
            margin_x="auto",
            padding_x=rx.breakpoints(initial="1rem", sm="1.5rem"),
            height="64px",
            spacing="3",
        ),
        position="sticky",
        top="0",
        z_index="20",
        class_name="site-header",
    )


def _footer_column(title: str, links) -> rx.Component:
    return rx.vstack(
        rx.text(_(title), size="2", weight="bold"),
        *[rx.link(_(label), href=page_href(href), size="2", color_scheme="gray", underline="hover")
          for label, href in links],
        spacing="2",
        align="start",
    )


def footer() -> rx.Component:
    return rx.el.footer(
        rx.vstack(
            rx.flex(
                rx.vstack(logo("24px"), rx.text(_(TAGLINE), size="2", color_scheme="gray"), spacing="3", max_width="320px"),
                rx.hstack(_footer_column(*MARKETPLACE),
                          by_role(_footer_column(*CREATOR_COLUMN), _footer_column(*BUSINESS_COLUMN),
                                  _footer_column(*VISITOR_COLUMN)),
                          admin_only(_footer_column(*ADMIN_COLUMN)),
                          spacing=rx.breakpoints(initial="7", sm="9"), wrap="wrap"),
                direction=rx.breakpoints(initial="column", sm="row"),
                justify="between",
                spacing="7",
                width="100%",
            ),
            rx.separator(size="4"),
            rx.flex(
                rx.text(COPYRIGHT, size="1", color_scheme="gray"),
                rx.spacer(),
                rx.text(_(FOOTER_NOTE), size="1", color_scheme="gray"),
                language_switcher(),
                # /health is served by the backend, not a page: load it as a document.
                rx.link(_(STATUS), href=page_href("/health"), size="1", color_scheme="gray", reload_document=True),
                spacing="4",
                width="100%",
                wrap="wrap",
            ),
            spacing="5",
            max_width=MAX_WIDTH,
            margin_x="auto",
            padding_x=rx.breakpoints(initial="1rem", sm="1.5rem"),
            padding_y="2.5rem",
            width="100%",
        ),
        class_name="site-footer",
        margin_top="5rem",
    )


def page(*children: rx.Component, **props) -> rx.Component:
    return rx.flex(
        # A plain anchor: the browser moves focus to <main>, no client-side routing involved.
        rx.el.elements.a(_(SKIP_TO_CONTENT), href=f"#{MAIN_ID}", class_name="skip-link"),
        navbar(),
        bottom_bar(),  # fixed at a phone's bottom edge, but read and tabbed right after the header
        browser_actions(),  # what the server asks of the browser (log in/out, time zone, scroll)
        app_ready(),  # a form sent before the app ran is sent now (components/early_submit.py)
        verify_banner(),
        rx.el.main(
            *children,
            id=MAIN_ID,
            tab_index=-1,
            max_width=MAX_WIDTH,
            margin_x="auto",
            padding_x=rx.breakpoints(initial="1rem", sm="1.5rem"),
            padding_y="2rem",
            width="100%",
            flex_grow="1",
            **props,
        ),
        footer(),
        direction="column",
        min_height="100vh",
        # On a phone the bottom bar (and its 1 px top border) is fixed over the page's end: the footer stops above it.
        padding_bottom=rx.breakpoints(initial=f"calc({BOTTOM_BAR_HEIGHT} + 1px + env(safe-area-inset-bottom))", lg="0"),
    )
