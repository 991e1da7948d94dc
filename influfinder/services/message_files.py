"""Files attached to a message: photos (PNG, JPEG, WebP) and PDF documents, judged by their bytes.

A photo is decoded and re-encoded without metadata (integrations/images). A PDF must start with
the `%PDF-` header and end with the `%%EOF` trailer; it is stored as sent and later served as a
download only. A name only has to agree with the content: an executable renamed .pdf is refused,
and so is a photo named .pdf. Stored files go to the private "attachments" folder.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

from influfinder.i18n import N_, _
from influfinder.integrations import images, storage
from influfinder.services.errors import ServiceError
from influfinder.services.submission_checks import display_name

log = logging.getLogger(__name__)

FOLDER = storage.ATTACHMENTS
MEGABYTE = 1024 * 1024
MAX_BYTES = 10 * MEGABYTE
MAX_FILES = 5
IMAGE_MAX_PIXELS = 40_000_000
PDF_HEADER = b"%PDF-"
PDF_TRAILER = b"%%EOF"
PDF_TRAILER_WINDOW = 1024  # readers look for the trailer in the last kilobyte
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "jpe", "jfif", "webp"})
ACCEPTED = N_("Only photos (PNG, JPEG, WebP) and PDF documents can be attached.")
FIELD = "attachments"


@dataclass(frozen=True)
class CheckedAttachment:
    data: bytes
    extension: str
    content_type: str
    name: str  # the sender's file name, for display only

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def given(files: object) -> bool:
    """Whether the sender attached anything (before checking what)."""
    return isinstance(files, (list, tuple)) and len(files) > 0


def check(files: object) -> list[CheckedAttachment]:
    if files is None:
        return []
    if not isinstance(files, (list, tuple)):
        raise ServiceError("The files could not be read. Choose them again.", FIELD)
    if len(files) > MAX_FILES:
        raise ServiceError(_("Attach at most {MAX_FILES} files to one message.").format(MAX_FILES=MAX_FILES), FIELD)
    return [check_one(*_pair(item)) for item in files]


def _pair(item: object) -> tuple[str, bytes]:
    if (isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], str)
            and isinstance(item[1], (bytes, bytearray))):
        return item[0], bytes(item[1])
    raise ServiceError("The files could not be read. Choose them again.", FIELD)


def check_one(filename: str, data: bytes) -> CheckedAttachment:
    name = display_name(filename)
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    label = name or "The file"
    if not data:
        raise ServiceError(_("{label} is empty.").format(label=label), FIELD)
    if len(data) > MAX_BYTES:
        raise ServiceError(_("{label} is larger than {value} MB.").format(label=label, value=MAX_BYTES // MEGABYTE), FIELD)
    if data.startswith(PDF_HEADER):
        return _pdf(name, label, extension, data)
    if extension == "pdf":
        raise ServiceError(_("{label} is not a PDF document. {ACCEPTED}").format(label=label, ACCEPTED=ACCEPTED), FIELD)
    if extension and extension not in IMAGE_EXTENSIONS:
        raise ServiceError(_("{label}: {ACCEPTED}").format(label=label, ACCEPTED=ACCEPTED), FIELD)
    return _image(name, label, data)


def _pdf(name: str, label: str, extension: str, data: bytes) -> CheckedAttachment:
    if extension and extension != "pdf":
        raise ServiceError(_("{label} is a PDF document, but its name says .{extension}. {ACCEPTED}").format(label=label, extension=extension, ACCEPTED=ACCEPTED), FIELD)
    if PDF_TRAILER not in data[-PDF_TRAILER_WINDOW:]:
        raise ServiceError(_("{label} is not a complete PDF document.").format(label=label), FIELD)
    return CheckedAttachment(data, "pdf", "application/pdf", name or "document.pdf")


def _image(name: str, label: str, data: bytes) -> CheckedAttachment:
    try:
        clean = images.sanitize_image(data, max_bytes=MAX_BYTES, max_pixels=IMAGE_MAX_PIXELS)
    except images.ImageRejected as refusal:
        message = ACCEPTED if refusal.message.startswith("Only ") else refusal.message
        raise ServiceError(_("{label}: {message}").format(label=label, message=message), FIELD) from None
    stem = name.rsplit(".", 1)[0] if "." in name else (name or "photo")
    return CheckedAttachment(clean.data, clean.extension, clean.content_type, f"{stem}.{clean.extension}")


def store(files: list[CheckedAttachment]) -> list[dict]:
    """Save the files; returns what the message row keeps about each."""
    stored = []
    try:
        for f in files:
            key = storage.save(f.data, folder=FOLDER, extension=f.extension)
            stored.append({"key": key, "name": f.name, "type": f.content_type, "size": len(f.data)})
    except BaseException:
        discard(stored)
        raise
    return stored


def discard_on_rollback(db: Session, stored: list[dict]) -> None:
    """If the caller's transaction rolls back after all, the files go too: no file without its message."""
    db.info.setdefault(_PENDING, []).extend(stored)


_PENDING = "influfinder_message_files"


@event.listens_for(Session, "after_commit")
def _kept(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    discard(session.info.pop(_PENDING, []))


def discard(stored: list[dict]) -> None:
    for item in stored:
        try:
            storage.delete(item["key"])
        except OSError:
            log.warning("could not delete the stored attachment %s of a refused message", item["key"], exc_info=True)
