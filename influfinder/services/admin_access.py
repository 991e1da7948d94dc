"""What every admin service starts with: the admin check, and the query helpers their lists share.

Every public function of the admin services takes the acting user and calls `admin_only` before it
reads anything, so anyone who is not an admin gets NotAllowed. (`admin_analytics.snapshot_analytics`
is the one exception: the periodic job's, and not reachable from a page.)

Admins see users' email addresses through these services; the admin states that hold them are only
ever filled for an admin (state/guards.py refuses their handlers to everyone else).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.moments import as_utc_or_none
from influfinder.i18n import N_, _
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.errors import Forbidden, ServiceError

ADMINS_ONLY = N_("Only the Influfinder team can do that.")
MAX_SEARCH = 100


def admin_only(actor: Actor | None) -> Actor:
    actor = guards.signed_in(actor)
    if not actor.is_admin:
        raise Forbidden(ADMINS_ONLY)
    return actor


def search_text(text: object) -> str:
    """The search box's text, trimmed and lower-cased ("" for no search); anything else is refused."""
    if text is None:
        return ""
    if not isinstance(text, str) or len(text) > MAX_SEARCH:
        raise ServiceError(_("Search with up to {MAX_SEARCH} characters.").format(MAX_SEARCH=MAX_SEARCH), "q")
    return text.strip().lower()


def contains(column, text: str):
    """column contains text, case-insensitive, with % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.func.lower(column).like(f"%{escaped}%", escape="\\")


def count_rows(db: Session, model, *where) -> int:
    return db.exec(select(sa.func.count()).select_from(model).where(*where)).one()


def tally(rows: Iterable[tuple[Enum, int]], enum) -> dict[str, int]:
    """(member, count) rows of a GROUP BY as {value: count}, with every value of the enum present."""
    counts = dict.fromkeys(enum.values(), 0)
    for member, count in rows:
        counts[member.value] = count
    return counts


def count_by(db: Session, column, enum, *where) -> dict[str, int]:
    """Rows per value of an enum column, counted in SQL; every value present."""
    return tally(db.exec(select(column, sa.func.count()).where(*where).group_by(column)).all(), enum)


aware = as_utc_or_none  # the admin pages' name for it
