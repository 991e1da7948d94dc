"""The navbar's account area: Log in / Sign up, or the signed-in user's menu; and the verify banner.

The menu holds only account things (profile, settings, saved searches, log out): the places a
user works in are the navbar's links (components/role_nav.py).
"""

import reflex as rx

from influfinder.components.browser_actions import log_out
from influfinder.components.buttons import link_button
from influfinder.components.phrases import filled
from influfinder.components.role_nav import WIDE
from influfinder.i18n import N_, _, pgettext, translated
from influfinder.i18n.routes import page_href
from influfinder.state.auth import SessionState
from influfinder.state.banner import VerifyBannerState

PUBLIC_PROFILE = N_("Public profile")
ACCOUNT_LINKS = ((N_("Settings"), "/settings", "settings"), (N_("Saved searches"), "/saved-searches", "bell-plus"))


def _item(label: str, href, icon: str) -> rx.Component:
    """A menu entry that is a real link: keyboard, middle-click and screen readers treat it as one."""
    return rx.menu.item(rx.el.a(rx.icon(icon, size=16), _(label), href=page_href(href),
                                style={"display": "flex", "gap": "0.5rem", "alignItems": "center"}), as_child=True)


def account_menu() -> rx.Component:
    # Every page resolves who is signed in when its navbar mounts; identity stays server-side.
    return rx.box(_menu(), on_mount=SessionState.refresh)


def _menu() -> rx.Component:
    return rx.cond(
        SessionState.signed_in,
        rx.menu.root(
            rx.menu.trigger(
                rx.button(
                    rx.avatar(fallback=SessionState.display_name[:2].upper(), size="1", radius="full"),
                    rx.text(SessionState.display_name, display=rx.breakpoints(initial="none", xl="inline")),
                    rx.icon("chevron-down", size=14),
                    variant="ghost", aria_label=_("Account menu"), data_testid="account-menu",
                ),
            ),
            rx.menu.content(
                rx.box(rx.text(SessionState.display_name, size="2", weight="medium"),
                       rx.text("@", SessionState.username, size="1", color_scheme="gray"),
                       padding_x="0.75rem", padding_y="0.35rem"),
                rx.cond(SessionState.user_type == "CREATOR",
                        _item(PUBLIC_PROFILE, "/creators/" + SessionState.username, "user-round")),
                *[_item(label, href, icon) for label, href, icon in ACCOUNT_LINKS],
                rx.menu.separator(),
                rx.menu.item(rx.icon("log-out", size=16), _("Log out"), on_click=log_out(), color_scheme="red"),
                align="end",
                min_width="13rem",
            ),
        ),
        rx.hstack(
            # On a phone a visitor's Log in and Sign up are in the bottom bar (components/role_nav).
            link_button(pgettext("navbar", "Log in"), href="/login", variant="ghost", color_scheme="gray", size="2"),
            link_button(pgettext("navbar", "Sign up"), href="/signup", size="2"),
            spacing="3",
            align="center",
            display=WIDE,
        ),
    )


BANNER = {
    "confirm": N_("Confirm your email to publish offers, apply and send messages. We sent a link to {email}."),
    "resend": N_("Resend the link"),
    "add": N_("Add your email address to apply, publish and message."),
    "add_link": N_("Add email address"),
}


def verify_banner() -> rx.Component:
    # An account made through Instagram or TikTok has no address yet (own_email is ""): it is asked for one.
    return rx.cond(
        SessionState.signed_in & ~SessionState.is_verified,
        rx.box(
            rx.hstack(
                rx.icon("mail-warning", size=18),
                rx.cond(SessionState.own_email != "", _confirm_email(), _add_email()),
                max_width="1200px", margin_x="auto", padding_x="1.5rem", padding_y="0.6rem", align="center",
                width="100%", wrap="wrap",
            ),
            background_color=rx.color("amber", 3),
            border_bottom=f"1px solid {rx.color('amber', 6)}",
            role="status",
            data_testid="verify-banner",
        ),
    )


def _confirm_email() -> rx.Component:
    return rx.fragment(
        rx.text(*filled(translated(BANNER["confirm"]), email=rx.text.strong(SessionState.own_email)), size="2"),
        rx.spacer(),
        rx.cond(
            VerifyBannerState.sent != "",
            rx.text(VerifyBannerState.sent, size="2", weight="medium"),
            rx.button(translated(BANNER["resend"]), size="1", variant="soft", on_click=VerifyBannerState.resend),
        ),
    )


def _add_email() -> rx.Component:
    return rx.fragment(
        rx.text(translated(BANNER["add"]), size="2"),
        rx.spacer(),
        rx.link(translated(BANNER["add_link"]), href=page_href("/settings#email"), size="2", weight="medium"),
    )
