"""The app shell: navbar, footer and the page frame every page uses."""

import reflex as rx

from influfinder.components.browser_actions import browser_actions
from influfinder.components.language_switcher import language_switcher
from influfinder.components.phrases import counted_phrase
from influfinder.i18n import N_, _
from influfinder.i18n.routes import page_href

from influfinder.state.live import LiveState

BRAND = "Influfinder"
TAGLINE = N_("The creator marketplace for local brands.")
HOME_LABEL = N_("Influfinder home")
SKIP_TO_CONTENT = N_("Skip to content")
NAV_LINKS = ((N_("Offers"), "/offers", "search"), (N_("Messages"), "/messages", "message-circle"))
NOTIFICATIONS = N_("Notifications")
NOTIFICATIONS_HREF = "/notifications"
TOGGLE_COLOR_MODE = N_("Toggle dark mode")
DARK_MODE = N_("Dark mode")
LIGHT_MODE = N_("Light mode")
OPEN_MENU = N_("Open menu")
LOG_IN = N_("Log in")
SIGN_UP = N_("Sign up")
FOOTER_COLUMNS = (
    (N_("Marketplace"), ((N_("Browse offers"), "/offers"), (N_("How it works"), "/#how-it-works"),
                         (N_("Creator tiers"), "/#tiers"))),
    (N_("Get started"), ((N_("Sign up"), "/signup"), (N_("Log in"), "/login"), (N_("Create offer"), "/offers/new"))),
)
FOOTER_NOTE = N_("Made for creators and the places they love.")
COPYRIGHT = f"© 2026 {BRAND}"
STATUS = N_("Status")

MAX_WIDTH = "1200px"
MAIN_ID = "main"


def link_button(*children, href: str | rx.Var, **props) -> rx.Component:
    """A button that navigates: one <a> styled as a button (never a button inside a link).

    A plain path is put in the page's language here; a Var is taken as it is, already localized
    (page_href("/offers/") + id, or built by the state): localizing it again gave /en/en/...
    """
    href = page_href(href) if isinstance(href, str) else href
    return rx.button(rx.el.a(*children, href=href), as_child=True, **props)


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


def _in_section(href: str):
    """Whether the page is in the nav link's section. The offer editor lives under /offers but
    belongs to My offers (the account menu), so Browse is not marked there."""
    path = rx.State.router.url.path
    href = page_href(href)
    if not href.endswith("/offers"):
        return path.startswith(href)
    # The router's path may end in a slash ("/offers/new/"), hence prefixes rather than equality.
    return path.startswith(href) & ~path.contains("/edit") & ~path.startswith(page_href("/offers/new"))


def nav_link(label: str, href: str) -> rx.Component:
    # The current section is marked for screen readers and drawn in the accent colour.
    active = _in_section(href)
    return rx.link(
        _(label),
        href=page_href(href),
        weight="medium",
        size="2",
        underline="none",
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        aria_current=rx.cond(active, "page", ""),
        class_name="nav-link",
    )


def _unread_label(label: str, count) -> rx.Var:
    return counted_phrase("{label}, {n} unread", "{label}, {n} unread", count, label=_(label))


def _count_badge(count, test_id: str) -> rx.Component:
    """The small number on the bell and on Messages: 1..99, then "99+"; nothing at zero."""
    return rx.cond(
        count > 0,
        rx.el.span(
            rx.cond(count > 99, "99+", count.to_string()),
            aria_hidden="true",
            data_testid=test_id,
            style={"position": "absolute", "top": "-4px", "right": "-8px", "minWidth": "18px", "height": "18px",
                   "padding": "0 5px", "borderRadius": "999px", "background": rx.color("red", 9), "color": "white",
                   "fontSize": "11px", "fontWeight": "600", "lineHeight": "18px", "textAlign": "center",
                   "fontVariantNumeric": "tabular-nums", "pointerEvents": "none"},
        ),
    )


def notifications_button() -> rx.Component:
    count = LiveState.unread_notifications
    return rx.icon_button(
        rx.el.a(rx.icon("bell", size=18), _count_badge(count, "bell-count"), href=page_href(NOTIFICATIONS_HREF),
                aria_label=rx.cond(count > 0, _unread_label(NOTIFICATIONS, count), _(NOTIFICATIONS)),
                style={"position": "relative"}),
        as_child=True,
        variant="ghost",
        color_scheme="gray",
        size="2",
    )


