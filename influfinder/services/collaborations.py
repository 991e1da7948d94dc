"""Collaborations: the one way to move them, the visit (date, code, calendar file), and reading them.

`apply_transition` is THE way a collaboration changes state: the table in
domain/collaboration_lifecycle.py decides, then one conditional UPDATE on (id, status, version)
writes the move and bumps the version, and a CollaborationEvent (who, when, from, to, note) is
written in the same transaction. If another click moved the row first, the UPDATE matches no row
and the move is refused with the reason; nothing is written. A move to COMPLETED recomputes the
creator's karma and tier in the same transaction (services/standing.py).

Who sees what: the creator, the business and admins; anyone else is told "not found", whether
the collaboration exists or not. Admins read everything but act only on disputes.

The visit code (domain/visit_code.py) is issued when the visit date is confirmed, shown only to the
creator while the collaboration is SCHEDULED, and checked for the business with at most
VISIT_CODE_RULE wrong attempts per collaboration.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import collaboration_lifecycle as lifecycle
from influfinder.domain import visit_code
from influfinder.domain.calendar import CalendarEvent, to_ics
from influfinder.domain.eligibility import as_utc
from influfinder.domain.enums import CollaborationStatus, NotificationType
from influfinder.domain.transitions import ADMIN, CREATOR, TransitionRefused
from influfinder.integrations.rate_limit import MEMORY_URI, RateLimiter, wait_message
from influfinder.models import Collaboration, CollaborationEvent, Offer, Profile, User
from influfinder.services import guards, standing
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.notifications import notify
from influfinder.services.pagination import Page
from influfinder.settings import get_settings

BUSINESS, SYSTEM = lifecycle.BUSINESS, lifecycle.SYSTEM
NOT_FOUND = "We could not find that collaboration."
CHANGED = "Someone else changed this collaboration meanwhile: it is now {state}. Reload the page to see it."
WRONG_CODE = "That visit code is not right. Check it with the creator and try again."
MAX_NOTE = 2000
MAX_REASON = 2000
VISIT_LENGTH = timedelta(hours=1)  # the calendar event's length; the brief gives none
LATEST_VISIT = timedelta(days=365)  # when an offer has no content deadline
VISIT_CODE_RULE = "5 per hour"


class _System:
    """The app itself acting: the periodic job, the completion once both parties rated."""

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM_ACTOR = _System()


# ---- the one way to move a collaboration ---------------------------------------------------------


def apply_transition(db: Session, collab_id: object, action: str, actor_or_system: Actor | _System | None,
                     note: object = "", *, values: dict | None = None, event_action: str | None = None,
                     ) -> Collaboration:
    """Move one collaboration by `action`, atomically, with its event row; or refuse and change nothing.

    `values` are the columns the move sets besides status and version (approved_at, the visit
    date...). `event_action` names the event when it says more than the table's action
    ("mark_visited_by_hand"). Refusals: NotAllowed (not found, wrong party) or ServiceError (wrong
    state, changed meanwhile, missing reason).
    """
    collab, role, actor_id = _resolve(db, collab_id, actor_or_system)
    target = _check(collab, action, role)
    text = _note(note, required=action in lifecycle.REASON_REQUIRED)
    source, moment = collab.status, guards.now()
    columns = _columns(action, target, moment, values)
    result = db.exec(
        sa.update(Collaboration)
        .where(Collaboration.id == collab.id, Collaboration.status == source,
               Collaboration.version == collab.version)
        .values(status=target, version=Collaboration.version + 1, updated_at=moment, **columns)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.refresh(collab)
        raise ServiceError(CHANGED.format(state=_label(collab.status)))
    db.add(CollaborationEvent(collaboration_id=collab.id, actor_id=actor_id, action=event_action or action,
                              from_status=source, to_status=target, note=text, created_at=moment))
    db.flush()
    db.refresh(collab)
    if target is CollaborationStatus.COMPLETED:
        standing.refresh_creator(db, collab.creator_id)
    return collab


# The moments a move itself records, whoever calls apply_transition.
_STAMPED = {lifecycle.APPROVE: ("approved_at",), lifecycle.MARK_VISITED: ("visited_at",)}


def _columns(action: str, target: CollaborationStatus, moment: datetime, values: dict | None) -> dict:
    columns = dict(values or {})
    if columns.keys() & {"id", "status", "version", "updated_at"}:
        raise ValueError("apply_transition sets id, status, version and updated_at itself")
    stamped = _STAMPED.get(action, ()) + (("completed_date",) if target is CollaborationStatus.COMPLETED else ())
    for column in stamped:
        columns.setdefault(column, moment)
    return columns


def _resolve(db: Session, collab_id: object, who: Actor | _System | None,
             ) -> tuple[Collaboration, str, uuid.UUID | None]:
    if who is SYSTEM_ACTOR:
        collab = db.get(Collaboration, guards.object_id(collab_id, NOT_FOUND))
        if collab is None:
            raise NotAllowed(NOT_FOUND)
        return collab, SYSTEM, None
    collab, role = load(db, who, collab_id)
    return collab, role, who.id  # type: ignore[union-attr]


def _check(collab: Collaboration, action: str, role: str) -> CollaborationStatus:
    try:
        return lifecycle.check(collab.status, action, role, approved=collab.approved_at is not None)
    except TransitionRefused as refusal:
        if refusal.kind == "wrong_role":
            raise NotAllowed(refusal.message) from None
        raise ServiceError(refusal.message) from None


def load(db: Session, actor: Actor | None, collab_id: object) -> tuple[Collaboration, str]:
    """The collaboration and the actor's role in it; "not found" for anyone who is not a party or admin."""
    actor = guards.signed_in(actor)
    collab = db.get(Collaboration, guards.object_id(collab_id, NOT_FOUND))
    role = role_of(collab, actor) if collab is not None else None
    if role is None:
        raise NotAllowed(NOT_FOUND)
    return collab, role


