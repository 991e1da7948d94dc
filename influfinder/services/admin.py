"""What admins do from the dashboard: the platform's counts, accounts, disputes, offer moderation, daily figures.

Every public function but `snapshot_analytics` takes the acting user and refuses anyone who is not an
admin with NotAllowed, before it reads anything. `snapshot_analytics(db, day)` is the periodic
job's: it writes the day's Analytics row and is not reachable from a page.

Admins see users' email addresses here; the admin states that hold them are only ever filled for
an admin (state/guards.py refuses their handlers to everyone else).

Counting rules of the daily figures (the brief names the columns, not how to count them):
- total_users, total_offers_created, total_applications, total_collaborations_completed and
  total_revenue are cumulative up to the end of the day (UTC); new_users counts that day alone.
  Deleted (anonymised) accounts no longer count as users.
- active_offers and avg_tier_level describe the moment of the snapshot: an offer's past status
  is not kept, so a past day's row is only as good as the snapshot taken on that day.
- total_revenue adds the fees agreed in completed collaborations in EUR, the platform's main
  currency. There are no exchange rates here, so fees in other currencies are left out rather than
  added up as if they were euros.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.domain.enums import (
    ApplicationStatus, CollaborationStatus, Currency, OfferStatus, UserType,
)
from influfinder.models import Analytics, Application, Collaboration, CollaborationEvent, Offer, Profile, User
from influfinder.services import collaborations, guards, offer_management, sessions
from influfinder.services.actors import Actor
from influfinder.services.effects import after_commit
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.pagination import Page

ADMINS_ONLY = "Only the Influfinder team can do that."
USER_NOT_FOUND = "We could not find that account."
MAX_SEARCH = 100
HISTORY_DAYS = 30
WEEK = timedelta(days=7)


def _admin(actor: Actor | None) -> Actor:
    actor = guards.signed_in(actor)
    if not actor.is_admin:
        raise NotAllowed(ADMINS_ONLY)
    return actor


def _search(text: object) -> str:
    """The search box's text, trimmed and lower-cased ("" for no search); anything else is refused."""
    if text is None:
        return ""
    if not isinstance(text, str) or len(text) > MAX_SEARCH:
        raise ServiceError(f"Search with up to {MAX_SEARCH} characters.", "q")
    return text.strip().lower()


