"""A creator's portfolio: completed collaborations the creator chose to show on the public profile.

Off by default for each collaboration; the creator switches it on from the collaboration's page once
it is completed. A business may forbid it per offer (`Offer.portfolio_allowed`); then the item is
neither shown nor can it be switched on, and switching the offer's setting off later hides it again.
What a portfolio shows is what the creator already published: the post links, the caption and the
approved files, which anyone may then open (services/media_access.py asks `shown_in_portfolio`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from influfinder.domain.enums import CollaborationStatus, SubmissionStatus
from influfinder.i18n import _
from influfinder.models import Collaboration, ContentSubmission, Offer, Profile, User
from influfinder.models.submission import SubmissionMedia
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.creator_profiles import listed_creator
from influfinder.services.errors import NotAllowed, ServiceError

MAX_ITEMS = 12


@dataclass(frozen=True)
class PortfolioItem:
    collaboration_id: str
    offer_title: str
    business: str
    platform: str  # Platform value
    caption: str
    post_urls: list[str]
    image_keys: list[str]  # storage keys of the approved images, in the creator's order
    completed_on: datetime | None


def shown_condition():
    """SQL: a collaboration its creator shows, on an offer that allows it, completed."""
    return sa.and_(Collaboration.in_portfolio.is_(True), Collaboration.status == CollaborationStatus.COMPLETED,
                   Offer.portfolio_allowed.is_(True))


def set_shown(db: Session, actor: Actor | None, collaboration_id: object, shown: object) -> bool:
    """The creator's switch on a completed collaboration; returns the new setting."""
    actor = guards.creator(actor)
    key = guards.object_id(collaboration_id, _("We could not find that collaboration."))
    wanted = guards.flag(shown, "in_portfolio")
    row = db.exec(select(Collaboration.status, Offer.portfolio_allowed)
                  .join(Offer, Offer.id == Collaboration.offer_id)
                  .where(Collaboration.id == key, Collaboration.creator_id == actor.id)).first()
    if row is None:
        raise NotAllowed(_("We could not find that collaboration."))
    status, allowed = row
    if status is not CollaborationStatus.COMPLETED:
        raise ServiceError(_("You can show a collaboration in your portfolio once it is completed."), "in_portfolio")
    if wanted and not allowed:
        raise ServiceError(_("The business asked that this offer's content stays out of portfolios."), "in_portfolio")
    db.exec(sa.update(Collaboration)
            .where(Collaboration.id == key, Collaboration.creator_id == actor.id,
                   Collaboration.status == CollaborationStatus.COMPLETED)
            .values(in_portfolio=wanted).execution_options(synchronize_session=False))
    return wanted


def portfolio_of(db: Session, creator_id: uuid.UUID) -> list[PortfolioItem]:
    """The items a creator shows, newest first, each with its approved content."""
    rows = db.exec(
        select(Collaboration.id, Collaboration.completed_date, Offer.title, Offer.brand_name, Profile.company_name,
               User.username)
        .join(Offer, Offer.id == Collaboration.offer_id)
        .join(User, User.id == Collaboration.business_id)
        .join(Profile, Profile.user_id == Collaboration.business_id, isouter=True)
        .where(Collaboration.creator_id == creator_id, shown_condition())
        .order_by(Collaboration.completed_date.desc(), Collaboration.id).limit(MAX_ITEMS)
    ).all()
    content = _approved_content(db, [r[0] for r in rows])
    items = []
    for collaboration_id, completed, title, brand, company, username in rows:
        submission, images = content.get(collaboration_id, (None, []))
        if submission is None:
            continue  # completed without approved content (an admin's resolution): nothing to show
        items.append(PortfolioItem(
            collaboration_id=str(collaboration_id), offer_title=title, business=brand or company or username,
            platform=submission.platform.value, caption=_caption(submission), post_urls=list(submission.content_urls),
            image_keys=images, completed_on=completed))
    return items


def shown_in_portfolio(db: Session, storage_key: str) -> bool:
    """True when this stored file is part of approved content that a portfolio shows: anyone may open it."""
    return db.exec(
        select(SubmissionMedia.id)
        .join(ContentSubmission, ContentSubmission.id == SubmissionMedia.submission_id)
        .join(Collaboration, Collaboration.id == ContentSubmission.collaboration_id)
        .join(Offer, Offer.id == Collaboration.offer_id)
        .where(SubmissionMedia.storage_key == storage_key, ContentSubmission.status == SubmissionStatus.APPROVED,
               shown_condition())
    ).first() is not None


def _approved_content(db: Session, collaboration_ids: list[uuid.UUID]) -> dict:
    """collaboration id -> (its latest approved submission, that submission's image keys)."""
    if not collaboration_ids:
        return {}
    submissions = db.exec(
        select(ContentSubmission)
        .where(ContentSubmission.collaboration_id.in_(collaboration_ids),
               ContentSubmission.status == SubmissionStatus.APPROVED)
        .order_by(ContentSubmission.version)
    ).all()
    latest = {s.collaboration_id: s for s in submissions}  # the highest version wins
    media = db.exec(
        select(SubmissionMedia.submission_id, SubmissionMedia.storage_key)
        .where(SubmissionMedia.submission_id.in_([s.id for s in latest.values()]),
               SubmissionMedia.content_type.like("image/%"))
        .order_by(SubmissionMedia.position)
    ).all()
    images: dict[uuid.UUID, list[str]] = {}
    for submission_id, key in media:
        images.setdefault(submission_id, []).append(key)
    return {cid: (s, images.get(s.id, [])) for cid, s in latest.items()}


def _caption(submission: ContentSubmission) -> str:
    captions = submission.captions or {}
    return str(captions.get(submission.platform.value) or next(iter(captions.values()), ""))


@dataclass(frozen=True)
class PortfolioSwitch:
    """What the collaboration page shows its creator: nothing until completed, then the switch."""

    offered: bool = False  # the viewer is the creator and the collaboration is completed
    shown: bool = False
    allowed: bool = True  # the offer lets creators show it


def public_portfolio(db: Session, actor: Actor | None, username: object) -> list[PortfolioItem]:
    """The portfolio on /creators/<username>, for anyone; an unknown or closed account has none."""
    if not isinstance(username, str) or not 0 < len(username) <= 30:
        return []
    creator_id = db.exec(select(User.id).where(User.username == username.lower(), listed_creator())).first()
    return portfolio_of(db, creator_id) if creator_id else []


def switch_for(db: Session, actor: Actor | None, collaboration_id: object) -> PortfolioSwitch:
    if actor is None or not actor.is_creator:
        return PortfolioSwitch()
    try:
        key = uuid.UUID(str(collaboration_id))
    except ValueError:
        return PortfolioSwitch()
    row = db.exec(select(Collaboration.status, Collaboration.in_portfolio, Offer.portfolio_allowed)
                  .join(Offer, Offer.id == Collaboration.offer_id)
                  .where(Collaboration.id == key, Collaboration.creator_id == actor.id)).first()
    if row is None or row[0] is not CollaborationStatus.COMPLETED:
        return PortfolioSwitch()
    return PortfolioSwitch(offered=True, shown=row[1], allowed=row[2])