def role_of(collab: Collaboration, actor: Actor) -> str | None:
    if actor.id == collab.creator_id:
        return CREATOR
    if actor.id == collab.business_id:
        return BUSINESS
    return ADMIN if actor.is_admin else None


def _note(value: object, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ServiceError("The note must be text.", "note")
    text = value.strip()
    if required and not text:
        raise ServiceError("Give a reason: the other party and our team will read it.", "reason")
    if len(text) > MAX_NOTE:
        raise ServiceError(f"Keep it under {MAX_NOTE:,} characters.", "note")
    return text


def _label(state: CollaborationStatus) -> str:
    return state.value.replace("_", " ").lower()


# ---- scheduling the visit ------------------------------------------------------------------------


def propose_visit(db: Session, actor: Actor | None, collab_id: object, when: object, note: object = "") -> None:
    """The creator proposes a date and time: ACCEPTED -> SCHEDULED, waiting for the business."""
    collab, role = load(db, actor, collab_id)
    _check(collab, lifecycle.PROPOSE_VISIT, role)
    moment = _visit_date(db, collab, when)
    _propose(db, collab, actor, role, lifecycle.PROPOSE_VISIT, moment, note)


def counter_propose(db: Session, actor: Actor | None, collab_id: object, when: object, note: object = "") -> None:
    """Either party puts another date on the table (also to move a confirmed one); the other confirms it."""
    collab, role = load(db, actor, collab_id)
    _check(collab, lifecycle.COUNTER_PROPOSE, role)
    moment = _visit_date(db, collab, when)
    _propose(db, collab, actor, role, lifecycle.COUNTER_PROPOSE, moment, note)


def _propose(db: Session, collab: Collaboration, actor: Actor, role: str, action: str, moment: datetime,
             note: object) -> None:
    text = _note(note, required=False)
    said = f"Proposed {_when(moment)}." + (f" {text}" if text else "")
    apply_transition(db, collab.id, action, actor, said[:MAX_NOTE], values=dict(
        proposed_date=moment, proposed_by=role, schedule_confirmed_at=None, scheduled_date=None,
        visit_code_nonce=None, visit_code_hash=None))
    offer = db.get(Offer, collab.offer_id)
    _tell_other(db, collab, role, NotificationType.COLLABORATION_SCHEDULED, f"Visit proposed: {offer.title}",
                f"{actor.display_name} proposed a visit on {_when(moment)}. Confirm it or propose another date.")


def confirm_visit(db: Session, actor: Actor | None, collab_id: object) -> None:
    """The party who did not propose the date confirms it; the creator's visit code is issued."""
    collab, role = load(db, actor, collab_id)
    _check(collab, lifecycle.CONFIRM_VISIT, role)
    if collab.schedule_confirmed_at is not None:
        raise ServiceError("This visit is already confirmed.")
    if lifecycle.schedule_turn(collab.proposed_by, confirmed=False) != role:
        raise ServiceError("You proposed this date: the other party confirms it or proposes another.")
    moment = as_utc(collab.proposed_date)
    if moment <= guards.now():
        raise ServiceError("That date has passed: propose another.")
    nonce = visit_code.new_nonce()
    code = visit_code.derive(_secret(), str(collab.id), nonce)
    apply_transition(db, collab.id, lifecycle.CONFIRM_VISIT, actor, f"Visit confirmed for {_when(moment)}.",
                     values=dict(schedule_confirmed_at=guards.now(), scheduled_date=moment, visit_code_nonce=nonce,
                                 visit_code_hash=visit_code.fingerprint(_secret(), str(collab.id), code)))
    offer = db.get(Offer, collab.offer_id)
    _tell_other(db, collab, role, NotificationType.COLLABORATION_SCHEDULED, f"Visit confirmed: {offer.title}",
                f"{actor.display_name} confirmed the visit on {_when(moment)}.")


def _visit_date(db: Session, collab: Collaboration, when: object) -> datetime:
    moment = _parse_moment(when)
    offer = db.get(Offer, collab.offer_id)
    now = guards.now()
    deadline = as_utc(offer.content_deadline) if offer.content_deadline else None
    problem = lifecycle.visit_date_problem(moment, now, deadline)
    if problem is None and moment > now + LATEST_VISIT:
        problem = "Choose a date within the next year."
    if problem:
        raise ServiceError(problem, "visit_date")
    return moment


def _parse_moment(value: object) -> datetime:
    """An aware datetime or an ISO 8601 string; a time without a zone is taken as UTC."""
    if isinstance(value, str) and len(value) <= 40:
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, datetime):
        raise ServiceError("Choose a date and time for the visit.", "visit_date")
    return as_utc(value)


