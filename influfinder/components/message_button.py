"""The "Message" button for a page about two people (an application, a collaboration): opens their chat."""

from __future__ import annotations

import reflex as rx
from reflex.vars import Var

from influfinder.components.list_nav import nav_button
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href

LABEL = N_("Message")


def message_button(other_user_id: Var, label: str | None = None, **props) -> rx.Component:
    """A link-button to /messages/<other_user_id>; nothing while the id is not known yet.

    The chat page itself checks that the two may talk (services.messages.may_message), so the
    button only saves a trip through /messages.
    """
    # The label is translated when the page is built (once per language), not when this module loads.
    return rx.cond(
        other_user_id != "",
        nav_button(rx.icon("message-circle", size=16), label or translated(LABEL), href=page_href("/messages/") + other_user_id,
                   variant="soft", data_testid="message-button", **props),
    )
