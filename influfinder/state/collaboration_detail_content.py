"""The content form of the collaboration page, read on the server: its files and its fields.

Everything arrives as the browser sent it; what is not a form, or files past the limits, become a
message for the person instead (the services check the content itself).
"""

from __future__ import annotations

import os
from typing import BinaryIO

from influfinder.domain.enums import Platform
from influfinder.i18n import _
from influfinder.services.submission_checks import MAX_FILES, MAX_TOTAL_BYTES, MEGABYTE, VIDEO_MAX_BYTES
from influfinder.state.forms import form_flag, form_text
from influfinder.state.upload_feedback import CONTENT as UPLOAD_ID


async def read_files(files: object) -> list[tuple[str, BinaryIO]] | str:
    """The uploaded files as (name, open file); a message instead when there are too many or one is too big.

    The files stay where the upload put them (temporary files on disk): a 100 MB video is checked
    and stored from there in chunks, never read whole into memory.
    """
    if not isinstance(files, list):
        return _("The files could not be read. Choose them again.")
    if len(files) > MAX_FILES:
        return _("Send at most {MAX_FILES} files at a time.").format(MAX_FILES=MAX_FILES)
    read, total = [], 0
    for upload in files:
        handle = getattr(upload, "file", None)
        if handle is None or not hasattr(handle, "seek"):
            return _("The files could not be read. Choose them again.")
        size = handle.seek(0, os.SEEK_END)
        handle.seek(0)
        if size > VIDEO_MAX_BYTES:
            return _("{label} is larger than {value} MB.").format(label=upload.name or _("A file"),
                                                                   value=VIDEO_MAX_BYTES // MEGABYTE)
        total += size
        if total > MAX_TOTAL_BYTES:
            return _("The files add up to more than {value} MB.").format(value=MAX_TOTAL_BYTES // MEGABYTE)
        read.append((upload.name or "", handle))
    return read


def content_fields(form: object):
    """(links, captions, platform, post id, paid partnership) from the form, or None if it is not a form."""
    if not isinstance(form, dict):
        return None
    links = form_text(form, "links", 25_000)
    platform = form_text(form, "platform", 20)
    post_id = form_text(form, "post_id", 200)
    captions = {p.value: form_text(form, f"caption_{p.value}", 3000) for p in Platform}
    if None in (links, platform, post_id) or None in captions.values():
        return None
    urls = [line.strip() for line in links.splitlines() if line.strip()]
    return urls, captions, platform, post_id, form_flag(form, "paid_partnership")
