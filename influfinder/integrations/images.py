"""Checks and cleans images that people upload: avatars, offer covers, content submissions.

An upload is untrusted bytes. The format is read from the content, never from a file name;
the size in bytes and the pixel count are checked before any pixel is decoded; the image
is decoded in full so that a truncated or corrupt file is refused here and not in a
browser; and it is re-encoded from pixels alone, so EXIF (GPS position, camera serial),
text chunks, comments and colour profiles never leave this module.

Decompression bombs: Pillow's process-wide `Image.MAX_IMAGE_PIXELS` is left alone. Its
`DecompressionBombError` (raised at open for more than twice that limit) becomes our "too
large" message, and our own `max_pixels` check runs on the header size right after open.
Its `DecompressionBombWarning` only fires above its limit (~89 MP), above our 40 MP default,
for images we refuse anyway; catching warnings is not thread-safe, so it is not caught.

Decoding is CPU work: async callers use `sanitize_image_async` / `avatar_async`, which run
in a worker thread (DESIGN rule 7).
"""

from __future__ import annotations

import asyncio
import io
import logging
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
DEFAULT_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
AVATAR_MAX_BYTES = 5 * MEGABYTE
AVATAR_SIDE = 512
COVER_MAX_BYTES = 10 * MEGABYTE
COVER_SIDE = 1600
MAX_PIXELS = 40_000_000  # decoded size a picture may have (width x height), checked before decoding


@dataclass(frozen=True)
class _Kind:
    label: str
    content_type: str
    extension: str
    max_side: int | None  # the encoder's own limit
    save_options: tuple[tuple[str, Any], ...]


_KINDS = {
    "PNG": _Kind("PNG", "image/png", "png", None, ()),
    "JPEG": _Kind("JPEG", "image/jpeg", "jpg", 65_535, (("quality", 85), ("optimize", True))),
    "WEBP": _Kind("WebP", "image/webp", "webp", 16_383, (("quality", 85), ("method", 4))),
}

# What each format's file starts with: data that starts like an accepted format but that
# Pillow cannot open is a broken image, not a wrong kind of file.
_SIGNATURES = {"PNG": (b"\x89PNG\r\n\x1a\n",), "JPEG": (b"\xff\xd8\xff",), "WEBP": (b"RIFF",)}

# What Pillow raises on damaged data, depending on the plugin and where the damage is.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)


