"""Uploads you can see: thumbnails of the chosen files, the refusal of a file the browser can judge,
and a progress bar with its percent while the files travel, then the server's turn, or a message
when the sending failed.

Used by every upload place (content submission, chat attachments, offer cover, avatar), each by its
upload id; the limits and the refusals are in state/upload_feedback.py. The bar lives in the browser
(assets/upload_progress.jsx follows the upload's own request), so a click sends one event: the upload.
"""

from __future__ import annotations

from collections.abc import Sequence

import reflex as rx
from reflex_base.event import EventHandler, passthrough_event_spec
from reflex_base.utils.format import format_event_handler

from influfinder.components.forms import field_error
from influfinder.i18n import N_, translated
from influfinder.state.upload_feedback import LIMITS, UploadFeedbackState as F

COPY = {
    "chosen": N_("Chosen files"),
    "sending": N_("Sending your files…"),
    "sent": N_("Sent. Checking the files…"),
    "progress": N_("Upload progress"),
    "percent": N_("{n}%"),
    "too_large": N_("The files could not be sent: together they are larger than the server takes at once. "
                    "Choose fewer or smaller files and try again."),
    "failed": N_("The files could not be sent (the connection was lost or the server did not answer). "
                 "Your files are still chosen: try again."),
}


class UploadPreviews(rx.Component):
    """assets/upload_previews.jsx: thumbnails (a video's first frame) of one upload zone's chosen files,
    and the per-kind size and pixel checks react-dropzone cannot make."""

    library = "$/public/upload_previews.jsx"
    tag = "UploadPreviews"

    upload_id: rx.Var[str]
    label: rx.Var[str]
    checks: rx.Var[dict[str, int]]
    on_files_change: rx.EventHandler[passthrough_event_spec(list[str])]
    on_refused: rx.EventHandler[passthrough_event_spec(list[dict])]


class UploadProgress(rx.Component):
    """assets/upload_progress.jsx: the bar of one upload id, or the message of its failed sending."""

    library = "$/public/upload_progress.jsx"
    tag = "UploadProgress"

    upload_id: rx.Var[str]
    handlers: rx.Var[list[str]]
    texts: rx.Var[dict[str, str]]
    only_with_files: rx.Var[bool]


def upload_previews(upload_id: str) -> rx.Component:
    return UploadPreviews.create(upload_id=upload_id, label=translated(COPY["chosen"]),
                                 checks=LIMITS[upload_id].browser_checks(),
                                 on_files_change=lambda names: F.chose(upload_id, names),
                                 on_refused=lambda rejected: F.refused(upload_id, rejected))


def named_rejections(rejected: rx.Var) -> rx.Var:
    """react-dropzone's rejections with each file's name: a File's name (and react-dropzone's `path`)
    are not own enumerable properties, so the File itself reaches the server as {}."""
    return rx.Var(_js_expr=f"({rejected!s}).map((r) => ({{file: {{path: r.file?.name ?? ''}}, "
                           f"errors: (r.errors ?? []).map((e) => ({{code: e.code}}))}}))",
                  _var_type=list, _var_data=rejected._get_all_var_data())


def zone_limits(upload_id: str, on_refused=None) -> dict:
    """rx.upload.root's props that make the browser check type, size and count before sending;
    a refusal goes to `on_refused` (an event handler taking the rejections) or to the shared message."""
    limits = LIMITS[upload_id]
    handler = on_refused or (lambda rejected: F.refused(upload_id, rejected))
    return dict(accept=limits.accept, max_size=limits.max_size, max_files=limits.max_files,
                multiple=limits.max_files > 1,
                on_drop_rejected=lambda rejected: handler(named_rejections(rejected)))


def upload_refusal(upload_id: str) -> rx.Component:
    return field_error(F.refusal.get(upload_id, ""))


def upload_progress(upload_id: str, handlers: Sequence[EventHandler], *, only_with_files: bool = True) -> rx.Component:
    """The bar and its percent while sending, then "Sent. Checking the files…" until the answer; if
    the sending fails, a message saying so (the files stay chosen, to try again).

    `handlers` are the upload handlers that send this zone's files. A form that also sends without
    files (a chat message, a links-only submission) shows the bar only when files go; the cover
    sends as soon as a photo is dropped (`only_with_files=False`).
    """
    texts = {"sending": translated(COPY["sending"]), "sent": translated(COPY["sent"]),
             "progress": translated(COPY["progress"]), "percent": translated(COPY["percent"]),
             "tooLarge": translated(COPY["too_large"]),
             "failed": translated(COPY["failed"])}
    return UploadProgress.create(upload_id=upload_id, handlers=[format_event_handler(h) for h in handlers],
                                 texts=texts, only_with_files=only_with_files)
