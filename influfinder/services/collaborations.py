"""Collaborations: the one way to move them, the visit (date and code), calling them off.

Reading them (the page, the list, the timeline, the calendar file) is services/collaboration_views.py.

`apply_transition` is THE way a collaboration changes state: the table in
domain/collaboration_lifecycle.py decides, then one conditional UPDATE on (id, status, version)
writes the move and bumps the version, and a CollaborationEvent (who, when, from, to, note) is
written in the same transaction. If another click moved the row first, the UPDATE matches no row
and the move is refused with the reason; nothing is written. A move to COMPLETED recomputes the
creator's karma and tier in the same transaction (services/standing.py). Once the move commits,
a CollaborationChanged event makes every open page showing it reload it.

Who sees what: the creator, the business and admins; anyone else is told "not found", whether
the collaboration exists or not. Admins read everything but act only on disputes.

The visit code (domain/visit_code.py) is issued when the visit date is confirmed, shown only to the
creator while the collaboration is SCHEDULED, and checked for the business with at most
VISIT_CODE_RULE wrong attempts per collaboration.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import Session

from influfinder.domain import collaboration_lifecycle as lifecycle
from influfinder.domain import visit_code

from influfinder.domain.enums import CollaborationStatus, NotificationType
from influfinder.domain.moments import as_utc
from influfinder.domain.transitions import ADMIN, CREATOR, TransitionRefused
from influfinder.domain.venues import venue_zone
from influfinder.i18n import N_, _
from influfinder.integrations.rate_limit import MEMORY_URI, RateLimiter, wait_message
from influfinder.models import Collaboration, CollaborationEvent, Offer
from influfinder.services import guards, standing
from influfinder.services.domain_events import CollaborationChanged
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed, RateLimited, ServiceError
from influfinder.services.events import emit
from influfinder.services.notifications import notify
from influfinder.services.notification_text import params_for
from influfinder.settings import get_settings

BUSINESS, SYSTEM = lifecycle.BUSINESS, lifecycle.SYSTEM
NOT_FOUND = N_("We could not find that collaboration.")
CHANGED = N_("Someone else changed this collaboration meanwhile: it is now {state}. Reload the page to see it.")
WRONG_CODE = N_("That visit code is not right. Check it with the creator and try again.")
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
    if source is CollaborationStatus.IN_REVIEW and collab.approved_at is not None:
        # The rating window closed: a rating held back by the double-blind rule now counts.
        for user_id in (collab.creator_id, collab.business_id):
            standing.refresh_rating(db, user_id)
    emit(db, CollaborationChanged(collab.id))
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
        raise ServiceError(_("Keep it under {MAX_NOTE:,} characters.").format(MAX_NOTE=MAX_NOTE), "note")
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


def schedule_visit(db: Session, actor: Actor | None, collab_id: object, when: object, note: object = "") -> None:
    """Put a visit date on the table: the creator's first proposal, or either party's other date."""
    collab, _role = load(db, actor, collab_id)
    first = collab.status is CollaborationStatus.ACCEPTED
    (propose_visit if first else counter_propose)(db, actor, collab.id, when, note)


def _propose(db: Session, collab: Collaboration, actor: Actor, role: str, action: str, moment: datetime,
             note: object) -> None:
    text = _note(note, required=False)
    said = f"Proposed {_when(moment)}." + (f" {text}" if text else "")
    apply_transition(db, collab.id, action, actor, said[:MAX_NOTE], values=dict(
        proposed_date=moment, proposed_by=role, schedule_confirmed_at=None, scheduled_date=None,
        visit_code_nonce=None, visit_code_hash=None))
    offer = db.get(Offer, collab.offer_id)
    _tell_other(db, collab, role, NotificationType.COLLABORATION_SCHEDULED, params_for(
        "visit_proposed", title=offer.title, name=actor.display_name, visit_at=moment, zone=venue_zone(offer.city)))


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
    _tell_other(db, collab, role, NotificationType.COLLABORATION_SCHEDULED, params_for(
        "visit_confirmed", title=offer.title, name=actor.display_name, visit_at=moment, zone=venue_zone(offer.city)))


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
    # The timeline writes it again for the reader (influfinder/i18n/event_notes.py reads this shape back).
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
        raise RateLimited(_("{wait_message} Or mark the visit by hand.").format(
            wait_message=wait_message(decision.retry_after_s)), "code", retry_after=decision.retry_after_s)
    if not visit_code.matches(_secret(), str(collab.id), code, collab.visit_code_hash):
        raise ServiceError(WRONG_CODE, "code")
    apply_transition(db, collab.id, lifecycle.MARK_VISITED, actor, N_("Checked with the creator's visit code."),
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


# ---- calling it off ------------------------------------------------------------------------------


def cancel(db: Session, actor: Actor | None, collab_id: object, reason: object) -> None:
    """Either party, before the visit, with a reason."""
    apply_transition(db, collab_id, lifecycle.CANCEL, actor, _reason(reason))


def open_dispute(db: Session, actor: Actor | None, collab_id: object, reason: object) -> None:
    """Either party, from any state that is not final, with a reason; the other party is told."""
    text = _reason(reason)
    collab = apply_transition(db, collab_id, lifecycle.OPEN_DISPUTE, actor, text, values={"dispute_reason": text})
    offer = db.get(Offer, collab.offer_id)
    _tell_other(db, collab, role_of(collab, actor), NotificationType.DISPUTE_OPENED,
                params_for("dispute_opened", title=offer.title, name=actor.display_name, reason=text))


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
        raise ServiceError(_("Keep the reason under {MAX_REASON:,} characters.").format(MAX_REASON=MAX_REASON), "reason")
    return value.strip()


def _tell_other(db: Session, collab: Collaboration, role: str | None, kind: NotificationType, params: dict) -> None:
    """Notify the party who did not act (both parties when an admin or the system acted)."""
    for party_role, user_id in ((CREATOR, collab.creator_id), (BUSINESS, collab.business_id)):
        if party_role != role:
            other = collab.business_id if party_role == CREATOR else collab.creator_id
            notify(db, user_id, kind, params=params, offer_id=collab.offer_id, collaboration_id=collab.id,
                   related_user_id=other)
