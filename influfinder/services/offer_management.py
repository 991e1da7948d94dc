"""A business's own offers: create a draft, edit, publish, pause, resume, archive, and "My offers".

Each move goes through domain.offer_lifecycle and is written with a conditional UPDATE
(`WHERE status = <the state we checked>`), so two concurrent clicks cannot both succeed.
Offers the actor may not manage read as "not found", whether they exist or not.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain import offer_lifecycle as lifecycle
from influfinder.domain.moments import as_utc
from influfinder.domain.enums import ApplicationStatus, CollaborationStatus, OfferStatus, UserType
from influfinder.domain.offer_rules import OfferInput, OfferInvalid, parse_offer, publish_problems
from influfinder.domain.offer_terms import requirement_minimums
from influfinder.domain.transitions import ADMIN, OWNER, TransitionRefused
from influfinder.i18n import N_, _, translated
from influfinder.models import Application, Collaboration, Offer
from influfinder.services import guards
from influfinder.services.actors import Actor, require_verified
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.pagination import Page
from influfinder.services.status_moves import move_status

OFFER_NOT_FOUND = N_("We could not find that offer.")
CHANGED = N_("This offer was changed meanwhile. Reload the page and try again.")
LIVE = (OfferStatus.ACTIVE, OfferStatus.PAUSED)


class InvalidOffer(ServiceError):
    """Bad offer input: `message`/`field` name the first problem, `problems` holds them all."""

    def __init__(self, problems: dict[str, str], summary: str | None = None) -> None:
        problems = {name: translated(message) for name, message in problems.items()}  # the reader's language
        name, message = next(iter(problems.items()))
        super().__init__(summary or message, None if name == "form" else name)
        self.problems = problems


@dataclass(frozen=True)
class MyOfferRow:
    id: str
    title: str
    status: str
    category: str
    views: int
    slots: int
    applications: dict[str, int]  # ApplicationStatus value -> count, every status present
    applications_total: int
    application_deadline: datetime | None
    published_at: datetime | None
    updated_at: datetime
    cover_image: str | None = None  # storage key of the uploaded cover, if any


@dataclass(frozen=True)
class MyOffers:
    page: Page[MyOfferRow]
    counts: dict[str, int]  # OfferStatus value -> how many of the business's offers, every status present
    views: dict[str, int]  # OfferStatus value -> views of those offers, added up


@dataclass(frozen=True)
class OwnerOffer:
    """One offer as its owner (or an admin) sees it: the form's values and the figures."""

    id: str
    status: str
    values: dict[str, Any]  # OfferInput's fields, ready to fill the edit form
    views: int
    slots_taken: int
    applications: dict[str, int]
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    actions: list[str] = field(default_factory=list)  # what this viewer may do now: "publish", "pause"...


# ---- writes -----------------------------------------------------------------------------------


def create_draft(db: Session, actor: Actor | None, raw: object) -> uuid.UUID:
    """A new DRAFT offer. Drafts may be incomplete; what is given must still be valid."""
    actor = guards.business(actor)
    data = _parse(_form_input(raw))
    offer = Offer(business_id=actor.id, status=OfferStatus.DRAFT, **_form_columns(data))
    db.add(offer)
    db.flush()
    return offer.id


def update_offer(db: Session, actor: Actor | None, offer_id: object, raw: object) -> None:
    """Change some or all fields (the keys given). A live offer must stay complete."""
    offer, role = editable_offer(db, actor, offer_id)
    if not isinstance(raw, dict):
        raise InvalidOffer({"form": "The form could not be read. Reload the page and try again."})
    data = _parse(_form_input({**offer_values(offer), **raw}))
    if offer.status in LIVE:
        _require_complete(data, N_("A published offer must stay complete: "))
    taken = taken_slots(db, offer.id)
    if data.slots < taken:
        raise ServiceError(_("{taken} creators are already accepted: keep at least {taken} places.").format(taken=taken), "slots")
    _apply(db, offer, lifecycle.EDIT, role, _form_columns(data))


def publish(db: Session, actor: Actor | None, offer_id: object) -> None:
    """DRAFT -> ACTIVE: the owner's email must be confirmed and the offer complete."""
    offer, role = _load(db, actor, offer_id)
    _check(offer, lifecycle.PUBLISH, role)
    require_verified(actor)
    _require_complete(_parse(offer_values(offer)), N_("Before publishing: "))
    _apply(db, offer, lifecycle.PUBLISH, role,
           {"published_at": sa.func.coalesce(Offer.published_at, guards.now())})


