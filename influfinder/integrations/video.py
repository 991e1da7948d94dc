"""Checks that uploaded bytes are an MP4 video, by content (never by the file's name).

An MP4 is a sequence of ISO BMFF boxes: a 4-byte big-endian size, a 4-character type, then the
box's data. A real file starts with an 'ftyp' box whose major or compatible brands name an
MP4 family (isom, mp41, mp42, avc1, M4V ...), and holds a 'moov' box with the track tables.
The whole top level is walked: every box must fit inside the file, so a declared length that
runs past the end, or anything that is not boxes (a ZIP renamed .mp4), is refused here.

Nothing is decoded and no player runs here: this is a cheap gate before the file is stored and
served with `Content-Type: video/mp4` and `X-Content-Type-Options: nosniff`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

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
    data: bytes
    brand: str  # the major brand, e.g. "isom"
    content_type: str = CONTENT_TYPE
    extension: str = EXTENSION


NOT_MP4 = "Only MP4 videos are accepted."
BROKEN = "The video file is damaged or incomplete."


def looks_like_mp4(data: bytes) -> bool:
    """True when the bytes start like an ISO BMFF file ('ftyp' at offset 4): worth a full check."""
    return len(data) >= 8 and data[4:8] == b"ftyp"


def check_mp4(data: bytes, *, max_bytes: int = VIDEO_MAX_BYTES) -> CheckedVideo:
    """Return the video when `data` is a whole MP4 file of at most `max_bytes`; else raise VideoRejected."""
    if not isinstance(data, (bytes, bytearray)):
        raise VideoRejected(NOT_MP4)
    if len(data) > max_bytes:
        raise VideoRejected(f"The video is larger than {max_bytes / MEGABYTE:g} MB.")
    if not looks_like_mp4(data):
        raise VideoRejected(NOT_MP4)
    brand = _check_ftyp(data)
    boxes = _top_level_boxes(data)
    if b"moov" not in boxes:
        raise VideoRejected(BROKEN)
    return CheckedVideo(data=bytes(data), brand=brand.decode("latin-1").strip())


def _check_ftyp(data: bytes) -> bytes:
    size = struct.unpack(">I", data[:4])[0]
    if not _MIN_FTYP <= size <= min(_MAX_FTYP, len(data)) or (size - _MIN_FTYP) % 4:
        raise VideoRejected(BROKEN if size > len(data) else NOT_MP4)
    major = data[8:12]
    compatible = {data[i:i + 4] for i in range(_MIN_FTYP, size, 4)}
    if major not in MP4_BRANDS and not compatible & MP4_BRANDS:
        raise VideoRejected(NOT_MP4)
    return major


def _top_level_boxes(data: bytes) -> list[bytes]:
    """The types of the top-level boxes, in order; refuses a box that does not fit the file."""
    types: list[bytes] = []
    offset, end = 0, len(data)
    while offset < end:
        if len(types) >= _MAX_BOXES or end - offset < 8:
            raise VideoRejected(BROKEN)
        size, kind = struct.unpack(">I4s", data[offset:offset + 8])
        header = 8
        if size == 1:  # a 64-bit size follows the type
            if end - offset < 16:
                raise VideoRejected(BROKEN)
            size, header = struct.unpack(">Q", data[offset + 8:offset + 16])[0], 16
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
