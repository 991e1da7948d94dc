"""Files the browser refused before sending, in the viewer's language. One state for the four upload
places (content, chat, cover, avatar); the limits the browser checks are the services' own numbers,
imported, never repeated.

The browser checks type, count and the zone's largest size (react-dropzone), then each kind's own
size and an image's pixels (assets/upload_previews.jsx, on the chosen files) before anything is sent.
The progress of a sending, and its failure, never come here: assets/upload_progress.js follows the
upload's own request in the browser, so a click starts exactly one event (the upload) and there is
no second event whose order against it could matter.

Every handler is a public RPC: it changes only this tab's refusal message and checks what it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, _, ngettext, translated
from influfinder.integrations import images
from influfinder.integrations.images import AVATAR_MAX_BYTES, COVER_MAX_BYTES
from influfinder.services import message_files, submission_checks
from influfinder.settings import get_settings

CONTENT, CHAT, COVER, AVATAR = "content_files", "chat-files", "cover", "avatar"
MEGABYTE = 1024 * 1024
MAX_NAMED = 5  # refused files named in one message; the rest are counted
_PHOTOS = {"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/webp": [".webp"]}
PHOTO_KINDS = N_("Only PNG, JPEG or WebP images are accepted.")


@dataclass(frozen=True)
class UploadLimits:
    """One upload place's limits, as react-dropzone checks them and as the refusal names them."""

    accept: dict[str, list[str]]
    max_file_bytes: int  # the largest file of any kind (react-dropzone's one limit for the zone)
    max_files: int
    kinds: str  # the sentence that says which files are accepted (an N_ message id)
    photo_max_bytes: int = 0  # a photo's own limit when it is lower than the zone's (0: the zone's)
    max_pixels: int = 0  # an image's pixel limit (0: none checked in the browser)

    @property
    def max_size(self) -> int:
        """Per file; never more than the server takes in one request (MAX_UPLOAD_MB)."""
        return min(self.max_file_bytes, get_settings().max_upload_bytes)

    @property
    def photo_max_size(self) -> int:
        return min(self.photo_max_bytes or self.max_file_bytes, self.max_size)

    def browser_checks(self) -> dict[str, int]:
        """What assets/upload_previews.jsx checks on each chosen file, beyond react-dropzone."""
        return {"photoMaxBytes": self.photo_max_size, "maxPixels": self.max_pixels}


LIMITS: dict[str, UploadLimits] = {
    CONTENT: UploadLimits({**_PHOTOS, "video/mp4": [".mp4", ".m4v"]}, submission_checks.VIDEO_MAX_BYTES,
                          submission_checks.MAX_FILES, submission_checks.ACCEPTED_KINDS,
                          photo_max_bytes=submission_checks.IMAGE_MAX_BYTES,
                          max_pixels=submission_checks.IMAGE_MAX_PIXELS),
    CHAT: UploadLimits({**_PHOTOS, "application/pdf": [".pdf"]}, message_files.MAX_BYTES, message_files.MAX_FILES,
                       message_files.ACCEPTED, max_pixels=message_files.IMAGE_MAX_PIXELS),
    COVER: UploadLimits(_PHOTOS, COVER_MAX_BYTES, 1, PHOTO_KINDS, max_pixels=images.MAX_PIXELS),
    AVATAR: UploadLimits(_PHOTOS, AVATAR_MAX_BYTES, 1, PHOTO_KINDS, max_pixels=images.MAX_PIXELS),
}


def refusal_text(rejected: object, limits: UploadLimits) -> str:
    """Why the browser refused these files. react-dropzone sends [{file: {path}, errors: [{code}]}]."""
    records = [r for r in rejected if isinstance(r, dict)] if isinstance(rejected, list) else []
    said: list[str] = []
    for record in records[:MAX_NAMED]:
        sentence = _one_refusal(record, limits)
        if sentence not in said:
            said.append(sentence)
    if len(records) > MAX_NAMED:
        more = len(records) - MAX_NAMED
        said.append(ngettext("And {n} more file.", "And {n} more files.", more).format(n=more))
    return " ".join(said) or translated(limits.kinds)


def _one_refusal(record: dict, limits: UploadLimits) -> str:
    errors = record.get("errors")
    codes = {e.get("code") for e in errors if isinstance(e, dict)} if isinstance(errors, list) else set()
    name = _file_name(record.get("file"))
    if "too-many-files" in codes:
        n = limits.max_files
        return ngettext("Choose one file at a time.", "Choose at most {n} files at a time.", n).format(n=n)
    if "file-invalid-type" in codes:
        return _("{label}: {ACCEPTED}").format(label=name, ACCEPTED=translated(limits.kinds))
    if "file-too-large" in codes:
        return _("{label} is larger than {value} MB.").format(label=name, value=limits.max_size // MEGABYTE)
    if "photo-too-large" in codes:  # assets/upload_previews.jsx: a photo over the photos' own limit
        return _("{label} is larger than {value} MB.").format(label=name, value=limits.photo_max_size // MEGABYTE)
    if "too-many-pixels" in codes and limits.max_pixels:
        return _("{label} has more than {value} million pixels.").format(
            label=name, value=f"{limits.max_pixels / 1_000_000:g}")
    return translated(limits.kinds)


def _file_name(file: object) -> str:
    """The refused file's name as its owner knows it (react-dropzone's path is "./name" or a folder path)."""
    path = file.get("path") if isinstance(file, dict) else None
    name = path.rsplit("/", 1)[-1] if isinstance(path, str) else ""
    return name[:120] or _("A file")


class UploadFeedbackState(rx.State):
    """Per upload place (its upload id): why the browser refused files, until the next choice."""

    refusal: dict[str, str] = {}
    _refused_this_drop: list[str] = []  # refusals made before the choice they belong to is reported

    @rx.event
    def refused(self, upload_id: str, rejected: list):
        """The browser refused files before sending anything (type, size, count or pixels)."""
        if upload_id in LIMITS:
            self._set_refusal(upload_id, refusal_text(rejected, LIMITS[upload_id]))
            if upload_id not in self._refused_this_drop:
                self._refused_this_drop = [*self._refused_this_drop, upload_id]

    @rx.event
    def chose(self, upload_id: str, names: list):
        """The choice of files changed. The browser reports refusals first, then the choice they
        came with: a refusal stays with its own choice and goes away with the next one."""
        if upload_id not in LIMITS or not isinstance(names, list):
            return
        if upload_id in self._refused_this_drop:
            self._refused_this_drop = [u for u in self._refused_this_drop if u != upload_id]
        else:
            self._set_refusal(upload_id, "")

    def _set_refusal(self, upload_id: str, message: str) -> None:
        others = {k: v for k, v in self.refusal.items() if k != upload_id}
        self.refusal = {**others, upload_id: message} if message else others