def pause(db: Session, actor: Actor | None, offer_id: object) -> None:
    offer, role = _load(db, actor, offer_id)
    _apply(db, offer, lifecycle.PAUSE, role)


def resume(db: Session, actor: Actor | None, offer_id: object) -> None:
    """PAUSED -> ACTIVE, under the same conditions as publishing (deadlines still ahead)."""
    offer, role = _load(db, actor, offer_id)
    _check(offer, lifecycle.RESUME, role)
    _require_complete(_parse(offer_values(offer)), N_("Before resuming: "))
    _apply(db, offer, lifecycle.RESUME, role)


def archive(db: Session, actor: Actor | None, offer_id: object) -> None:
    offer, role = _load(db, actor, offer_id)
    _apply(db, offer, lifecycle.ARCHIVE, role)


# ---- reads ------------------------------------------------------------------------------------


def my_offers(db: Session, actor: Actor | None, status: object = None, page: object = 1,
              page_size: object = 20) -> MyOffers:
    """The business's offers (one status, or all), most recently changed first, with counts."""
    actor = guards.business(actor)
    wanted = guards.choice(status, OfferStatus, "status", "offer status")
    page, page_size = guards.paging(page, page_size)
    counts, views = _offer_counts(db, actor.id)
    where = [Offer.business_id == actor.id] + ([Offer.status == wanted] if wanted else [])
    offers = db.exec(
        select(Offer).where(*where).order_by(Offer.updated_at.desc(), Offer.id)
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    per_offer = application_counts(db, [o.id for o in offers])
    rows = [_row(o, per_offer[o.id]) for o in offers]
    total = counts[wanted.value] if wanted else sum(counts.values())
    return MyOffers(Page(rows, total, page, page_size), counts, views)


@dataclass(frozen=True)
class EditorPage:
    """The offer form as one read: the offer (None for a new one) and what its author may do."""

    offer: OwnerOffer | None
    author_verified: bool
    author_is_agency: bool  # an agency names the brand it publishes for


def editor_page(db: Session, actor: Actor | None, offer_id: object) -> EditorPage:
    actor = guards.signed_in(actor)
    offer = get_offer_for_owner(db, actor, offer_id) if offer_id else None
    return EditorPage(offer, actor.is_verified, actor.user_type is UserType.AGENCY)


def get_offer_for_owner(db: Session, actor: Actor | None, offer_id: object) -> OwnerOffer:
    offer, role = _load(db, actor, offer_id)
    return OwnerOffer(
        id=str(offer.id), status=offer.status.value, values=offer_values(offer), views=offer.views_count,
        slots_taken=taken_slots(db, offer.id), applications=application_counts(db, [offer.id])[offer.id],
        published_at=offer.published_at, created_at=offer.created_at, updated_at=offer.updated_at,
        actions=lifecycle.OFFER_LIFECYCLE.allowed(offer.status, role),
    )


def taken_slots(db: Session, offer_id: uuid.UUID) -> int:
    """Places taken: the offer's collaborations that were not called off."""
    return db.exec(select(sa.func.count()).select_from(Collaboration).where(*taken_slot_filter(offer_id))).one()


def taken_slot_filter(offer_id: Any) -> tuple:
    return Collaboration.offer_id == offer_id, Collaboration.status != CollaborationStatus.CANCELLED


def application_counts(db: Session, offer_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, int]]:
    """Applications per status for each offer, counted in SQL; every status is present."""
    counts = {key: dict.fromkeys(ApplicationStatus.values(), 0) for key in offer_ids}
    if offer_ids:
        rows = db.exec(
            select(Application.offer_id, Application.status, sa.func.count())
            .where(Application.offer_id.in_(offer_ids)).group_by(Application.offer_id, Application.status)
        ).all()
        for offer_id, status, count in rows:
            counts[offer_id][status.value] = count
    return counts


# ---- the offer as form values and as columns -------------------------------------------------


def offer_values(offer: Offer) -> dict[str, Any]:
    """The stored offer as OfferInput's input: the edit form's starting values."""
    plain = {name: getattr(offer, name) for name in OfferInput.model_fields}
    for name in ("category", "currency", "compensation_type"):
        plain[name] = getattr(offer, name).value
    for name in ("application_deadline", "content_deadline"):
        plain[name] = as_utc(plain[name]) if plain[name] else None
    plain["platforms"] = list(offer.platforms)
    plain["requirements"] = dict(offer.requirements or {})
    plain["content_specs"] = dict(offer.content_specs or {})
    return plain


