"""The settings card where a creator connects Instagram, TikTok or Facebook for verified figures."""

from __future__ import annotations

import reflex as rx

from influfinder.components.forms import form_error, notice
from influfinder.i18n import N_, translated
from influfinder.state.connected_accounts import ConnectChoice, ConnectedAccountsState, ConnectedRow

S = ConnectedAccountsState
COPY = {
    "title": N_("Verified audience"),
    "intro": N_("Connect your accounts so businesses see your figures as verified, not self-reported. We only read "
              "them (followers, posts, likes and comments), refresh them daily, and delete them when you disconnect."),
    "connect": N_("Connect "),
    "disconnect": N_("Disconnect"),
    "followers": N_("Followers"),
    "engagement": N_("Engagement"),
    "posts": N_("Posts"),
    "badge": N_("Verified on the platform"),
    "none": N_("No accounts connected: your figures are shown as self-reported."),
}


def _figure(label: str, value) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", color_scheme="gray"),
                     rx.text(value, size="3", weight="bold", class_name="tabular"), spacing="0")


def _account(row: ConnectedRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.hstack(rx.text(row.label, weight="medium"), rx.text("@", row.handle, size="2", color_scheme="gray"),
                          rx.cond(row.badge, rx.badge(rx.icon("badge-check", size=12), translated(COPY["badge"]), size="1")),
                          spacing="2", align="center", wrap="wrap"),
                rx.badge(rx.icon("shield-check", size=12), row.source, color_scheme="green", variant="soft", size="1"),
                spacing="1",
            ),
            rx.spacer(),
            rx.button(translated(COPY["disconnect"]), size="1", variant="soft", color_scheme="gray",
                      on_click=S.disconnect(row.provider), aria_label=translated(COPY["disconnect"]) + " " + row.label),
            width="100%", align="start",
        ),
        rx.hstack(_figure(translated(COPY["followers"]), row.followers),
                  rx.cond(row.engagement != "", _figure(translated(COPY["engagement"]), row.engagement)),
                  _figure(translated(COPY["posts"]), row.posts), spacing="5"),
        rx.cond(row.problem != "", rx.callout(row.problem, icon="triangle_alert", color_scheme="amber", size="1",
                                              width="100%", data_testid="connected-problem")),
        rx.foreach(row.overruled, lambda line: rx.text(line, size="2", color_scheme="amber")),
        width="100%", spacing="2", padding_y="0.75rem", data_testid="connected-" + row.provider,
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _connect_button(choice: ConnectChoice) -> rx.Component:
    return rx.button(rx.icon("link", size=14), translated(COPY["connect"]), choice.label, variant="outline", size="2",
                     on_click=S.connect(choice.name), data_testid="connect-" + choice.name)


def connected_accounts_section() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="5"),
            rx.text(translated(COPY["intro"]), size="2", color_scheme="gray"),
            notice(S.notice),
            form_error(S.error),
            rx.cond(S.accounts.length() > 0,
                    rx.vstack(rx.foreach(S.accounts, _account), width="100%", spacing="0"),
                    rx.text(translated(COPY["none"]), size="2", color_scheme="gray")),
            rx.hstack(rx.foreach(S.can_connect, _connect_button), spacing="2", wrap="wrap"),
            spacing="4", width="100%",
        ),
        on_mount=S.load,
        size="3", width="100%", id="connected-accounts",
    )