def messages_link(label: str, href: str) -> rx.Component:
    """The Messages nav link with the live count of unread messages in its badge and its name."""
    count = LiveState.unread_messages
    active = _in_section(href)
    return rx.link(
        _(label),
        _count_badge(count, "messages-count"),
        href=page_href(href),
        weight="medium",
        size="2",
        underline="none",
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        aria_current=rx.cond(active, "page", ""),
        aria_label=rx.cond(count > 0, _unread_label(label, count), _(label)),
        class_name="nav-link",
        position="relative",
        padding_right=rx.cond(count > 0, "14px", "0"),  # room for the badge beside the word
    )


def _nav_item(label: str, href: str) -> rx.Component:
    return messages_link(label, href) if href == "/messages" else nav_link(label, href)


def color_mode_button() -> rx.Component:
    return rx.icon_button(
        rx.color_mode_cond(light=rx.icon("moon", size=18), dark=rx.icon("sun", size=18)),
        on_click=rx.toggle_color_mode,
        variant="ghost",
        color_scheme="gray",
        size="2",
        aria_label=_(TOGGLE_COLOR_MODE),
    )


def account_area() -> rx.Component:
    """Log in / Sign up, or the signed-in user's menu (components.account_menu)."""
    from influfinder.components.account_menu import account_menu

    return account_menu()


def _menu_link(label: str, href: str, icon: str, count=None) -> rx.Component:
    badge = rx.cond(count > 0, rx.badge(count, color_scheme="red", radius="full")) if count is not None else rx.fragment()
    return rx.menu.item(rx.el.a(rx.icon(icon, size=16), _(label), badge, href=page_href(href)), as_child=True)


def _unread_dot() -> rx.Component:
    """On phones the counts live in the menu; a dot on its button says there is something new."""
    return rx.cond(
        (LiveState.unread_messages + LiveState.unread_notifications) > 0,
        rx.box(position="absolute", top="2px", right="2px", width="8px", height="8px", border_radius="50%",
               background_color=rx.color("red", 9), aria_hidden="true"),
    )


def mobile_menu() -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(
            rx.icon_button(rx.icon("menu", size=20), _unread_dot(), variant="ghost", color_scheme="gray", size="2",
                           aria_label=_(OPEN_MENU), position="relative"),
        ),
        rx.menu.content(
            *[_menu_link(label, href, icon, LiveState.unread_messages if href == "/messages" else None)
              for label, href, icon in NAV_LINKS],
            _menu_link(NOTIFICATIONS, NOTIFICATIONS_HREF, "bell", LiveState.unread_notifications),
            rx.menu.separator(),
            rx.menu.item(
                rx.color_mode_cond(light=rx.icon("moon", size=16), dark=rx.icon("sun", size=16)),
                rx.color_mode_cond(light=_(DARK_MODE), dark=_(LIGHT_MODE)),
                on_click=rx.toggle_color_mode,
            ),
            align="end",
            min_width="12rem",
        ),
    )


def navbar() -> rx.Component:
    desktop = rx.breakpoints(initial="none", sm="flex")
    mobile = rx.breakpoints(initial="flex", sm="none")
    return rx.el.header(
        rx.hstack(
            logo(),
            rx.hstack(*[_nav_item(label, href) for label, href, _ in NAV_LINKS], notifications_button(),
                      spacing="5", align="center", display=desktop, margin_left="1.5rem"),
            rx.spacer(),
            rx.box(color_mode_button(), display=desktop),
            account_area(),
            rx.box(mobile_menu(), display=mobile),
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
                rx.hstack(*[_footer_column(title, links) for title, links in FOOTER_COLUMNS], spacing="9"),
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


def verify_banner() -> rx.Component:
    from influfinder.components.account_menu import verify_banner as banner

    return banner()


def page(*children: rx.Component, **props) -> rx.Component:
    return rx.flex(
        # A plain anchor: the browser moves focus to <main>, no client-side routing involved.
        rx.el.elements.a(_(SKIP_TO_CONTENT), href=f"#{MAIN_ID}", class_name="skip-link"),
        navbar(),
        browser_actions(),  # what the server asks of the browser (log in/out, time zone, scroll)
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
    )
