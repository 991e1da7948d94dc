"""The navbar's account area: Log in / Sign up, or the signed-in user's menu; and the verify banner."""

import reflex as rx

from influfinder.components.layout import link_button
from influfinder.state.auth import SessionState
from influfinder.state.banner import VerifyBannerState


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
                    rx.text(SessionState.display_name, display=["none", "none", "inline"]),
                    rx.icon("chevron-down", size=14),
                    variant="ghost", aria_label="Account menu", data_testid="account-menu",
                ),
            ),
            rx.menu.content(
                rx.box(rx.text("@", SessionState.username, size="1", color_scheme="gray"), padding_x="0.75rem",
                       padding_y="0.35rem"),
                rx.menu.item("Settings", on_click=rx.redirect("/settings")),
                rx.cond(SessionState.is_admin, rx.menu.item("Admin", on_click=rx.redirect("/admin"))),
                rx.menu.separator(),
                rx.menu.item("Log out", on_click=SessionState.log_out, color_scheme="red"),
            ),
        ),
        rx.hstack(
            link_button("Log in", href="/login", variant="ghost", color_scheme="gray", size="2"),
            link_button("Sign up", href="/signup", size="2"),
            spacing="3",
            align="center",
        ),
    )


def verify_banner() -> rx.Component:
    return rx.cond(
        SessionState.signed_in & ~SessionState.is_verified,
        rx.box(
            rx.hstack(
                rx.icon("mail-warning", size=18),
                rx.text(
                    "Confirm your email to publish offers, apply and send messages. We sent a link to ",
                    rx.text.strong(SessionState.own_email), ".",
                    size="2",
                ),
                rx.spacer(),
                rx.cond(
                    VerifyBannerState.sent != "",
                    rx.text(VerifyBannerState.sent, size="2", weight="medium"),
                    rx.button("Resend the link", size="1", variant="soft", on_click=VerifyBannerState.resend),
                ),
                max_width="1200px", margin_x="auto", padding_x="1.5rem", padding_y="0.6rem", align="center",
                width="100%", wrap="wrap",
            ),
            background_color=rx.color("amber", 3),
            border_bottom=f"1px solid {rx.color('amber', 6)}",
            role="status",
            data_testid="verify-banner",
        ),
    )
