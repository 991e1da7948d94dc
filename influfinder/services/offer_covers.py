"""An offer's cover photo: upload it (checked, re-encoded, stored as a public file) or remove it.

Only the offer's business changes its cover, and only while it may edit the offer (the same check
as editing: not archived, not on an admin's behalf); anyone else reads "not found". The column is
written with a conditional UPDATE on the state and the cover that were read, so of two concurrent
uploads one wins and the other is refused; the file a cover replaces is deleted after the commit.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlmodel import Session

from influfinder.i18n import N_
from influfinder.integrations import images, storage
from influfinder.models import Offer
from influfinder.services import guards
from influfinder.services.actors import Actor
from influfinder.services.effects import after_commit
from influfinder.services.errors import ServiceError
from influfinder.services.offer_management import CHANGED, editable_offer

log = logging.getLogger(__name__)

FIELD = "cover"
MAX_BYTES = images.COVER_MAX_BYTES
COVER_ROUTE = "/media/covers/{name}"
NO_IMAGE = N_("Choose one image.")


def set_cover(db: Session, actor: Actor | None, offer_id: object, data: object) -> str:
    """Check, re-encode and store a new cover; returns its storage key."""
    offer, _role = editable_offer(db, actor, offer_id)
    if not isinstance(data, bytes) or not data:
        raise ServiceError(NO_IMAGE, FIELD)
    try:
        image = images.cover(data)
    except images.ImageRejected as error:
        raise ServiceError(error.message, FIELD) from None
    key = storage.save(image.data, folder=storage.COVERS, extension=image.extension)
    try:
        _replace(db, offer, key)
    except BaseException:
        _discard(key)
        raise
    return key


def remove_cover(db: Session, actor: Actor | None, offer_id: object) -> None:
    """Back to the category's illustration; removing twice is not an error."""
    offer, _role = editable_offer(db, actor, offer_id)
    if offer.cover_image is not None:
        _replace(db, offer, None)


def cover_path(key: str | None) -> str | None:
    """Where the public media route serves a stored cover; None when there is none to show."""
    if not key or not storage.is_public(key) or not key.startswith(storage.COVERS + "/"):
        return None
    return COVER_ROUTE.format(name=key.removeprefix(storage.COVERS + "/"))


def _replace(db: Session, offer: Offer, key: str | None) -> None:
    old = offer.cover_image
    result = db.exec(
        sa.update(Offer)
        .where(Offer.id == offer.id, Offer.status == offer.status, Offer.cover_image.is_not_distinct_from(old))
        .values(cover_image=key, updated_at=guards.now())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError(CHANGED)
    # Only files of our own covers folder: an old row naming any other file must not delete it.
    if old and cover_path(old):
        after_commit(db, storage.delete, old)


def _discard(key: str) -> None:
    try:
        storage.delete(key)
    except OSError:
        log.warning("could not delete the stored cover %s of a refused upload", key, exc_info=True)
