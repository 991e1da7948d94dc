"""Files people upload, made here byte by byte: photos (Pillow), MP4 box layouts, archives, bombs."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

from PIL import Image, ImageDraw

CAMERA_MAKE = "SecretCam 3000"  # written into EXIF: it must never reach a stored file


def photo(width: int = 1200, height: int = 900, *, fmt: str = "JPEG", seed: int = 3) -> bytes:
    """A busy, well-lit picture with a camera make in its EXIF block."""
    rnd = random.Random(seed)
    img = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y, size = rnd.randrange(width), rnd.randrange(height), rnd.randrange(20, 240)
        draw.rectangle([x, y, x + size, y + size], fill=tuple(rnd.randrange(256) for _ in range(3)),
                       outline=(0, 0, 0), width=3)
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKE  # Make
    buffer = io.BytesIO()
    img.save(buffer, fmt, exif=exif.tobytes(), **({"quality": 90} if fmt == "JPEG" else {}))
    return buffer.getvalue()


def box(kind: bytes, payload: bytes = b"") -> bytes:
    """One ISO BMFF box: 4-byte big-endian size, 4-character type, payload."""
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def ftyp(major: bytes = b"isom", *compatible: bytes) -> bytes:
    brands = b"".join(compatible or (b"isom", b"iso2", b"avc1", b"mp41"))
    return box(b"ftyp", major + struct.pack(">I", 512) + brands)


def mvhd() -> bytes:
    # version 0: creation/modification time, timescale 1000, duration 2000 (2 s), rate 1.0,
    # volume 1.0, reserved, the unity matrix's 36 bytes, pre-defined, next track id 2.
    payload = struct.pack(">I", 0) + struct.pack(">IIII", 0, 0, 1000, 2000) + struct.pack(">IH", 0x10000, 0x100)
    payload += b"\x00" * 10 + b"\x00" * 36 + b"\x00" * 24 + struct.pack(">I", 2)
    return box(b"mvhd", payload)


def mp4(major: bytes = b"isom", *compatible: bytes, media: bytes = b"\x00\x00\x01\x65" * 64) -> bytes:
    """The top level ffmpeg writes for a fast-start file: ftyp, moov (with mvhd), free, mdat."""
    return ftyp(major, *compatible) + box(b"moov", mvhd()) + box(b"free") + box(b"mdat", media)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("clip.mp4", b"not really a video" * 100)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG file that declares width x height pixels: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))
