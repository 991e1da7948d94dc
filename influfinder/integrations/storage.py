"""Files people upload, kept under settings.upload_dir.

The storage only stores: it never serves. A file is named by a key such as
"avatars/Zk3...Q.webp": a folder chosen by our code and a random name chosen here, so no
part of a path ever comes from a person. Every key is checked against a strict pattern
and, after symlinks are followed, must still lie inside the root.

Public or private is decided by the folder: avatars and offer covers may be served to anyone
(by routes in `api/`); content submissions only to the parties of the collaboration, after a check.

Calls do blocking file I/O: async callers run them with asyncio.to_thread.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from influfinder.integrations.prometheus_metrics import UPLOAD_BYTES
from influfinder.settings import get_settings

AVATARS = "avatars"
COVERS = "covers"
SUBMISSIONS = "submissions"
ATTACHMENTS = "attachments"
PUBLIC_FOLDERS = frozenset({AVATARS, COVERS})
TOP_FOLDERS = (AVATARS, COVERS, SUBMISSIONS, ATTACHMENTS)  # every folder our code stores into

COPY_CHUNK = 1024 * 1024
FILE_MODE = 0o640
DIR_MODE = 0o750

# One to four lowercase folder segments, then a random name and an extension. No dots in
# folders (so no "." or ".."), no leading "/", no backslash, no NUL, no newline.
_SEGMENT = r"[a-z0-9][a-z0-9_-]{0,62}"
_FOLDER_RE = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT}){{0,3}}")
_EXTENSION_RE = re.compile(r"[a-z0-9]{1,10}")
_KEY_RE = re.compile(rf"(?:{_SEGMENT}/){{1,4}}[A-Za-z0-9_-]{{16,64}}\.[a-z0-9]{{1,10}}")


class InvalidKey(ValueError):
    """A key, folder or extension that our code would never produce."""


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def save(self, data: bytes | BinaryIO, *, folder: str, extension: str) -> str:
        """Store `data` (bytes, or an open binary file copied from its start in chunks, so a large
        upload is never held in memory) under a new random name and return its key."""
        folder, extension = _check_folder(folder), _check_extension(extension)
        key = f"{folder}/{secrets.token_urlsafe(16)}.{extension}"
        path = self.open_path(key)
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        UPLOAD_BYTES.inc(_write_atomically(path, data))
        return key

    def open_path(self, key: str) -> Path:
        """The file's path; refuses any key that could point outside the root."""
        if not isinstance(key, str) or not _KEY_RE.fullmatch(key):
            raise InvalidKey("not a storage key")
        root = self.root.resolve()
        path = (root / key).resolve()  # follows symlinks, so a link cannot lead outside
        if not path.is_relative_to(root):
            raise InvalidKey("not a storage key")
        return path

    def read(self, key: str) -> bytes:
        """Raises FileNotFoundError when nothing is stored under `key`."""
        return self.open_path(key).read_bytes()

    def delete(self, key: str) -> bool:
        """Remove the file; False when there was none (deleting twice is not an error)."""
        try:
            self.open_path(key).unlink()
        except FileNotFoundError:
            return False
        return True

    def exists(self, key: str) -> bool:
        return self.open_path(key).is_file()


def is_public(key: str) -> bool:
    """Whether the file may be served to anyone; private files need an authorization check."""
    return isinstance(key, str) and bool(_KEY_RE.fullmatch(key)) and key.split("/", 1)[0] in PUBLIC_FOLDERS


def default_storage() -> LocalStorage:
    # Built on each call, so tests that change UPLOAD_DIR and reset settings see it.
    return LocalStorage(get_settings().upload_dir)


def save(data: bytes | BinaryIO, *, folder: str, extension: str) -> str:
    return default_storage().save(data, folder=folder, extension=extension)


def open_path(key: str) -> Path:
    return default_storage().open_path(key)


def read(key: str) -> bytes:
    return default_storage().read(key)


def delete(key: str) -> bool:
    return default_storage().delete(key)


def _check_folder(folder: str) -> str:
    if not isinstance(folder, str) or not _FOLDER_RE.fullmatch(folder):
        raise InvalidKey(f"folder must match {_FOLDER_RE.pattern}")
    return folder


def _check_extension(extension: str) -> str:
    # "webp", ".webp" and "WEBP" all mean the same extension.
    cleaned = extension.lower().removeprefix(".") if isinstance(extension, str) else ""
    if not _EXTENSION_RE.fullmatch(cleaned):
        raise InvalidKey("extension must be 1 to 10 letters or digits")
    return cleaned


def _write_atomically(path: Path, data: bytes | BinaryIO) -> int:
    """Readers see the old state or the whole new file, never half of it. Returns the bytes written.

    The temporary name starts with a dot, which no key can match, so a file that a crash
    left behind can never be served.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, (bytes, bytearray)):
                handle.write(data)
            else:
                data.seek(0)
                shutil.copyfileobj(data, handle, COPY_CHUNK)
            handle.flush()
            os.fsync(handle.fileno())
            written = handle.tell()
        os.chmod(tmp, FILE_MODE)  # explicit: not subject to the umask
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_directory(path.parent)
    return written


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself survive a power cut.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
