"""Where an offer or an application stands, as a coloured badge (colour and words, never colour alone)."""

import reflex as rx
from reflex.vars import Var

from influfinder.domain.enums import ApplicationStatus, OfferStatus
from influfinder.i18n.labels import label

# Colour and icon per status; the words come from the labels table (domain/labels.py).
OFFER_STATUS = {
    OfferStatus.DRAFT: ("gray", "file-pen-line"),
    OfferStatus.ACTIVE: ("green", "radio"),
    OfferStatus.PAUSED: ("amber", "circle-pause"),
    OfferStatus.ARCHIVED: ("gray", "archive"),
}
APPLICATION_STATUS = {
    ApplicationStatus.APPLIED: ("blue", "mail"),
    ApplicationStatus.UNDER_REVIEW: ("violet", "eye"),
    ApplicationStatus.ACCEPTED: ("green", "circle-check"),
    ApplicationStatus.REJECTED: ("red", "circle-x"),
    ApplicationStatus.WITHDRAWN: ("gray", "undo-2"),
}
# The creator who sent it reads "Sent" where the business reads "New".
CREATOR_APPLICATION_STATUS = {**APPLICATION_STATUS, ApplicationStatus.APPLIED: ("blue", "send")}


def _badge(status: Var, table: dict, size: str, for_creator: bool = False) -> rx.Component:
    cases = [
        (key.value, rx.badge(rx.icon(icon, size=12), label(key, for_creator=for_creator), color_scheme=color,
                             variant="soft", size=size, radius="full"))
        for key, (color, icon) in table.items()
    ]
    return rx.match(status, *cases, rx.badge(status, variant="soft", size=size))


def offer_status_badge(status: Var, size: str = "1") -> rx.Component:
    return _badge(status, OFFER_STATUS, size)


def application_status_badge(status: Var, size: str = "1", for_creator=False) -> rx.Component:
    """`for_creator` may be a Var: the one page that serves both sides decides in the browser."""
    if isinstance(for_creator, Var):
        return rx.cond(for_creator, _badge(status, CREATOR_APPLICATION_STATUS, size, True),
                       _badge(status, APPLICATION_STATUS, size))
    return _badge(status, CREATOR_APPLICATION_STATUS if for_creator else APPLICATION_STATUS, size, for_creator)
