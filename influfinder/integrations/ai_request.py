"""What an analyzer is given and how it fails: the request, the error people read, and the bounded
image loader both analyzers use. Apart from integrations/ai.py so the analyzers need not import the
module that chooses between them (no import circle).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PIL import Image, UnidentifiedImageError

from influfinder.domain.enums import OfferCategory, Platform
from influfinder.domain.offer_terms import ContentSpecs


# Stored media is already checked on upload (at most 40 MP); this bound only keeps a
# mistaken caller from decoding a decompression bomb.
MAX_PIXELS = 50_000_000


class AnalysisFailed(RuntimeError):
    """The analysis could not be made; str(error) is a message for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class AnalysisRequest:
    """One submission to analyze, with what the offer asked for."""

    images: Sequence[bytes]  # PNG, JPEG or WebP bytes; may be empty (a video-only submission)
    captions: Mapping[str, str]  # platform name -> caption
    platform: Platform | str
    offer_title: str
    offer_description: str
    offer_category: OfferCategory | str
    content_specs: ContentSpecs = field(default_factory=ContentSpecs)
    paid_partnership: bool = False  # the platform's own "Paid partnership" label is on



def load_image(
    data: bytes, max_side: int, number: int = 1, mode: str = "RGB"
) -> tuple[Image.Image, tuple[int, int]]:
    """The picture in `mode` ("RGB" or "L"), at most `max_side` px on its longest side, and its
    original size. `number` (1-based) names the photo in the error message.

    JPEG is decoded directly at a reduced scale (draft), and in "L" only its brightness channel
    is decoded: that keeps a 12 MP photo cheap.
    """
    try:
        img = Image.open(io.BytesIO(data), formats=["PNG", "JPEG", "WEBP"])
        size = img.size
        if size[0] * size[1] > MAX_PIXELS:
            raise AnalysisFailed(f"Photo {number} is too large to analyze.")
        if img.format in ("JPEG", "MPO"):
            img.draft(mode, (max_side, max_side))
        img = img.convert(mode)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise AnalysisFailed(f"Photo {number} could not be read.") from None
    img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return img, size