def columns(data: OfferInput) -> dict[str, Any]:
    values = data.model_dump(exclude={"requirements", "content_specs", "platforms"})
    values["platforms"] = [p.value for p in data.platforms]
    values["requirements"] = data.requirements.model_dump(mode="json")
    values.update(requirement_minimums(values["requirements"]))  # an UPDATE statement skips the model's listener
    values["content_specs"] = data.content_specs.model_dump(mode="json")
    return values


# ---- helpers ----------------------------------------------------------------------------------


def editable_offer(db: Session, actor: Actor | None, offer_id: object) -> tuple[Offer, str]:
    """The offer and the actor's role on it, when the actor may edit it now (services.offer_covers)."""
    offer, role = _load(db, actor, offer_id)
    _check(offer, lifecycle.EDIT, role)
    return offer, role


# The form never writes the cover: only services.offer_covers does, with a file it checked and stored.
# A key sent with the form could name another offer's file (which replacing this cover would then
# delete), and writing back the cover read before a concurrent upload would lose the new one.


def _form_input(raw: object) -> object:
    return {**raw, "cover_image": None} if isinstance(raw, dict) else raw


def _form_columns(data: OfferInput) -> dict[str, Any]:
    values = columns(data)
    del values["cover_image"]
    return values


def _parse(raw: object) -> OfferInput:
    try:
        return parse_offer(raw, guards.now())
    except OfferInvalid as error:
        raise InvalidOffer(error.problems) from None


def _require_complete(data: OfferInput, prefix: str) -> None:
    problems = publish_problems(data)
    if problems:
        first = next(iter(problems.values()))
        first = translated(first)
        raise InvalidOffer(problems, summary=translated(prefix) + first[0].lower() + first[1:])


def _load(db: Session, actor: Actor | None, offer_id: object) -> tuple[Offer, str]:
    """The offer and the actor's role on it; "not found" for anyone but its owner or an admin."""
    actor = guards.signed_in(actor)
    if not (actor.is_business or actor.is_admin):
        raise NotAllowed(guards.BUSINESSES_ONLY)
    key = guards.object_id(offer_id, OFFER_NOT_FOUND)
    offer = db.get(Offer, key, populate_existing=True)
    if offer is not None and offer.business_id == actor.id and actor.is_business:
        return offer, OWNER
    if offer is not None and actor.is_admin:
        return offer, ADMIN
    raise NotAllowed(OFFER_NOT_FOUND)


def _check(offer: Offer, action: str, role: str) -> OfferStatus:
    try:
        return lifecycle.offer_transition(offer.status, action, role)
    except TransitionRefused as refusal:
        if refusal.kind == "wrong_role":
            raise NotAllowed(refusal.message) from None
        raise ServiceError(refusal.message) from None


def _apply(db: Session, offer: Offer, action: str, role: str, values: dict[str, Any] | None = None) -> None:
    target = _check(offer, action, role)
    move_status(db, offer, target, CHANGED, updated_at=guards.now(), **(values or {}))


def _offer_counts(db: Session, business_id: uuid.UUID) -> tuple[dict[str, int], dict[str, int]]:
    """Offers and their views per status, for the tabs of "My offers"."""
    counts, views = dict.fromkeys(OfferStatus.values(), 0), dict.fromkeys(OfferStatus.values(), 0)
    rows = db.exec(
        select(Offer.status, sa.func.count(), sa.func.coalesce(sa.func.sum(Offer.views_count), 0))
        .where(Offer.business_id == business_id).group_by(Offer.status)
    ).all()
    for status, count, seen in rows:
        counts[status.value], views[status.value] = count, int(seen)
    return counts, views


def _row(offer: Offer, applications: dict[str, int]) -> MyOfferRow:
    return MyOfferRow(
        id=str(offer.id), title=offer.title, status=offer.status.value, category=offer.category.value,
        views=offer.views_count, slots=offer.slots, applications=applications,
        applications_total=sum(applications.values()), application_deadline=offer.application_deadline,
        published_at=offer.published_at, updated_at=offer.updated_at, cover_image=offer.cover_image,
    )
