"""One "Continue with <provider>" button per provider configured here; nothing when none is."""

from __future__ import annotations

from typing import Callable

import reflex as rx

from influfinder.components.phrases import filled
from influfinder.i18n import _


def oauth_buttons(providers: rx.Var, on_start: Callable, *, caption: str) -> rx.Component:
    """`providers` is a list var of {"name", "label"}; `on_start(name)` is the event that leaves for the provider."""
    return rx.cond(
        providers.length() > 0,
        rx.vstack(
            rx.hstack(rx.separator(size="4"), rx.text(caption, size="2", color_scheme="gray", white_space="nowrap"),
                      rx.separator(size="4"), align="center", width="100%", spacing="3"),
            rx.foreach(
                providers,
                lambda provider: rx.button(
                    *filled(_("Continue with {provider}"), provider=provider["label"]), type="button", variant="outline", size="3", width="100%",
                    on_click=on_start(provider["name"]), data_testid="oauth-" + provider["name"].to(str),
                ),
            ),
            spacing="3", width="100%",
        ),
    )
