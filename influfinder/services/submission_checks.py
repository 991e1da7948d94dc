"""What every submission service checks first: who is acting on which collaboration, and whether
each piece of input (files, links, captions, platform, post id) is acceptable.

Handlers are public RPCs (DESIGN rule 2): every argument arrives as whatever a socket sent.
Files are judged by their bytes, never by their names; a name only has to agree with the
content (a video named .png is refused, so is a ZIP named .mp4). Images are decoded with a
pixel limit and re-encoded without metadata; videos must be whole MP4 files. A file arrives as
bytes or as an open binary file (an upload's temporary file): a video stays in its file, checked
and then copied to storage in chunks, so a 100 MB video is never held in memory.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from sqlmodel import Session

from influfinder.domain.enums import Platform
from influfinder.i18n import N_, _
from influfinder.integrations import images, video
from influfinder.models import Collaboration
from influfinder.services import collaborations, guards
from influfinder.services.actors import Actor
from influfinder.services.errors import ServiceError

MEGABYTE = 1024 * 1024
IMAGE_MAX_BYTES = 20 * MEGABYTE
IMAGE_MAX_PIXELS = 40_000_000
VIDEO_MAX_BYTES = video.VIDEO_MAX_BYTES
MAX_FILES = 10
MAX_TOTAL_BYTES = 300 * MEGABYTE  # one request's worth: a few videos and photos, never ten 100 MB videos
MAX_URLS = 10
MAX_URL_CHARS = 2000
MAX_CAPTION_CHARS = 2200  # Instagram's own limit, the longest of the three platforms
MAX_NAME_CHARS = 255

IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "jpe", "jfif", "webp"})
VIDEO_EXTENSIONS = frozenset({"mp4", "m4v"})
ACCEPTED_KINDS = N_("Only PNG, JPEG or WebP photos and MP4 videos are accepted.")
_POST_ID = re.compile(r"[A-Za-z0-9_.:-]{1,120}")


@dataclass(frozen=True)
class CheckedFile:
    """A file ready to store: cleaned bytes (or a checked video's open file) and what they are."""

    data: bytes | BinaryIO
    extension: str
    content_type: str
    width: int | None
    height: int | None
    name: str  # the creator's file name, for display only
    size: int

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


# ---- who is acting --------------------------------------------------------------------------


def role_in(collaboration: Collaboration, actor: Actor) -> str | None:
    """"creator", "owner" (the business), "admin", or None for anyone else."""
    return collaborations.role_of(collaboration, actor)


def load_collaboration(db: Session, actor: Actor | None, collab_id: object) -> tuple[Collaboration, str, Actor]:
    """The collaboration, the actor's role in it, and the actor; "not found" for anyone not a party or admin."""
    actor = guards.signed_in(actor)
    collaboration, role = collaborations.load(db, actor, collab_id)
    db.refresh(collaboration)  # the state as of now, not as this session first read it
    return collaboration, role, actor


# ---- files ----------------------------------------------------------------------------------


def check_files(files: object) -> list[CheckedFile]:
    """Every file checked by content; the first bad one is refused by name."""
    if files is None:
        files = []
    if not isinstance(files, (list, tuple)):
        raise ServiceError("The files could not be read. Choose them again.", "files")
    if len(files) > MAX_FILES:
        raise ServiceError(_("Send at most {MAX_FILES} files at a time.").format(MAX_FILES=MAX_FILES), "files")
    pairs = [_pair(item) for item in files]
    if sum(_size(data) for _name, data in pairs) > MAX_TOTAL_BYTES:
        raise ServiceError(_("The files add up to more than {value} MB.").format(value=MAX_TOTAL_BYTES // MEGABYTE), "files")
    return [check_file(name, data) for name, data in pairs]


def _is_file(value: object) -> bool:
    return all(hasattr(value, attribute) for attribute in ("read", "seek", "tell"))


def _pair(item: object) -> tuple[str, bytes | BinaryIO]:
    if isinstance(item, (bytes, bytearray)) or _is_file(item):
        item = ("", item)
    if (isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], str)
            and (isinstance(item[1], (bytes, bytearray)) or _is_file(item[1]))):
        return item[0], item[1] if _is_file(item[1]) else bytes(item[1])
    raise ServiceError("The files could not be read. Choose them again.", "files")


def _size(data: bytes | BinaryIO) -> int:
    return len(data) if isinstance(data, (bytes, bytearray)) else data.seek(0, os.SEEK_END)


def check_file(filename: str, data: bytes | BinaryIO) -> CheckedFile:
    """Decide by content; the name's extension, when there is one, must agree with it."""
    name = display_name(filename)
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    label = name or "The file"
    head = data[:16] if isinstance(data, (bytes, bytearray)) else _head(data)
    if not head:
        raise ServiceError(_("{label} is empty.").format(label=label), "files")
    if video.looks_like_mp4(head):
        if extension and extension not in VIDEO_EXTENSIONS:
            raise ServiceError(_("{label} is a video, but its name says .{extension}. {ACCEPTED_KINDS}").format(label=label, extension=extension, ACCEPTED_KINDS=ACCEPTED_KINDS), "files")
        return _video(name, label, data)
    if extension in VIDEO_EXTENSIONS:
        raise ServiceError(_("{label} is not an MP4 video. {ACCEPTED_KINDS}").format(label=label, ACCEPTED_KINDS=ACCEPTED_KINDS), "files")
    if extension and extension not in IMAGE_EXTENSIONS:
        raise ServiceError(_("{label}: {ACCEPTED_KINDS}").format(label=label, ACCEPTED_KINDS=ACCEPTED_KINDS), "files")
    if not isinstance(data, (bytes, bytearray)):
        data.seek(0)
        data = data.read(IMAGE_MAX_BYTES + 1)  # a photo is decoded in memory anyway; one byte over says "too large"
    return _image(name, label, data)


def _head(handle: BinaryIO) -> bytes:
    handle.seek(0)
    return handle.read(16)


def _video(name: str, label: str, data: bytes | BinaryIO) -> CheckedFile:
    try:
        checked = video.check_mp4(data, max_bytes=VIDEO_MAX_BYTES)
    except video.VideoRejected as refusal:
        raise ServiceError(_("{label}: {message}").format(label=label, message=refusal.message), "files") from None
    return CheckedFile(checked.data, checked.extension, checked.content_type, None, None, name, checked.size)


def _image(name: str, label: str, data: bytes) -> CheckedFile:
    try:
        clean = images.sanitize_image(data, max_bytes=IMAGE_MAX_BYTES, max_pixels=IMAGE_MAX_PIXELS)
    except images.ImageRejected as refusal:
        message = ACCEPTED_KINDS if refusal.message.startswith("Only ") else refusal.message
        raise ServiceError(_("{label}: {message}").format(label=label, message=message), "files") from None
    return CheckedFile(clean.data, clean.extension, clean.content_type, clean.width, clean.height, name,
                       len(clean.data))


def display_name(filename: object) -> str:
    """The last part of the name, printable, at most 255 characters: shown, never used as a path."""
    if not isinstance(filename, str):
        return ""
    base = re.split(r"[\\/]", filename)[-1]
    printable = "".join(c for c in base if unicodedata.category(c)[0] not in "CZ" or c == " ")
    return printable.strip()[-MAX_NAME_CHARS:]


# ---- the rest of the form -------------------------------------------------------------------


def check_urls(value: object) -> list[str]:
    """At most ten http(s) links to the published posts."""
    if value is None or value == "":
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(u, str) for u in value):
        raise ServiceError("The links could not be read.", "content_urls")
    urls = [u.strip() for u in value if u.strip()]
    if len(urls) > MAX_URLS:
        raise ServiceError(_("Give at most {MAX_URLS} links.").format(MAX_URLS=MAX_URLS), "content_urls")
    for url in urls:
        if not _is_web_link(url):
            raise ServiceError(_("Links start with http:// or https:// and name a site: {value}").format(value=url[:80]), "content_urls")
    return list(dict.fromkeys(urls))