def _when(moment: datetime) -> str:
    return f"{as_utc(moment):%a %d %b %Y, %H:%M} UTC"


# ---- proof of visit ------------------------------------------------------------------------------


def visit_code_for_creator(db: Session, actor: Actor | None, collab_id: object) -> str | None:
    """The creator's one-time code while the visit is confirmed and not yet marked; None otherwise."""
    collab, role = load(db, actor, collab_id)
    if role != CREATOR:
        raise NotAllowed("Only the creator sees the visit code.")
    if collab.status is not CollaborationStatus.SCHEDULED or not collab.visit_code_nonce:
        return None
    code = visit_code.derive(_secret(), str(collab.id), collab.visit_code_nonce)
    if visit_code.fingerprint(_secret(), str(collab.id), code) == collab.visit_code_hash:
        return code
    return _reissue_code(db, collab)


def _reissue_code(db: Session, collab: Collaboration) -> str | None:
    """The secret key changed since the code was issued: issue a new one (the old one is void anyway)."""
    nonce = visit_code.new_nonce()
    code = visit_code.derive(_secret(), str(collab.id), nonce)
    result = db.exec(
        sa.update(Collaboration)
        .where(Collaboration.id == collab.id, Collaboration.version == collab.version,
               Collaboration.visit_code_nonce == collab.visit_code_nonce)
        .values(visit_code_nonce=nonce, visit_code_hash=visit_code.fingerprint(_secret(), str(collab.id), code))
        .execution_options(synchronize_session=False)
    )
    return code if result.rowcount == 1 else None


def mark_visited_by_code(db: Session, actor: Actor | None, collab_id: object, code: object) -> None:
    """The business types the creator's code: SCHEDULED -> VISITED. Wrong codes are limited."""
    collab, role = load(db, actor, collab_id)
    _check(collab, lifecycle.MARK_VISITED, role)
    if not collab.visit_code_hash:
        raise ServiceError("There is no visit code yet: confirm the visit date first, or mark the visit by hand.")
    decision = visit_code_limiter().hit("visit_code", str(collab.id))
    if not decision.allowed:
        raise ServiceError(f"{wait_message(decision.retry_after_s)} Or mark the visit by hand.", "code")
    if not visit_code.matches(_secret(), str(collab.id), code, collab.visit_code_hash):
        raise ServiceError(WRONG_CODE, "code")
    apply_transition(db, collab.id, lifecycle.MARK_VISITED, actor, "Checked with the creator's visit code.",
                     values=_visited(), event_action="mark_visited_by_code")


