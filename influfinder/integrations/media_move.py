"""Moving media out of Reflex's public upload folder, for installations made before issue 10.

Until then UPLOAD_DIR defaulted to `uploaded_files`, the very folder Reflex serves to anyone at
GET /_upload/<path>. Our media now live in their own folder (UPLOAD_DIR, default `media`). On
start, and with `python3 -m influfinder move-media`, every folder our code stores into is moved
from Reflex's folder into ours. Moving is idempotent: a second run finds nothing to move, and a
file already present at the destination is never overwritten (the leftover is reported).
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from influfinder.integrations.storage import DIR_MODE, TOP_FOLDERS
from influfinder.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class MoveReport:
    moved: int = 0
    kept: list[Path] = field(default_factory=list)  # files left behind: the destination had one


def move_media_out_of_public_folder(settings: Settings) -> MoveReport:
    """Move our folders from REFLEX_UPLOADED_FILES_DIR into UPLOAD_DIR; logs what it did."""
    report = MoveReport()
    public, ours = settings.reflex_uploaded_files_dir, settings.upload_dir
    if settings.media_is_public or not public.is_dir():
        return report  # nothing can be moved (the start refuses the first case anyway)
    for folder in TOP_FOLDERS:
        source = public / folder
        if source.is_dir() and not source.is_symlink():
            _merge(source, ours / folder, report)
    if report.moved:
        log.warning("Moved %d media files from Reflex's public folder %s to %s (UPLOAD_DIR): "
                    "they are served only through the authorized /media routes now.", report.moved, public, ours)
    for path in report.kept:
        log.error("Not moved (a file of that name is already in UPLOAD_DIR): %s. It is still public: "
                  "compare the two and delete this one.", path)
    return report


def _merge(source: Path, target: Path, report: MoveReport) -> None:
    target.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        destination = target / entry.name
        if entry.is_symlink():
            report.kept.append(entry)
        elif entry.is_dir():
            _merge(entry, destination, report)
        elif destination.exists():
            report.kept.append(entry)
        else:
            shutil.move(str(entry), str(destination))
            report.moved += 1
    if not any(source.iterdir()):
        os.rmdir(source)
