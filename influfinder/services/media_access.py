"""Who may download a private file: the reads behind the media routes (api/media_routes.py,
api/message_routes.py). Every answer is the file or None, for every reason alike (not signed in,
not a party, no such file), so a route never tells whether a file is there.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from influfinder.integrations import storage
from influfinder.models import Collaboration, ContentSubmission
from influfinder.models.submission import SubmissionMedia
from influfinder.services import messages, portfolio
from influfinder.services.actors import Actor

CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "mp4": "video/mp4"}


def content_type(name: str) -> str | None:
    """The type our code chose when it stored the checked file (its extension), never the uploader's."""
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1]) if "." in name else None


def submission_file(db: Session, actor: Actor | None, name: str) -> tuple[Path, str] | None:
    """A submission's file and its type, for the collaboration's creator, its business and admins,
    and for anyone once it is approved content its creator shows in the portfolio."""
    key = f"{storage.SUBMISSIONS}/{name}"
    kind = content_type(name)
    try:
        path = storage.open_path(key)
    except storage.InvalidKey:
        return None
    if kind is None or not (_is_party(db, actor, key) or portfolio.shown_in_portfolio(db, key)):
        return None
    return (path, kind) if path.is_file() else None


def _is_party(db: Session, actor: Actor | None, key: str) -> bool:
    if actor is None:
        return False
    parties = db.exec(
        select(Collaboration.creator_id, Collaboration.business_id)
        .join(ContentSubmission, ContentSubmission.collaboration_id == Collaboration.id)
        .join(SubmissionMedia, SubmissionMedia.submission_id == ContentSubmission.id)
        .where(SubmissionMedia.storage_key == key)
    ).first()
    return parties is not None and (actor.id in parties or actor.is_admin)


def public_file(folder: str, name: str) -> tuple[Path, str] | None:
    """A file of a public folder (offer covers) and its type, for anyone; no database involved."""
    key = f"{folder}/{name}"
    kind = content_type(name)
    if kind is None or not storage.is_public(key):
        return None
    try:
        path = storage.open_path(key)
    except storage.InvalidKey:
        return None
    return (path, kind) if path.is_file() else None


def attachment_file(db: Session, actor: Actor | None, message_id: object, name: object) -> tuple[Path, dict] | None:
    """A message's attachment and its record (name, type), for the message's two people only."""
    record = messages.attachment_for(db, actor, message_id, name)
    if record is None:
        return None
    try:
        path = storage.open_path(record["key"])
    except storage.InvalidKey:
        return None
    return (path, record) if path.is_file() else None
