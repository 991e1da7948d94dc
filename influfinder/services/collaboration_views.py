"""Reading collaborations: the page of one, the list of mine, its timeline and its calendar file.

Every read goes through collaborations.load, so it sees what the viewer may see and nothing else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import collaboration_lifecycle as lifecycle
from influfinder.domain.collaboration_steps import StepFacts, StepState, step_state
from influfinder.domain.calendar import CalendarEvent, to_ics
from influfinder.domain.enums import CollaborationStatus
from influfinder.domain.moments import as_utc, as_utc_or_none
from influfinder.domain.reputation import review_visible
from influfinder.domain.venues import zone_or_default
from influfinder.domain.transitions import CREATOR, TransitionRefused
from influfinder.i18n import N_, _
from influfinder.models import Collaboration, CollaborationEvent, Offer, Profile, User
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.collaborations import BUSINESS, VISIT_LENGTH, load
from influfinder.services.errors import ServiceError
from influfinder.services.pagination import Page


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
    late: str | None = None  # domain/collaboration_steps.py: an overdue visit or late content
    late_who: str | None = None  # who must act on it: "creator" or "owner"
    venue_zone: str = "Europe/Madrid"  # the offer city's zone (domain/venues.py): visits read on its clock


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
        proposed_date=as_utc_or_none(collab.proposed_date), proposed_by=collab.proposed_by,
        awaiting=lifecycle.schedule_turn(collab.proposed_by, confirmed),
        scheduled_date=as_utc_or_none(collab.scheduled_date), visited_at=as_utc_or_none(collab.visited_at),
        approved_at=as_utc_or_none(collab.approved_at), completed_date=as_utc_or_none(collab.completed_date),
        **_ratings_seen_by(collab, role),
        dispute_reason=collab.dispute_reason, created_at=as_utc(collab.created_at), actions=actions_for(collab, role),
    )


def _ratings_seen_by(collab: Collaboration, role: str) -> dict:
    """Double-blind (domain/reputation.py): a party sees the rating and review it received only once
    it rated too, or once the rating window closed. The rating it gave it always sees."""
    seen = dict(creator_rating=collab.creator_rating, creator_feedback=collab.creator_feedback,
                business_rating=collab.business_rating, business_feedback=collab.business_feedback)
    both = collab.creator_rating is not None and collab.business_rating is not None
    received = {CREATOR: "creator", BUSINESS: "business"}.get(role)
    rating_open = collab.status is CollaborationStatus.IN_REVIEW
    if received and not review_visible(both, rating_open, as_utc_or_none(collab.approved_at), guards.now()):
        seen[f"{received}_rating"] = seen[f"{received}_feedback"] = None
    return seen


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


@dataclass(frozen=True)
class MyCollaborationsPage:
    """The collaborations list as one read: one page, and the moves open on each row in review
    (a row in review does not say whether it was approved or rated: the detail's actions do)."""

    collaborations: MyCollaborations
    actions_in_review: dict[str, list[str]]


def my_collaborations_page(db: Session, actor: Actor | None, status: object, page: object,
                           page_size: object) -> MyCollaborationsPage:
    """A page number that is not one (a hand-made link) shows the first page."""
    guards.signed_in(actor)
    try:
        result = list_my_collaborations(db, actor, status or None, page, page_size)
    except ServiceError:
        result = list_my_collaborations(db, actor, status or None, 1, page_size)
    in_review = [r.id for r in result.page.items if r.status == CollaborationStatus.IN_REVIEW.value]
    return MyCollaborationsPage(result, {cid: get_collaboration(db, actor, cid).actions for cid in in_review})


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
        select(Collaboration, Offer.title, Offer.content_deadline, Offer.city, User.username, Profile.display_name,
               Profile.company_name)
        .join(Offer, Offer.id == Collaboration.offer_id).join(User, User.id == other_id)
        .join(Profile, Profile.user_id == other_id, isouter=True)
        .where(*where).order_by(Collaboration.updated_at.desc(), Collaboration.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    role = CREATOR if actor.is_creator else BUSINESS
    now = guards.now()
    items = [_row(c, role, title, company or display or username, steps_of(c, due, now), zone_or_default(city))
             for c, title, due, city, username, display, company in rows]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return MyCollaborations(Page(items, total, page, page_size), counts)


def steps_of(collab: Collaboration, content_deadline: datetime | None, now: datetime) -> StepState:
    """Where the collaboration stands in its steps (domain/collaboration_steps.py) at `now`."""
    return step_state(StepFacts(
        status=collab.status, proposed_by=collab.proposed_by, confirmed=collab.schedule_confirmed_at is not None,
        scheduled_date=as_utc_or_none(collab.scheduled_date), content_deadline=as_utc_or_none(content_deadline),
        approved=collab.approved_at is not None,
    ), now)


def _row(collab: Collaboration, role: str, title: str, other: str, steps: StepState,
         venue_zone: str) -> CollaborationRow:
    turn = lifecycle.schedule_turn(collab.proposed_by, collab.schedule_confirmed_at is not None)
    return CollaborationRow(
        id=str(collab.id), status=collab.status.value, viewer_role=role, offer_id=str(collab.offer_id),
        offer_title=title, other_party=other, proposed_date=as_utc_or_none(collab.proposed_date),
        scheduled_date=as_utc_or_none(collab.scheduled_date),
        awaiting_me=collab.status is CollaborationStatus.SCHEDULED and turn == role,
        updated_at=as_utc(collab.updated_at), late=steps.late, late_who=steps.who if steps.late else None,
        venue_zone=venue_zone,
    )


EVENT_LABELS = {  # English msgids: the page translates them (state/collaboration_detail_views.py)
    "accept": N_("Application accepted"), lifecycle.PROPOSE_VISIT: N_("Visit proposed"),
    lifecycle.COUNTER_PROPOSE: N_("Another date proposed"), lifecycle.CONFIRM_VISIT: N_("Visit confirmed"),
    "mark_visited_by_code": N_("Visit checked with the visit code"), "mark_visited_by_hand": N_("Visit marked by hand"),
    lifecycle.MARK_VISITED: N_("Visit marked"), lifecycle.SUBMIT_CONTENT: N_("Content submitted"),
    lifecycle.START_REVIEW: N_("Review started"), lifecycle.REQUEST_CHANGES: N_("Changes requested"),
    lifecycle.APPROVE: N_("Content approved"), lifecycle.COMPLETE: N_("Completed"), lifecycle.OPEN_DISPUTE: N_("Dispute opened"),
    lifecycle.CANCEL: N_("Cancelled"), lifecycle.RESOLVE_COMPLETED: N_("Dispute resolved: completed"),
    lifecycle.RESOLVE_CANCELLED: N_("Dispute resolved: cancelled"),
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


def display_names(db: Session, user_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names people read: company name, else display name, else username."""
    return {uid: party.display_name for uid, party in _parties(db, user_ids).items()}


def visit_ics(db: Session, actor: Actor | None, collab_id: object) -> str:
    """The confirmed visit as an iCalendar file (text/calendar) for the parties' calendars."""
    collab, _role = load(db, actor, collab_id)
    if collab.scheduled_date is None:
        raise ServiceError("The visit date is not confirmed yet.")
    offer = db.get(Offer, collab.offer_id)
    start = as_utc(collab.scheduled_date)
    names = display_names(db, [collab.creator_id, collab.business_id])
    event = CalendarEvent(
        uid=f"visit-{collab.id}@influfinder", stamp=guards.now(), start=start, end=start + VISIT_LENGTH,
        summary=_("Influfinder visit: {title}").format(title=offer.title),
        location=", ".join(p for p in (offer.address, offer.city) if p),
        description=_("Collaboration between {creator} and {business}.").format(
            creator=names[collab.creator_id], business=names[collab.business_id]),
        sequence=collab.version,
    )
    return to_ics(event)
