"""The user's time zone, as their browser names it, kept on the account.

Pages ask the browser for its zone (state/browser.py) and save it here for a signed-in user, so the
times they read elsewhere (a page loaded before the browser answered) are on their clock. A value
the zone database does not hold is refused and nothing changes.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from sqlmodel import Session

from influfinder.domain.time_zones import is_zone
from influfinder.i18n import N_
from influfinder.models.user import User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError

NOT_A_ZONE = N_("That is not a time zone we know. Use a name such as Europe/Madrid or America/Mexico_City.")


class _ZoneInput(BaseModel):
    model_config = ConfigDict(frozen=True)
    zone: str

    @field_validator("zone")
    @classmethod
    def _known(cls, value: str) -> str:
        if not is_zone(value):
            raise ValueError("unknown zone")
        return value


def save_time_zone(db: Session, actor: Actor | None, zone: object) -> str:
    """Keep the signed-in user's zone; writes only when it changed. Returns the zone kept."""
    actor = guards.signed_in(actor)
    try:
        checked = _ZoneInput(zone=zone).zone
    except ValidationError:
        raise ServiceError(NOT_A_ZONE, "time_zone") from None
    user = db.get(User, actor.id)
    if user.time_zone != checked:
        user.time_zone = checked
        user.updated_at = guards.now()
        db.add(user)
    return checked


def saved_time_zone(db: Session, actor: Actor | None) -> str | None:
    """The signed-in user's zone, None when no page learnt it yet (or nobody is signed in)."""
    if actor is None:
        return None
    user = db.get(User, actor.id)
    return user.time_zone if user else None


def viewer_zone(db: Session, actor: Actor | None, browser_zone: object) -> str | None:
    """The zone a page shows times in: the browser's when it named a real one (kept on a signed-in
    user's account), else the one kept, else None (the page's own default). An odd answer from a
    browser is not an error to show: it just does not count."""
    if is_zone(browser_zone):
        return save_time_zone(db, actor, browser_zone) if actor is not None else browser_zone
    return saved_time_zone(db, actor)
