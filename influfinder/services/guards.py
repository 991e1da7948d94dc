"""Checks every marketplace service starts with: who is acting, and is this id one at all.

Handlers are public RPCs (DESIGN rule 2): ids and flags arrive as whatever a socket sent, so each
is checked here before it reaches a query. Refusals say nothing about objects the actor cannot see.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from influfinder import clock
from influfinder.i18n import N_, _
from influfinder.services.actors import Actor
from influfinder.services.errors import LogInRequired, NotAllowed, ServiceError
from influfinder.services.pagination import InvalidPage, check_page

LOG_IN = N_("Log in to continue.")
BUSINESSES_ONLY = N_("Only businesses and agencies can do that.")
CREATORS_ONLY = N_("Only creators can do that.")


def now() -> datetime:
    return clock.now()


def signed_in(actor: Actor | None) -> Actor:
    if not isinstance(actor, Actor):
        raise LogInRequired(LOG_IN)
    return actor


def business(actor: Actor | None) -> Actor:
    actor = signed_in(actor)
    if not actor.is_business:
        raise NotAllowed(BUSINESSES_ONLY)
    return actor


def creator(actor: Actor | None) -> Actor:
    actor = signed_in(actor)
    if not actor.is_creator:
        raise NotAllowed(CREATORS_ONLY)
    return actor


def object_id(value: object, not_found: str) -> uuid.UUID:
    """A UUID from a page or socket; anything else reads as "not found", like a missing row."""
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str) or len(value) > 64:
        raise NotAllowed(not_found)
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotAllowed(not_found) from None


def flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ServiceError("Choose yes or no.", field)
    return value


def choice(value: object, options: type, field: str, label: str):
    """An enum member from its value, or None for "all"; unknown values are refused by name."""
    if value is None or value == "":
        return None
    try:
        return options(value)
    except ValueError:
        raise ServiceError(_("Unknown {label}: choose one of {join}.").format(label=label, join=', '.join(m.value for m in options)), field) from None


def paging(page: object, page_size: object, *, max_size: int = 100) -> tuple[int, int]:
    """check_page's refusal as a message for the page's pager (page -1 or 10**9 included)."""
    try:
        return check_page(page, page_size, max_size=max_size)
    except InvalidPage as error:
        raise ServiceError(str(error), "page") from None
