"""One collaboration's page as one read, for one of its parties or an admin."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from influfinder.services import collaboration_views, collaborations, guards, submissions
from influfinder.services import offers as offer_service
from influfinder.services.actors import Actor
from influfinder.services.errors import NotAllowed


@dataclass(frozen=True)
class CollaborationPage:
    detail: collaboration_views.CollaborationDetail
    events: list
    versions: list
    visit_code: str | None  # the creator's only, once the visit is scheduled
    hashtags: list[str]  # the offer's required hashtags and mentions, for the content form
    mentions: list[str]


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
    offer = offer_service.get_public_offer_detail(db, detail.offer_id)
    specs = offer.content_specs if offer else None
    return CollaborationPage(detail, events, versions, code, list(specs.required_hashtags) if specs else [],
                             list(specs.required_mentions) if specs else [])
