"""Uploads you can see: thumbnails of the chosen files, the refusal of a file the browser can judge,
and a progress bar with its percent while the files travel, then the server's turn.

Used by every upload place (content submission, chat attachments, offer cover, avatar), each by its
upload id; the limits and the messages are in state/upload_feedback.py.
"""

from __future__ import annotations

import reflex as rx
from reflex_base.event import passthrough_event_spec

from influfinder.components.forms import field_error
from influfinder.i18n import N_, translated
from influfinder.state.upload_feedback import LIMITS, SENDING, UploadFeedbackState as F

COPY = {
    "chosen": N_("Chosen files"),
    "sending": N_("Sending your files…"),
    "sent": N_("Sent. Checking the files…"),
    "progress": N_("Upload progress"),
    "percent": N_("{n}%"),
}


class UploadPreviews(rx.Component):
    """assets/upload_previews.jsx: thumbnails (a video's first frame) of one upload zone's chosen files."""

    library = "$/public/upload_previews.jsx"
    tag = "UploadPreviews"

    upload_id: rx.Var[str]
    label: rx.Var[str]
    on_files_change: rx.EventHandler[passthrough_event_spec(list[str])]


def upload_previews(upload_id: str) -> rx.Component:
    return UploadPreviews.create(upload_id=upload_id, label=translated(COPY["chosen"]),
                                 on_files_change=lambda names: F.chose(upload_id, names))


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


def send_files(upload_id: str) -> rx.Var:
    """rx.upload_files for this zone, reporting its progress to the bar."""
    return rx.upload_files(upload_id=upload_id, on_upload_progress=lambda report: F.progressed(upload_id, report))


def uploading(upload_id: str) -> rx.Var[bool]:
    """True from the moment the browser starts sending until the server has answered."""
    return F.stage.get(upload_id, "") != ""


def upload_refusal(upload_id: str) -> rx.Component:
    return field_error(F.refusal.get(upload_id, ""))


def upload_progress(upload_id: str, *, only_with_files: bool = True) -> rx.Component:
    """The bar and its percent while sending; then "Sent. Checking the files…" until the answer.

    A form that also sends without files (a chat message, a links-only submission) shows the bar
    only when files were chosen; the cover sends as soon as a photo is dropped (`only_with_files=False`).
    """
    stage, percent = F.stage.get(upload_id, ""), F.percent.get(upload_id, 0)
    before, _n, after = translated(COPY["percent"]).partition("{n}")
    shown = stage != ""
    if only_with_files:
        shown = shown & (rx.selected_files(upload_id).length() > 0)
    return rx.cond(
        shown,
        rx.vstack(
            rx.hstack(
                rx.text(rx.cond(stage == SENDING, translated(COPY["sending"]), translated(COPY["sent"])),
                        size="2", role="status"),
                rx.spacer(),
                rx.text(before, percent, after, size="2", weight="medium", class_name="tabular",
                        data_testid="upload-percent"),
                width="100%", align="center",
            ),
            rx.progress(value=percent, max=100, aria_label=translated(COPY["progress"]), size="2", width="100%"),
            spacing="1", width="100%", data_testid="upload-progress",
        ),
    )