def _contains(column, text: str):
    """column contains text, case-insensitive, with % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.func.lower(column).like(f"%{escaped}%", escape="\\")


def _counts(db: Session, column, enum, *where) -> dict[str, int]:
    """Rows per value of an enum column, counted in SQL; every value present."""
    counts = dict.fromkeys(enum.values(), 0)
    for value, count in db.exec(select(column, sa.func.count()).where(*where).group_by(column)).all():
        counts[value.value] = count
    return counts


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# ---- overview --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    users: dict[str, int]  # UserType value -> active accounts
    deactivated_users: int
    new_users_week: int
    offers: dict[str, int]  # OfferStatus value -> count
    applications: dict[str, int]  # ApplicationStatus value -> count
    collaborations: dict[str, int]  # CollaborationStatus value -> count
    open_disputes: int


def overview(db: Session, actor: Actor | None) -> Overview:
    _admin(actor)
    live = User.deleted_at.is_(None)
    users = _counts(db, User.user_type, UserType, live, User.is_active.is_(True))
    deactivated = db.exec(select(sa.func.count()).select_from(User).where(live, User.is_active.is_(False))).one()
    week_ago = guards.now() - WEEK
    new = db.exec(select(sa.func.count()).select_from(User).where(live, User.created_at >= week_ago)).one()
    collabs = _counts(db, Collaboration.status, CollaborationStatus)
    return Overview(
        users=users, deactivated_users=deactivated, new_users_week=new,
        offers=_counts(db, Offer.status, OfferStatus),
        applications=_counts(db, Application.status, ApplicationStatus),
        collaborations=collabs, open_disputes=collabs[CollaborationStatus.DISPUTED.value],
    )


# ---- users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    email: str
    display_name: str
    user_type: str
    is_verified: bool
    is_admin: bool
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None


def list_users(db: Session, actor: Actor | None, search: object = "", page: object = 1,
               page_size: object = 20) -> Page[UserRow]:
    """Accounts (deleted ones left out), newest first; `search` matches the username or the email."""
    _admin(actor)
    text = _search(search)
    page, page_size = guards.paging(page, page_size)
    where = [User.deleted_at.is_(None)]
    if text:
        where.append(sa.or_(_contains(User.username, text), _contains(User.email, text)))
    total = db.exec(select(sa.func.count()).select_from(User).where(*where)).one()
    rows = db.exec(
        select(User, Profile.display_name, Profile.company_name)
        .join(Profile, Profile.user_id == User.id, isouter=True).where(*where)
        .order_by(User.created_at.desc(), User.id).offset((page - 1) * page_size).limit(page_size)
    ).all()
    return Page([_user_row(u, company or display or u.username) for u, display, company in rows], total, page,
                page_size)


def _user_row(user: User, name: str) -> UserRow:
    return UserRow(
        id=str(user.id), username=user.username, email=user.email, display_name=name,
        user_type=user.user_type.value, is_verified=user.is_verified, is_admin=user.is_admin,
        is_active=user.is_active, created_at=_aware(user.created_at), last_login_at=_aware(user.last_login_at),
    )


def deactivate_user(db: Session, actor: Actor | None, user_id: object) -> None:
    """The account can no longer log in, and every session it has ends (after the commit)."""
    actor = _admin(actor)
    key = guards.object_id(user_id, USER_NOT_FOUND)
    if key == actor.id:
        raise ServiceError("You cannot deactivate your own account: ask another admin.")
    _set_active(db, key, False)
    # Ended after the commit: the session store may be this same database, and a deactivated
    # account is refused at once anyway (actors.actor_for_token checks is_active on every event).
    after_commit(db, sessions.end_all, key)


def reactivate_user(db: Session, actor: Actor | None, user_id: object) -> None:
    actor = _admin(actor)
    key = guards.object_id(user_id, USER_NOT_FOUND)
    if key == actor.id:
        raise ServiceError("Your own account is active.")
    _set_active(db, key, True)


def _set_active(db: Session, user_id: uuid.UUID, active: bool) -> None:
    user = db.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotAllowed(USER_NOT_FOUND)
    result = db.exec(
        sa.update(User).where(User.id == user_id, User.is_active.is_(not active), User.deleted_at.is_(None))
        .values(is_active=active, updated_at=guards.now()).execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError("This account is already active." if active else "This account is already deactivated.")
    db.refresh(user)


# ---- disputes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisputeRow:
    id: str  # the collaboration
    offer_id: str
    offer_title: str
    creator: str  # display names
    creator_username: str
    business: str
    business_username: str
    reason: str
    opened_by: str | None  # who opened it, None if the log does not say
    opened_at: datetime


def list_disputes(db: Session, actor: Actor | None, page: object = 1, page_size: object = 20) -> Page[DisputeRow]:
    """Open disputes, the longest waiting first, with both parties and the reason."""
    _admin(actor)
    page, page_size = guards.paging(page, page_size)
    disputed = Collaboration.status == CollaborationStatus.DISPUTED
    total = db.exec(select(sa.func.count()).select_from(Collaboration).where(disputed)).one()
    rows = db.exec(
        select(Collaboration, Offer.title).join(Offer, Offer.id == Collaboration.offer_id).where(disputed)
        .order_by(Collaboration.updated_at, Collaboration.id).offset((page - 1) * page_size).limit(page_size)
    ).all()
    people = _people(db, {uid for c, _ in rows for uid in (c.creator_id, c.business_id)})
    openers = _dispute_openers(db, [c.id for c, _ in rows])
    return Page([_dispute_row(c, title, people, openers.get(c.id)) for c, title in rows], total, page, page_size)


def _people(db: Session, user_ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    """user id -> (the name people see, username)."""
    if not user_ids:
        return {}
    rows = db.exec(select(User.id, User.username, Profile.display_name, Profile.company_name)
                   .join(Profile, Profile.user_id == User.id, isouter=True).where(User.id.in_(user_ids))).all()
    return {uid: (company or display or username, username) for uid, username, display, company in rows}


def _dispute_openers(db: Session, collab_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID | None]:
    """Who opened each dispute: the last open_dispute event of each collaboration."""
    if not collab_ids:
        return {}
    events = db.exec(
        select(CollaborationEvent.collaboration_id, CollaborationEvent.actor_id)
        .where(CollaborationEvent.collaboration_id.in_(collab_ids), CollaborationEvent.action == "open_dispute")
        .order_by(CollaborationEvent.created_at)
    ).all()
    return dict(events)


def _dispute_row(collab: Collaboration, title: str, people: dict, opener: uuid.UUID | None) -> DisputeRow:
    creator, creator_username = people[collab.creator_id]
    business, business_username = people[collab.business_id]
    opened_by = {collab.creator_id: creator, collab.business_id: business}.get(opener)
    return DisputeRow(
        id=str(collab.id), offer_id=str(collab.offer_id), offer_title=title, creator=creator,
        creator_username=creator_username, business=business, business_username=business_username,
        reason=collab.dispute_reason or "", opened_by=opened_by, opened_at=_aware(collab.updated_at),
    )


def resolve_dispute(db: Session, actor: Actor | None, collab_id: object, outcome: object, note: object) -> None:
    """Settle a dispute as COMPLETED or CANCELLED with a note; the move and its event are logged together."""
    actor = _admin(actor)
    collaborations.resolve_dispute(db, actor, collab_id, outcome, note)


# ---- offers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferRow:
    id: str
    title: str
    business: str  # the company or display name
    business_username: str
    status: str
    category: str
    city: str
    views: int
    applications: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class OfferModeration:
    page: Page[OfferRow]
    counts: dict[str, int]  # OfferStatus value -> offers matching the search


def list_offers(db: Session, actor: Actor | None, search: object = "", status: object = None, page: object = 1,
                page_size: object = 20) -> OfferModeration:
    """Every offer, most recently changed first, with counts per status of the offers `search` matches."""
    _admin(actor)
    text = _search(search)
    wanted = guards.choice(status, OfferStatus, "status", "offer status")
    page, page_size = guards.paging(page, page_size)
    where = [_offer_matches(text)] if text else []
    joined = (select(Offer.status, sa.func.count()).join(User, User.id == Offer.business_id)
              .join(Profile, Profile.user_id == User.id, isouter=True))
    counts = dict.fromkeys(OfferStatus.values(), 0)
    for state, count in db.exec(joined.where(*where).group_by(Offer.status)).all():
        counts[state.value] = count
    if wanted:
        where.append(Offer.status == wanted)
    rows = db.exec(
        select(Offer, User.username, Profile.display_name, Profile.company_name)
        .join(User, User.id == Offer.business_id).join(Profile, Profile.user_id == User.id, isouter=True)
        .where(*where).order_by(Offer.updated_at.desc(), Offer.id).offset((page - 1) * page_size).limit(page_size)
    ).all()
    applied = offer_management.application_counts(db, [o.id for o, *_ in rows])
    items = [_offer_row(o, company or display or username, username, sum(applied[o.id].values()))
             for o, username, display, company in rows]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return OfferModeration(Page(items, total, page, page_size), counts)


def _offer_matches(text: str):
    """The title, the brand, or the business as the list shows it (company, display name, username)."""
    return sa.or_(_contains(Offer.title, text), _contains(Offer.brand_name, text), _contains(User.username, text),
                  _contains(sa.func.coalesce(Profile.company_name, ""), text),
                  _contains(sa.func.coalesce(Profile.display_name, ""), text))


def _offer_row(offer: Offer, business: str, username: str, applications: int) -> OfferRow:
    return OfferRow(
        id=str(offer.id), title=offer.title, business=offer.brand_name or business, business_username=username,
        status=offer.status.value, category=offer.category.value, city=offer.city, views=offer.views_count,
        applications=applications, created_at=_aware(offer.created_at), updated_at=_aware(offer.updated_at),
    )


def pause_offer(db: Session, actor: Actor | None, offer_id: object) -> None:
    """ACTIVE -> PAUSED; the business may resume it once the problem is fixed."""
    offer_management.pause(db, _admin(actor), offer_id)


def archive_offer(db: Session, actor: Actor | None, offer_id: object) -> None:
    """Takes the offer off the marketplace for good."""
    offer_management.archive(db, _admin(actor), offer_id)


# ---- daily figures ---------------------------------------------------------------------------


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def _count(db: Session, model, *where) -> int:
    return db.exec(select(sa.func.count()).select_from(model).where(*where)).one()


def _day_figures(db: Session, day: date) -> dict:
    """The Analytics columns for `day`, counted in SQL (the rules are in the module's docstring)."""
    start, end = _day_bounds(day)
    present = sa.or_(User.deleted_at.is_(None), User.deleted_at >= end)
    completed = (Collaboration.status == CollaborationStatus.COMPLETED, Collaboration.completed_date < end)
    revenue = db.exec(select(sa.func.sum(Collaboration.agreed_fee))
                      .where(*completed, Collaboration.currency == Currency.EUR)).one()
    tiers = db.exec(select(sa.func.avg(Profile.tier_level)).join(User, User.id == Profile.user_id)
                    .where(User.user_type == UserType.CREATOR, User.deleted_at.is_(None))).one()
    return dict(
        total_users=_count(db, User, User.created_at < end, present),
        new_users=_count(db, User, User.created_at >= start, User.created_at < end, present),
        total_offers_created=_count(db, Offer, Offer.created_at < end),
        active_offers=_count(db, Offer, Offer.status == OfferStatus.ACTIVE),
        total_applications=_count(db, Application, Application.created_at < end),
        total_collaborations_completed=_count(db, Collaboration, *completed),
        total_revenue=Decimal(revenue or 0).quantize(Decimal("0.01")),
        avg_tier_level=round(float(tiers or 0), 2),
    )


def snapshot_analytics(db: Session, day: date) -> Analytics:
    """Write (or rewrite) the day's Analytics row: one atomic upsert, safe for concurrent jobs."""
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValueError("snapshot_analytics takes a date")
    values = _day_figures(db, day)
    dialect = db.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    statement = insert(Analytics).values(id=uuid.uuid4(), date=day, created_at=guards.now(), **values)
    db.exec(statement.on_conflict_do_update(index_elements=["date"], set_=values))
    return db.exec(select(Analytics).where(Analytics.date == day).execution_options(populate_existing=True)).one()


def take_snapshot(db: Session, actor: Actor | None) -> Analytics:
    """Today's figures now, without waiting for the periodic job (the dashboard's button)."""
    _admin(actor)
    return snapshot_analytics(db, guards.now().date())


@dataclass(frozen=True)
class DayFigures:
    day: date
    total_users: int
    new_users: int
    total_offers_created: int
    active_offers: int
    total_applications: int
    total_collaborations_completed: int
    total_revenue: Decimal
    avg_tier_level: float


def analytics_history(db: Session, actor: Actor | None, days: int = HISTORY_DAYS) -> list[DayFigures]:
    """The stored daily rows of the last `days` days (today included), oldest first; missing days are absent."""
    _admin(actor)
    if type(days) is not int or not 1 <= days <= 366:
        raise ServiceError("Choose between 1 and 366 days.", "days")
    first = guards.now().date() - timedelta(days=days - 1)
    rows = db.exec(select(Analytics).where(Analytics.date >= first).order_by(Analytics.date)).all()
    return [DayFigures(
        day=r.date, total_users=r.total_users, new_users=r.new_users, total_offers_created=r.total_offers_created,
        active_offers=r.active_offers, total_applications=r.total_applications,
        total_collaborations_completed=r.total_collaborations_completed,
        total_revenue=Decimal(r.total_revenue or 0), avg_tier_level=r.avg_tier_level,
    ) for r in rows]
