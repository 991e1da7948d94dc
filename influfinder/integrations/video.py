"""Checks that uploaded bytes are an MP4 video, by content (never by the file's name).

An MP4 is a sequence of ISO BMFF boxes: a 4-byte big-endian size, a 4-character type, then the
box's data. A real file starts with an 'ftyp' box whose major or compatible brands name an
MP4 family (isom, mp41, mp42, avc1, M4V ...), and holds a 'moov' box with the track tables.
The whole top level is walked: every box must fit inside the file, so a declared length that
runs past the end, or anything that is not boxes (a ZIP renamed .mp4), is refused here.

Nothing is decoded and no player runs here: this is a cheap gate before the file is stored and
served with `Content-Type: video/mp4` and `X-Content-Type-Options: nosniff`. The check reads
only box headers, so a 100 MB upload is checked where it lies (the upload's temporary file)
and never held in memory.
"""

from __future__ import annotations

import io
import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

MEGABYTE = 1024 * 1024
VIDEO_MAX_BYTES = 100 * MEGABYTE
CONTENT_TYPE = "video/mp4"
EXTENSION = "mp4"

# Brands of the MP4 family (ISO base media, MPEG-4 v1/v2, AVC, Apple's M4V, DASH, 3GPP-free).
MP4_BRANDS = frozenset({
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"M4VH",
    b"M4VP", b"dash", b"mmp4", b"MSNV", b"f4v ",
})
_MIN_FTYP = 16  # size, 'ftyp', major brand, minor version
_MAX_FTYP = 4096  # a brand list, not a payload
_MAX_BOXES = 10_000  # a real file has a handful at the top level


class VideoRejected(ValueError):
    """The upload is not an acceptable video; `message` is for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedVideo:
    data: bytes | BinaryIO  # what was checked: the bytes, or the open file (rewound)
    brand: str  # the major brand, e.g. "isom"
    size: int = 0
    content_type: str = CONTENT_TYPE
    extension: str = EXTENSION


NOT_MP4 = "Only MP4 videos are accepted."
BROKEN = "The video file is damaged or incomplete."


def looks_like_mp4(data: bytes) -> bool:
    """True when the bytes start like an ISO BMFF file ('ftyp' at offset 4): worth a full check."""
    return len(data) >= 8 and data[4:8] == b"ftyp"


def check_mp4(data: bytes | BinaryIO, *, max_bytes: int = VIDEO_MAX_BYTES) -> CheckedVideo:
    """Return the video when `data` (bytes, or a seekable binary file) is a whole MP4 file of at
    most `max_bytes`; else raise VideoRejected. A file is read box header by box header."""
    if isinstance(data, (bytes, bytearray)):
        data = bytes(data)
        handle: BinaryIO = io.BytesIO(data)
    elif hasattr(data, "read") and hasattr(data, "seek"):
        handle = data
    else:
        raise VideoRejected(NOT_MP4)
    size = handle.seek(0, os.SEEK_END)
    if size > max_bytes:
        raise VideoRejected(f"The video is larger than {max_bytes / MEGABYTE:g} MB.")
    head = _read_at(handle, 0, _MAX_FTYP)
    if not looks_like_mp4(head):
        raise VideoRejected(NOT_MP4)
    brand = _check_ftyp(head, size)
    if b"moov" not in _top_level_boxes(handle, size):
        raise VideoRejected(BROKEN)
    handle.seek(0)
    return CheckedVideo(data=data, brand=brand.decode("latin-1").strip(), size=size)


def _read_at(handle: BinaryIO, offset: int, length: int) -> bytes:
    handle.seek(offset)
    return handle.read(length)


def _check_ftyp(data: bytes, file_size: int) -> bytes:
    size = struct.unpack(">I", data[:4])[0]
    if not _MIN_FTYP <= size <= min(_MAX_FTYP, file_size) or (size - _MIN_FTYP) % 4:
        raise VideoRejected(BROKEN if size > file_size else NOT_MP4)
    major = data[8:12]
    compatible = {data[i:i + 4] for i in range(_MIN_FTYP, size, 4)}
    if major not in MP4_BRANDS and not compatible & MP4_BRANDS:
        raise VideoRejected(NOT_MP4)
    return major


def _top_level_boxes(handle: BinaryIO, end: int) -> list[bytes]:
    """The types of the top-level boxes, in order; refuses a box that does not fit the file."""
    types: list[bytes] = []
    offset = 0
    while offset < end:
        if len(types) >= _MAX_BOXES or end - offset < 8:
            raise VideoRejected(BROKEN)
        header_bytes = _read_at(handle, offset, 16)
        size, kind = struct.unpack(">I4s", header_bytes[:8])
        header = 8
        if size == 1:  # a 64-bit size follows the type
            if end - offset < 16:
                raise VideoRejected(BROKEN)
            size, header = struct.unpack(">Q", header_bytes[8:16])[0], 16
        elif size == 0:  # "to the end of the file": only the last box may say so
            size = end - offset
        if size < header or size > end - offset or not _printable(kind):
            raise VideoRejected(BROKEN)
        types.append(kind)
        offset += size
    return types


def _printable(kind: bytes) -> bool:
    # Box types are four characters such as 'moov', 'mdat', '©xyz' (Latin-1 0xA9 is allowed).
    return all(32 <= b < 127 or b == 0xA9 for b in kind)
