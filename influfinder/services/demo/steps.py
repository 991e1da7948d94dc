"""One step of an application or a collaboration, done by its person through the real service at a
given moment (influfinder/clock.py). The story modules (history.py, story.py) string them together."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session

from influfinder import clock
from influfinder.domain.enums import Platform
from influfinder.services import applications, collaborations, messages, ratings, submissions
from influfinder.services.actors import Actor


def apply(db: Session, creator: Actor, offer_id: uuid.UUID, at: datetime, message: str) -> uuid.UUID:
    with clock.at(at):
        return applications.apply(db, creator, offer_id, {"message": message})


def accept(db: Session, business: Actor, application_id: uuid.UUID, at: datetime) -> uuid.UUID:
    """The business accepts (from the applicants list); the new collaboration's id."""
    with clock.at(at):
        return applications.accept(db, business, application_id)


def schedule(db: Session, creator: Actor, business: Actor, collab_id: uuid.UUID, proposed: datetime,
             confirmed: datetime, visit: datetime) -> None:
    """The creator proposes a visit date; the business confirms it."""
    with clock.at(proposed):
        collaborations.propose_visit(db, creator, collab_id, visit)
    with clock.at(confirmed):
        collaborations.confirm_visit(db, business, collab_id)


def visit(db: Session, creator: Actor, business: Actor, collab_id: uuid.UUID, at: datetime) -> None:
    """At the venue the creator shows the visit code and the business types it."""
    with clock.at(at):
        code = collaborations.visit_code_for_creator(db, creator, collab_id)
        collaborations.mark_visited_by_code(db, business, collab_id, code)


def submit(db: Session, creator: Actor, collab_id: uuid.UUID, at: datetime, caption: str, link: str) -> uuid.UUID:
    """The creator sends the post's link and caption; the local analyzer rates it in the same transaction
    (services.analysis.analysed_in_transaction, set by load.py)."""
    with clock.at(at):
        return submissions.submit_content(db, creator, collab_id, content_urls=[link],
                                          captions={Platform.INSTAGRAM.value: caption},
                                          platform=Platform.INSTAGRAM.value)


def start_review(db: Session, business: Actor, submission_id: uuid.UUID, at: datetime) -> None:
    with clock.at(at):
        submissions.start_review(db, business, submission_id)


def approve(db: Session, business: Actor, submission_id: uuid.UUID, at: datetime) -> None:
    with clock.at(at):
        submissions.approve(db, business, submission_id)


def rate(db: Session, person: Actor, collab_id: uuid.UUID, at: datetime, stars: int, feedback: str) -> None:
    with clock.at(at):
        ratings.rate(db, person, collab_id, stars, feedback)


def write(db: Session, sender: Actor, recipient: Actor, at: datetime, text: str) -> None:
    """A chat message; the sender has read what the other wrote before it."""
    with clock.at(at):
        messages.mark_read(db, sender, recipient.id)
        messages.send(db, sender, recipient.id, text)

