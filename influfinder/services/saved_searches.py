"""Saved searches with alerts: a creator saves a Browse search, a business a Find creators search.

A saved search is the search's URL query, validated by the search it belongs to and stored without
the page. The hourly job runner (influfinder/scheduler.py) calls `send_alerts`: each saved search
whose last alert is at least a day old and that has new matches since then gets one notification
(SAVED_SEARCH_MATCH) naming how many: a daily digest per search, in the app, and by email for those
who turn that notification's email on in Settings (off by default). New means published since the
last check for offers (among the 20 newest matches), joined since the last check for creators (all
of them, counted in SQL with the search's own conditions).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.i18n import N_, _
from influfinder.domain.enums import NotificationType, SavedSearchKind, UserType
from influfinder.domain.moments import as_utc
from influfinder.models import Profile, SavedSearch, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.creator_filters import CreatorSearch
from influfinder.services.creator_search import count_joined_since
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.notifications import notify
from influfinder.services.offer_filters import OfferSearch
from influfinder.services.offer_search import search_offers

MAX_SAVED = 20
ALERT_EVERY = timedelta(days=1)
NOT_FOUND = N_("We could not find that saved search.")
ROUTES = {SavedSearchKind.OFFERS: "/offers", SavedSearchKind.CREATORS: "/creators"}


@dataclass(frozen=True)
class SavedSearchRow:
    id: str
    kind: str
    name: str
    href: str
    created_at: datetime


def _parse(kind: SavedSearchKind, params: object):
    if not isinstance(params, dict) or len(params) > 30:
        raise ServiceError("The search could not be read.")
    model = OfferSearch if kind is SavedSearchKind.OFFERS else CreatorSearch
    return model.from_query_params({k: v for k, v in params.items() if k != "page"})


def _allowed(actor: Actor, kind: SavedSearchKind) -> None:
    if kind is SavedSearchKind.OFFERS and not actor.is_creator:
        raise NotAllowed("Only creators save offer searches.")
    if kind is SavedSearchKind.CREATORS and not actor.is_business:
        raise NotAllowed("Only businesses and agencies save creator searches.")


def save(db: Session, actor: Actor | None, kind: object, params: object, name: object = "") -> uuid.UUID:
    actor = guards.signed_in(actor)
    which = guards.choice(kind, SavedSearchKind, "kind", "kind of search")
    if which is None:
        raise ServiceError("Choose what to save.", "kind")
    _allowed(actor, which)
    query = _parse(which, params).to_query_params()
    query.pop("page", None)
    title = name.strip()[:120] if isinstance(name, str) and name.strip() else describe(query)
    count = db.exec(select(sa.func.count()).select_from(SavedSearch).where(SavedSearch.user_id == actor.id)).one()
    if count >= MAX_SAVED:
        raise ServiceError(_("You can keep {n} saved searches: delete one first.").format(n=MAX_SAVED))
    row = SavedSearch(user_id=actor.id, kind=which, name=title, params=query)
    db.add(row)
    db.flush()
    return row.id


def describe(query: dict[str, str]) -> str:
    """A name for a search from its filters: brunch · Food · Madrid."""
    parts = [query["q"]] if query.get("q") else []
    parts += [v.title() if k != "city" else v for k, v in query.items() if k not in ("q", "sort") and v not in ("1",)]
    return " · ".join(parts)[:120] or "Everything"


def mine(db: Session, actor: Actor | None) -> list[SavedSearchRow]:
    actor = guards.signed_in(actor)
    rows = db.exec(select(SavedSearch).where(SavedSearch.user_id == actor.id)
                   .order_by(SavedSearch.created_at.desc(), SavedSearch.id)).all()
    return [SavedSearchRow(str(r.id), r.kind.value, r.name, href(r), r.created_at) for r in rows]


def href(row: SavedSearch) -> str:
    from urllib.parse import urlencode

    return ROUTES[row.kind] + ("?" + urlencode(row.params) if row.params else "")


def delete(db: Session, actor: Actor | None, saved_id: object) -> None:
    actor = guards.signed_in(actor)
    key = guards.object_id(saved_id, NOT_FOUND)
    result = db.exec(sa.delete(SavedSearch).where(SavedSearch.id == key, SavedSearch.user_id == actor.id))
    if result.rowcount != 1:
        raise NotAllowed(NOT_FOUND)


# ---- alerts (the hourly job) ---------------------------------------------------------------------


def send_alerts(db: Session, now: datetime | None = None) -> int:
    """One notification per saved search with new matches, at most once a day each; returns how many."""
    now = now or guards.now()
    due = db.exec(
        select(SavedSearch, User).join(User, User.id == SavedSearch.user_id)
        .where(SavedSearch.checked_at <= now - ALERT_EVERY, User.is_active.is_(True), User.deleted_at.is_(None))
        .order_by(SavedSearch.checked_at).limit(500)
    ).all()
    sent = 0
    for saved, user in due:
        found = _new_matches(db, saved, _owner(db, user), now)
        # Claim the search first: a second process running the same round skips it.
        claimed = db.exec(sa.update(SavedSearch).where(SavedSearch.id == saved.id,
                                                       SavedSearch.checked_at == saved.checked_at)
                          .values(checked_at=now).execution_options(synchronize_session=False)).rowcount
        if claimed and found:
            what = ("offer" if saved.kind is SavedSearchKind.OFFERS else "creator") + ("" if found == 1 else "s")
            notify(db, user.id, NotificationType.SAVED_SEARCH_MATCH, f"{found} new {what} for “{saved.name}”",
                   f"{found} new {what} matched your saved search “{saved.name}” since yesterday.")
            sent += 1
    return sent


def _owner(db: Session, user: User) -> Actor:
    display = db.exec(select(Profile.display_name).where(Profile.user_id == user.id)).first()
    return Actor(id=user.id, session_id="", username=user.username, email=user.email,
                 display_name=display or user.username, user_type=UserType(user.user_type),
                 is_admin=user.is_admin, is_verified=user.is_verified)


def _new_matches(db: Session, saved: SavedSearch, owner: Actor, now: datetime) -> int:
    since = as_utc(saved.checked_at)
    try:
        search = _parse(saved.kind, saved.params)
    except ServiceError:
        return 0  # a search that no longer parses (a filter was removed): nothing to announce
    if saved.kind is SavedSearchKind.OFFERS:
        newest = search_offers(db, owner, search.model_copy(update={"sort": "newest", "page": 1}), now=now).items
        return sum(1 for o in newest if as_utc(o.published_at or o.created_at) > since)
    if not (owner.is_business or owner.is_admin):
        return 0
    return count_joined_since(db, owner, search, since)