def mark_visited_by_hand(db: Session, actor: Actor | None, collab_id: object, note: object = "") -> None:
    """The business says the creator came, without the code; the timeline says so."""
    collab, role = load(db, actor, collab_id)
    _check(collab, lifecycle.MARK_VISITED, role)
    text = _note(note, required=False)
    apply_transition(db, collab.id, lifecycle.MARK_VISITED, actor, ("Marked by hand. " + text).strip()[:MAX_NOTE],
                     values=_visited(), event_action="mark_visited_by_hand")


def _visited() -> dict:
    # Clearing the code's nonce and fingerprint makes the code worthless from now on.
    return dict(visited_at=guards.now(), visit_code_nonce=None, visit_code_hash=None)


@lru_cache(maxsize=1)
def visit_code_limiter() -> RateLimiter:
    """Wrong visit codes per collaboration: Redis when configured (shared by every worker), else memory."""
    settings = get_settings()
    return RateLimiter(settings.redis_url or MEMORY_URI, secret=settings.secret_key,
                       rules={"visit_code": VISIT_CODE_RULE})


def _secret() -> str:
    return get_settings().secret_key


def visit_ics(db: Session, actor: Actor | None, collab_id: object) -> str:
    """The confirmed visit as an iCalendar file (text/calendar) for the parties' calendars."""
    collab, _role = load(db, actor, collab_id)
    if collab.scheduled_date is None:
        raise ServiceError("The visit date is not confirmed yet.")
    offer = db.get(Offer, collab.offer_id)
    start = as_utc(collab.scheduled_date)
    names = _names(db, [collab.creator_id, collab.business_id])
    event = CalendarEvent(
        uid=f"visit-{collab.id}@influfinder", stamp=guards.now(), start=start, end=start + VISIT_LENGTH,
        summary=f"Influfinder visit: {offer.title}",
        location=", ".join(p for p in (offer.address, offer.city) if p),
        description=f"Collaboration between {names[collab.creator_id]} and {names[collab.business_id]}.",
        sequence=collab.version,
    )
    return to_ics(event)


# ---- calling it off ------------------------------------------------------------------------------


def cancel(db: Session, actor: Actor | None, collab_id: object, reason: object) -> None:
    """Either party, before the visit, with a reason."""
    apply_transition(db, collab_id, lifecycle.CANCEL, actor, _reason(reason))


def open_dispute(db: Session, actor: Actor | None, collab_id: object, reason: object) -> None:
    """Either party, from any state that is not final, with a reason; the other party is told."""
    text = _reason(reason)
    collab = apply_transition(db, collab_id, lifecycle.OPEN_DISPUTE, actor, text, values={"dispute_reason": text})
    offer = db.get(Offer, collab.offer_id)
    _tell_other(db, collab, role_of(collab, actor), NotificationType.DISPUTE_OPENED, f"Dispute opened: {offer.title}",
                f"{actor.display_name} opened a dispute: {text}")


RESOLUTIONS = {"COMPLETED": lifecycle.RESOLVE_COMPLETED, "CANCELLED": lifecycle.RESOLVE_CANCELLED}


def resolve_dispute(db: Session, actor: Actor | None, collab_id: object, outcome: object, note: object) -> None:
    """An admin settles a dispute as COMPLETED or CANCELLED, with a note for the record."""
    action = RESOLUTIONS.get(outcome) if isinstance(outcome, str) else None
    if action is None:
        raise ServiceError("Choose COMPLETED or CANCELLED.", "outcome")
    apply_transition(db, collab_id, action, actor, note)