class ImageRejected(ValueError):
    """The upload is not an acceptable image; str(error) is a message for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SanitizedImage:
    data: bytes
    format: str  # Pillow's name: "PNG", "JPEG" or "WEBP"
    width: int
    height: int
    content_type: str
    extension: str  # without the dot


def sanitize_image(
    data: bytes,
    *,
    max_bytes: int,
    allowed: set[str] | frozenset[str] = DEFAULT_FORMATS,
    max_pixels: int = MAX_PIXELS,
    max_side: int | None = None,
    square: bool = False,
    output_format: str | None = None,
) -> SanitizedImage:
    """Check `data` and return it re-encoded without metadata.

    `square` crops the centre square; `max_side` then bounds the longest side (never
    enlarging); `output_format` is "PNG", "JPEG" or "WEBP", or None to keep the input's.
    Raises ImageRejected with a message for the person.
    """
    _check_arguments(allowed, output_format)
    if len(data) > max_bytes:
        raise ImageRejected(f"The file is larger than {max_bytes / MEGABYTE:g} MB.")
    img = _open(data, allowed, max_pixels)
    kind = output_format or _kind_of(img)
    max_side = _effective_max_side(max_side, kind)
    picture = _decode(img, max_side)
    picture = _reshape(_clean_pixels(picture, kind), square, max_side)
    return _encode(picture, kind)


async def sanitize_image_async(data: bytes, **options: Any) -> SanitizedImage:
    return await asyncio.to_thread(sanitize_image, data, **options)


def avatar(data: bytes) -> SanitizedImage:
    """A profile picture: PNG, JPEG or WebP up to 5 MB and 40 MP, stored as a centre
    square of at most 512x512 in WebP (smaller pictures are not enlarged)."""
    return sanitize_image(
        data,
        max_bytes=AVATAR_MAX_BYTES,
        allowed=DEFAULT_FORMATS,
        max_pixels=MAX_PIXELS,
        max_side=AVATAR_SIDE,
        square=True,
        output_format="WEBP",
    )


async def avatar_async(data: bytes) -> SanitizedImage:
    return await asyncio.to_thread(avatar, data)


def cover(data: bytes) -> SanitizedImage:
    """An offer's cover photo: PNG, JPEG or WebP up to 10 MB and 40 MP, stored in WebP with its
    longest side at most 1600 (the whole picture: the pages crop it to their own shape)."""
    return sanitize_image(
        data,
        max_bytes=COVER_MAX_BYTES,
        allowed=DEFAULT_FORMATS,
        max_pixels=MAX_PIXELS,
        max_side=COVER_SIDE,
        output_format="WEBP",
    )


def _check_arguments(allowed: set[str] | frozenset[str], output_format: str | None) -> None:
    # These are programming errors, not bad uploads.
    unknown = set(allowed) - _KINDS.keys()
    if unknown or not allowed:
        raise ValueError(f"allowed must be a non-empty subset of {sorted(_KINDS)}, got {sorted(allowed)}")
    if output_format is not None and output_format not in _KINDS:
        raise ValueError(f"output_format must be one of {sorted(_KINDS)}, got {output_format!r}")


def _formats_message(allowed: set[str] | frozenset[str]) -> str:
    labels = [_KINDS[name].label for name in _KINDS if name in allowed]
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
    return f"Only {listed} images are accepted."


def _too_large(max_pixels: int) -> ImageRejected:
    return ImageRejected(f"The image is too large (over {max_pixels / 1_000_000:g} megapixels).")


def _unreadable() -> ImageRejected:
    return ImageRejected("The file could not be read as an image.")


def _looks_like(data: bytes, allowed: set[str] | frozenset[str]) -> bool:
    return any(data.startswith(sig) for name in allowed for sig in _SIGNATURES[name])


def _open(data: bytes, allowed: set[str] | frozenset[str], max_pixels: int) -> Image.Image:
    """Read the header only: format and size. No pixel is decoded here."""
    try:
        # `formats` keeps Pillow's other parsers (EPS, PSD, ...) away from untrusted bytes.
        img = Image.open(io.BytesIO(data), formats=sorted(allowed))
    except Image.DecompressionBombError:
        raise _too_large(max_pixels) from None
    except UnidentifiedImageError:
        raise (_unreadable() if _looks_like(data, allowed) else ImageRejected(_formats_message(allowed))) from None
    except _DECODE_ERRORS:
        raise _unreadable() from None
    if _kind_of(img) not in allowed:
        raise ImageRejected(_formats_message(allowed))
    if img.width * img.height > max_pixels:
        raise _too_large(max_pixels)
    return img


def _kind_of(img: Image.Image) -> str:
    # Cameras and phones write MPO: a JPEG followed by more pictures. Its first is a JPEG.
    return "JPEG" if img.format == "MPO" else str(img.format)


def _effective_max_side(max_side: int | None, kind: str) -> int | None:
    limit = _KINDS[kind].max_side
    if limit is None:
        return max_side
    return limit if max_side is None else min(max_side, limit)


def _decode(img: Image.Image, max_side: int | None) -> Image.Image:
    """Decode every pixel (so damage shows here) and turn the picture upright."""
    try:
        if max_side and _kind_of(img) == "JPEG":
            # Lets libjpeg decode at 1/2, 1/4 or 1/8 scale, still at least max_side.
            img.draft(img.mode, (max_side, max_side))
        img.load()
    except _DECODE_ERRORS:
        raise _unreadable() from None
    return _upright(img)


def _upright(img: Image.Image) -> Image.Image:
    try:
        ImageOps.exif_transpose(img, in_place=True)  # in place: no copy of an upright photo
    except Exception:  # noqa: BLE001 - a broken EXIF block must not cost the person their photo
        log.warning("ignoring unreadable EXIF orientation", exc_info=True)
    return img


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


def _clean_pixels(img: Image.Image, kind: str) -> Image.Image:
    """Pixels in sRGB as RGB or RGBA, with every piece of metadata dropped.

    The info dict is emptied because some encoders copy from it by default (PNG: the ICC
    profile and transparency; JPEG: the comment).
    """
    mode = "RGBA" if _has_alpha(img) else "RGB"
    img = _to_srgb(img)
    img = img if img.mode == mode else img.convert(mode)
    if kind == "JPEG" and img.mode == "RGBA":
        img = _flatten(img)
    img.info = {}
    return img


def _to_srgb(img: Image.Image) -> Image.Image:
    """Apply an embedded colour profile to the pixels, so the profile itself can be dropped
    and a wide-gamut or CMYK photo still shows its colours."""
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(img, source, srgb, outputMode=out_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        log.info("ignoring an unusable embedded colour profile")
        return img


def _flatten(img: Image.Image) -> Image.Image:
    # JPEG has no transparency: transparent parts become white, as on a white page.
    background = Image.new("RGB", img.size, "white")
    background.paste(img, mask=img.getchannel("A"))
    return background


def _reshape(img: Image.Image, square: bool, max_side: int | None) -> Image.Image:
    if square and img.width != img.height:
        side = min(img.size)
        left, top = (img.width - side) // 2, (img.height - side) // 2
        img = img.crop((left, top, left + side, top + side))
    if max_side and max(img.size) > max_side:
        img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return img


def _encode(img: Image.Image, kind: str) -> SanitizedImage:
    spec = _KINDS[kind]
    buffer = io.BytesIO()
    img.save(buffer, format=kind, **dict(spec.save_options))
    return SanitizedImage(
        data=buffer.getvalue(),
        format=kind,
        width=img.width,
        height=img.height,
        content_type=spec.content_type,
        extension=spec.extension,
    )