def _is_web_link(url: str) -> bool:
    if len(url) > MAX_URL_CHARS or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    # No user:password@ part: it makes a link read as another site than the one it opens.
    return parts.scheme in ("http", "https") and bool(host) and parts.username is None


def check_captions(value: object) -> dict[str, str]:
    """{platform: caption}, each at most 2,200 characters; empty captions are dropped."""
    if value is None or value == "":
        return {}
    if not isinstance(value, dict):
        raise ServiceError("The captions could not be read.", "captions")
    captions: dict[str, str] = {}
    for platform, text in value.items():
        name = check_platform(platform, "captions").value
        if not isinstance(text, str):
            raise ServiceError("Each caption must be text.", "captions")
        if len(text) > MAX_CAPTION_CHARS:
            raise ServiceError(_("Keep the {title} caption under {MAX_CAPTION_CHARS:,} characters.").format(title=name.title(), MAX_CAPTION_CHARS=MAX_CAPTION_CHARS), "captions")
        if text.strip():
            captions[name] = text.strip()
    return captions


def check_platform(value: object, field: str = "platform") -> Platform:
    try:
        return Platform(value.upper() if isinstance(value, str) else value)
    except ValueError:
        raise ServiceError(_("Choose a platform: {join}.").format(join=', '.join(p.title() for p in Platform.values())), field) from None


def check_post_id(value: object) -> str | None:
    """The platform's id of the post (letters, digits, _ . : -), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or not _POST_ID.fullmatch(value.strip()):
        raise ServiceError("The post id holds letters, digits, _ . : or -, up to 120 characters.",
                           "platform_post_id")
    return value.strip()