def _reason(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ServiceError("Give a reason: the other party and our team will read it.", "reason")
    if len(value.strip()) > MAX_REASON:
        raise ServiceError(f"Keep the reason under {MAX_REASON:,} characters.", "reason")
    return value.strip()


def _tell_other(db: Session, collab: Collaboration, role: str | None, kind: NotificationType, title: str,
                content: str) -> None:
    """Notify the party who did not act (both parties when an admin or the system acted)."""
    for party_role, user_id in ((CREATOR, collab.creator_id), (BUSINESS, collab.business_id)):
        if party_role != role:
            other = collab.business_id if party_role == CREATOR else collab.creator_id
            notify(db, user_id, kind, title, content, offer_id=collab.offer_id, collaboration_id=collab.id,
                   related_user_id=other)


# ---- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    id: str
    username: str
    display_name: str


@dataclass(frozen=True)
class CollaborationDetail:
    id: str
    status: str
    viewer_role: str  # "creator", "owner" (the business) or "admin"
    offer_id: str
    offer_title: str
    address: str
    city: str
    creator: Party
    business: Party
    agreed_fee: Decimal | None
    currency: str
    proposed_date: datetime | None  # the date on the table
    proposed_by: str | None  # "creator" or "owner"
    awaiting: str | None  # whose confirmation the proposed date waits for
    scheduled_date: datetime | None  # the confirmed date
    visited_at: datetime | None
    approved_at: datetime | None
    completed_date: datetime | None
    creator_rating: int | None  # what the creator received
    creator_feedback: str | None
    business_rating: int | None  # what the business received
    business_feedback: str | None
    dispute_reason: str | None
    created_at: datetime
    actions: list[str] = field(default_factory=list)  # the buttons this viewer may press


@dataclass(frozen=True)
class CollaborationRow:
    id: str
    status: str
    viewer_role: str
    offer_id: str
    offer_title: str
    other_party: str  # the display name of the other side
    proposed_date: datetime | None
    scheduled_date: datetime | None
    awaiting_me: bool  # a proposed date waits for this viewer
    updated_at: datetime


@dataclass(frozen=True)
class MyCollaborations:
    page: Page[CollaborationRow]
    counts: dict[str, int]  # CollaborationStatus value -> count, every status present


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    action: str
    label: str  # "Visit marked by hand", for people
    from_status: str | None
    to_status: str
    note: str
    actor_name: str | None  # None: the app itself


def get_collaboration(db: Session, actor: Actor | None, collab_id: object) -> CollaborationDetail:
    collab, role = load(db, actor, collab_id)
    offer = db.get(Offer, collab.offer_id)
    people = _parties(db, [collab.creator_id, collab.business_id])
    confirmed = collab.schedule_confirmed_at is not None
    return CollaborationDetail(
        id=str(collab.id), status=collab.status.value, viewer_role=role, offer_id=str(offer.id),
        offer_title=offer.title, address=offer.address, city=offer.city, creator=people[collab.creator_id],
        business=people[collab.business_id], agreed_fee=collab.agreed_fee, currency=collab.currency.value,
        proposed_date=_aware(collab.proposed_date), proposed_by=collab.proposed_by,
        awaiting=lifecycle.schedule_turn(collab.proposed_by, confirmed),
        scheduled_date=_aware(collab.scheduled_date), visited_at=_aware(collab.visited_at),
        approved_at=_aware(collab.approved_at), completed_date=_aware(collab.completed_date),
        creator_rating=collab.creator_rating, creator_feedback=collab.creator_feedback,
        business_rating=collab.business_rating, business_feedback=collab.business_feedback,
        dispute_reason=collab.dispute_reason, created_at=as_utc(collab.created_at), actions=actions_for(collab, role),
    )


def actions_for(collab: Collaboration, role: str) -> list[str]:
    """The table's moves for this viewer, narrowed by the fields (whose turn, approval); plus "rate"."""
    approved = collab.approved_at is not None
    allowed = []
    for action in lifecycle.COLLABORATION_LIFECYCLE.allowed(collab.status, role):
        try:
            lifecycle.check(collab.status, action, role, approved=approved)
        except TransitionRefused:
            continue
        if action == lifecycle.CONFIRM_VISIT and lifecycle.schedule_turn(
                collab.proposed_by, collab.schedule_confirmed_at is not None) != role:
            continue
        allowed.append(action)
    if approved and collab.status is CollaborationStatus.IN_REVIEW and _may_rate(collab, role):
        allowed.append("rate")
    return allowed


def _may_rate(collab: Collaboration, role: str) -> bool:
    if role == CREATOR:
        return collab.business_rating is None
    return role == BUSINESS and collab.creator_rating is None


def list_my_collaborations(db: Session, actor: Actor | None, status: object = None, page: object = 1,
                           page_size: object = 20) -> MyCollaborations:
    """The actor's collaborations (as creator or as business), newest activity first, with counts per status."""
    actor = guards.signed_in(actor)
    wanted = guards.choice(status, CollaborationStatus, "status", "collaboration status")
    page, page_size = guards.paging(page, page_size)
    mine = Collaboration.creator_id == actor.id if actor.is_creator else Collaboration.business_id == actor.id
    counts = dict.fromkeys(CollaborationStatus.values(), 0)
    for state, count in db.exec(select(Collaboration.status, sa.func.count()).where(mine)
                                .group_by(Collaboration.status)).all():
        counts[state.value] = count
    where = [mine] + ([Collaboration.status == wanted] if wanted else [])
    other_id = Collaboration.business_id if actor.is_creator else Collaboration.creator_id
    rows = db.exec(
        select(Collaboration, Offer.title, User.username, Profile.display_name, Profile.company_name)
        .join(Offer, Offer.id == Collaboration.offer_id).join(User, User.id == other_id)
        .join(Profile, Profile.user_id == other_id, isouter=True)
        .where(*where).order_by(Collaboration.updated_at.desc(), Collaboration.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    role = CREATOR if actor.is_creator else BUSINESS
    items = [_row(c, role, title, company or display or username) for c, title, username, display, company in rows]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return MyCollaborations(Page(items, total, page, page_size), counts)


def _row(collab: Collaboration, role: str, title: str, other: str) -> CollaborationRow:
    turn = lifecycle.schedule_turn(collab.proposed_by, collab.schedule_confirmed_at is not None)
    return CollaborationRow(
        id=str(collab.id), status=collab.status.value, viewer_role=role, offer_id=str(collab.offer_id),
        offer_title=title, other_party=other, proposed_date=_aware(collab.proposed_date),
        scheduled_date=_aware(collab.scheduled_date),
        awaiting_me=collab.status is CollaborationStatus.SCHEDULED and turn == role,
        updated_at=as_utc(collab.updated_at),
    )


EVENT_LABELS = {
    "accept": "Application accepted", lifecycle.PROPOSE_VISIT: "Visit proposed",
    lifecycle.COUNTER_PROPOSE: "Another date proposed", lifecycle.CONFIRM_VISIT: "Visit confirmed",
    "mark_visited_by_code": "Visit checked with the visit code", "mark_visited_by_hand": "Visit marked by hand",
    lifecycle.MARK_VISITED: "Visit marked", lifecycle.SUBMIT_CONTENT: "Content submitted",
    lifecycle.START_REVIEW: "Review started", lifecycle.REQUEST_CHANGES: "Changes requested",
    lifecycle.APPROVE: "Content approved", lifecycle.COMPLETE: "Completed", lifecycle.OPEN_DISPUTE: "Dispute opened",
    lifecycle.CANCEL: "Cancelled", lifecycle.RESOLVE_COMPLETED: "Dispute resolved: completed",
    lifecycle.RESOLVE_CANCELLED: "Dispute resolved: cancelled",
}


def timeline(db: Session, actor: Actor | None, collab_id: object) -> list[TimelineEntry]:
    """Every transition of the collaboration, oldest first: the page's timeline."""
    collab, _role = load(db, actor, collab_id)
    rows = db.exec(
        select(CollaborationEvent, User.username, Profile.display_name)
        .join(User, User.id == CollaborationEvent.actor_id, isouter=True)
        .join(Profile, Profile.user_id == CollaborationEvent.actor_id, isouter=True)
        .where(CollaborationEvent.collaboration_id == collab.id)
        .order_by(CollaborationEvent.created_at, CollaborationEvent.id)
    ).all()
    return [
        TimelineEntry(at=as_utc(e.created_at), action=e.action,
                      label=EVENT_LABELS.get(e.action, e.action.replace("_", " ").capitalize()),
                      from_status=e.from_status.value if e.from_status else None, to_status=e.to_status.value,
                      note=e.note, actor_name=(display or username) if e.actor_id else None)
        for e, username, display in rows
    ]


def _parties(db: Session, user_ids: list[uuid.UUID]) -> dict[uuid.UUID, Party]:
    rows = db.exec(select(User.id, User.username, Profile.display_name, Profile.company_name)
                   .join(Profile, Profile.user_id == User.id, isouter=True).where(User.id.in_(user_ids))).all()
    return {uid: Party(str(uid), username, company or display or username) for uid, username, display, company in rows}


def _names(db: Session, user_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    return {uid: party.display_name for uid, party in _parties(db, user_ids).items()}


def _aware(moment: datetime | None) -> datetime | None:
    return as_utc(moment) if moment is not None else None
