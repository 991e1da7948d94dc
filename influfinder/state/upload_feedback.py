"""What the browser reports about an upload while it happens: files it refused, how far the sending
is, then the server's turn. One state for the four upload places (content, chat, cover, avatar).

The browser checks type, size and count before anything is sent (react-dropzone, with the same
limits the server applies: the numbers are imported from the services, never repeated); what it
refuses is explained here in the viewer's language. Progress comes from the upload's own
XMLHttpRequest (rx.upload_files' on_upload_progress). The handler that receives the files calls
`upload_finished` when it is done, so the bar goes away with the answer.

Every handler is a public RPC: it changes only this tab's feedback and checks what it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, _, ngettext, translated
from influfinder.integrations.images import AVATAR_MAX_BYTES, COVER_MAX_BYTES
from influfinder.services import message_files, submission_checks
from influfinder.settings import get_settings

CONTENT, CHAT, COVER, AVATAR = "content_files", "chat-files", "cover", "avatar"
SENDING, SENT = "sending", "sent"
MEGABYTE = 1024 * 1024
MAX_NAMED = 5  # refused files named in one message; the rest are counted
_PHOTOS = {"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/webp": [".webp"]}
PHOTO_KINDS = N_("Only PNG, JPEG or WebP images are accepted.")


@dataclass(frozen=True)
class UploadLimits:
    """One upload place's limits, as react-dropzone checks them and as the refusal names them."""

    accept: dict[str, list[str]]
    max_file_bytes: int
    max_files: int
    kinds: str  # the sentence that says which files are accepted (an N_ message id)

    @property
    def max_size(self) -> int:
        """Per file; never more than the server takes in one request (MAX_UPLOAD_MB)."""
        return min(self.max_file_bytes, get_settings().max_upload_bytes)


LIMITS: dict[str, UploadLimits] = {
    CONTENT: UploadLimits({**_PHOTOS, "video/mp4": [".mp4", ".m4v"]}, submission_checks.VIDEO_MAX_BYTES,
                          submission_checks.MAX_FILES, submission_checks.ACCEPTED_KINDS),
    CHAT: UploadLimits({**_PHOTOS, "application/pdf": [".pdf"]}, message_files.MAX_BYTES, message_files.MAX_FILES,
                       message_files.ACCEPTED),
    COVER: UploadLimits(_PHOTOS, COVER_MAX_BYTES, 1, PHOTO_KINDS),
    AVATAR: UploadLimits(_PHOTOS, AVATAR_MAX_BYTES, 1, PHOTO_KINDS),
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
    return translated(limits.kinds)


def _file_name(file: object) -> str:
    """The refused file's name as its owner knows it (react-dropzone's path is "./name" or a folder path)."""
    path = file.get("path") if isinstance(file, dict) else None
    name = path.rsplit("/", 1)[-1] if isinstance(path, str) else ""
    return name[:120] or _("A file")


class UploadFeedbackState(rx.State):
    """Per upload place (its upload id): the stage, the percent sent, and why files were refused."""

    stage: dict[str, str] = {}  # SENDING while the browser sends, SENT while the server checks
    percent: dict[str, int] = {}
    refusal: dict[str, str] = {}
    _refused_this_drop: list[str] = []  # refusals made before the choice they belong to is reported

    @rx.event
    def sending(self, upload_id: str):
        """Runs just before the browser starts sending (the next event of the same chain)."""
        if upload_id in LIMITS:
            self.stage = {**self.stage, upload_id: SENDING}
            self.percent = {**self.percent, upload_id: 0}
            self._set_refusal(upload_id, "")

    @rx.event
    def progressed(self, upload_id: str, report: dict):
        """{"progress": 0..1, "loaded", "total"} from the upload's XMLHttpRequest."""
        progress = report.get("progress") if isinstance(report, dict) else None
        if upload_id not in LIMITS or self.stage.get(upload_id) != SENDING:
            return  # a late report after the server already answered: the bar is gone
        if not isinstance(progress, (int, float)) or isinstance(progress, bool) or not 0 <= progress <= 1:
            return
        self.percent = {**self.percent, upload_id: int(progress * 100)}
        if progress >= 1:
            self.stage = {**self.stage, upload_id: SENT}

    @rx.event
    def refused(self, upload_id: str, rejected: list):
        """The browser refused files before sending anything (type, size or count)."""
        if upload_id in LIMITS:
            self._set_refusal(upload_id, refusal_text(rejected, LIMITS[upload_id]))
            if upload_id not in self._refused_this_drop:
                self._refused_this_drop = [*self._refused_this_drop, upload_id]

    @rx.event
    def chose(self, upload_id: str, names: list):
        """The choice of files changed. react-dropzone reports refusals first, then the choice they
        came with: a refusal stays with its own choice and goes away with the next one."""
        if upload_id not in LIMITS or not isinstance(names, list):
            return
        if upload_id in self._refused_this_drop:
            self._refused_this_drop = [u for u in self._refused_this_drop if u != upload_id]
        else:
            self._set_refusal(upload_id, "")

    def _finish(self, upload_id: str) -> None:
        self.stage = {k: v for k, v in self.stage.items() if k != upload_id}
        self.percent = {k: v for k, v in self.percent.items() if k != upload_id}

    def _set_refusal(self, upload_id: str, message: str) -> None:
        others = {k: v for k, v in self.refusal.items() if k != upload_id}
        self.refusal = {**others, upload_id: message} if message else others


async def upload_received(state: rx.State, upload_id: str) -> None:
    """The handler runs: every byte has arrived (the browser's last progress report may still be on
    its way), so the bar says 100 % and that the server is checking."""
    feedback = await state.get_state(UploadFeedbackState)
    if feedback.stage.get(upload_id):
        feedback.stage = {**feedback.stage, upload_id: SENT}
        feedback.percent = {**feedback.percent, upload_id: 100}


async def upload_finished(state: rx.State, upload_id: str) -> None:
    """The server is done with this upload (stored, refused or failed): the bar goes."""
    feedback = await state.get_state(UploadFeedbackState)
    feedback._finish(upload_id)
