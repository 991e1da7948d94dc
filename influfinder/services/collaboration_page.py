"""One collaboration's page as one read, for one of its parties or an admin."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from influfinder.domain.collaboration_steps import StepState
from influfinder.domain.enums import CollaborationStatus
from influfinder.models import Offer
from influfinder.services import collaboration_views, collaborations, guards, submissions
from influfinder.services import offers as offer_service
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed
from influfinder.services.metrics import CollaborationMetrics, collaboration_metrics


@dataclass(frozen=True)
class CollaborationPage:
    detail: collaboration_views.CollaborationDetail
    events: list
    versions: list
    visit_code: str | None  # the creator's only, once the visit is scheduled
    hashtags: list[str]  # the offer's required hashtags and mentions, for the content form
    mentions: list[str]
    steps: StepState  # the stepper: the current step, who acts, by when, late
    other_user_id: str  # whom the viewer messages about it ("" for an admin, who sees both)
    figures: CollaborationMetrics | None = None  # once completed: duration, quality, both ratings


def collaboration_page(db: Session, actor: Actor | None, collab_id: object) -> CollaborationPage | None:
    """Everything the page shows; None when the actor may not see it (or it does not exist)."""
    actor = guards.signed_in(actor)
    try:
        detail = collaboration_views.get_collaboration(db, actor, collab_id)
    except NotAllowed:
        return None
    events = collaboration_views.timeline(db, actor, collab_id)
    versions = submissions.list_versions(db, actor, collab_id)
    code = None
    if detail.viewer_role == "creator" and detail.scheduled_date is not None:
        code = collaborations.visit_code_for_creator(db, actor, collab_id)
    collab, role = collaborations.load(db, actor, collab_id)
    offer_row = db.get(Offer, collab.offer_id)
    steps = collaboration_views.steps_of(collab, offer_row.content_deadline if offer_row else None, guards.now())
    other = {"creator": detail.business.id, "owner": detail.creator.id}.get(role, "")
    offer = offer_service.get_public_offer_detail(db, detail.offer_id)
    specs = offer.content_specs if offer else None
    figures = collaboration_metrics(db, actor, collab_id) if collab.status is CollaborationStatus.COMPLETED else None
    return CollaborationPage(detail, events, versions, code, list(specs.required_hashtags) if specs else [],
                             list(specs.required_mentions) if specs else [], steps, other, figures)
