"""Where an offer or an application stands, as a coloured badge (colour and words, never colour alone)."""

import reflex as rx
from reflex.vars import Var

OFFER_STATUS = {
    "DRAFT": ("Draft", "gray", "file-pen-line"),
    "ACTIVE": ("Active", "green", "radio"),
    "PAUSED": ("Paused", "amber", "circle-pause"),
    "ARCHIVED": ("Archived", "gray", "archive"),
}
APPLICATION_STATUS = {
    "APPLIED": ("New", "blue", "mail"),
    "UNDER_REVIEW": ("Under review", "violet", "eye"),
    "ACCEPTED": ("Accepted", "green", "circle-check"),
    "REJECTED": ("Rejected", "red", "circle-x"),
    "WITHDRAWN": ("Withdrawn", "gray", "undo-2"),
}
# The creator who sent it reads "Sent" where the business reads "New".
CREATOR_APPLICATION_STATUS = {**APPLICATION_STATUS, "APPLIED": ("Sent", "blue", "send")}


def _badge(status: Var, table: dict, size: str) -> rx.Component:
    cases = [
        (key, rx.badge(rx.icon(icon, size=12), text, color_scheme=color, variant="soft", size=size, radius="full"))
        for key, (text, color, icon) in table.items()
    ]
    return rx.match(status, *cases, rx.badge(status, variant="soft", size=size))


def offer_status_badge(status: Var, size: str = "1") -> rx.Component:
    return _badge(status, OFFER_STATUS, size)


def application_status_badge(status: Var, size: str = "1", for_creator=False) -> rx.Component:
    """`for_creator` may be a Var: the one page that serves both sides decides in the browser."""
    if isinstance(for_creator, Var):
        return rx.cond(for_creator, _badge(status, CREATOR_APPLICATION_STATUS, size),
                       _badge(status, APPLICATION_STATUS, size))
    return _badge(status, CREATOR_APPLICATION_STATUS if for_creator else APPLICATION_STATUS, size)
