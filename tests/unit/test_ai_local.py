"""The local analyzer (no network): photo quality from Pillow measurements, relevance from words,
and the choice between it and OpenAI. Every image is generated here."""

from __future__ import annotations

import asyncio
import functools
import io
import random
import struct
import zlib

import pytest
from PIL import Image, ImageDraw, ImageFilter

from influfinder.domain.offer_terms import ContentSpecs
from influfinder.integrations.ai import AnalysisFailed, AnalysisRequest, analyze_async, analyzer
from influfinder.integrations.ai_local import LocalAnalyzer
from influfinder.integrations.ai_openai import OpenAIAnalyzer
from influfinder.settings import get_settings

TITLE = "Weekend brunch at Café Aurora"
DESCRIPTION = "Try our new brunch menu: pancakes, eggs benedict and specialty coffee on the garden terrace."
ON_TOPIC = "Weekend brunch at Café Aurora: the pancakes and specialty coffee on the terrace were perfect"
OFF_TOPIC = "Leg day done, new personal best on squats"
SPECS = ContentSpecs(required_hashtags=["#CafeAurora", "#brunchtime"], required_mentions=["@cafe.aurora"])


@functools.cache  # callers never draw on it: filters and resizes return new images
def scene(width: int = 1600, height: int = 1200, seed: int = 7) -> Image.Image:
    """A busy, well-lit picture: a gradient with outlined shapes and thin lines."""
    rnd = random.Random(seed)
    img = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(60):
        x, y, size = rnd.randrange(width), rnd.randrange(height), rnd.randrange(20, 300)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        shape = draw.rectangle if rnd.random() < 0.5 else draw.ellipse
        shape([x, y, x + size, y + size], fill=colour, outline=(0, 0, 0), width=3)
    for x in range(0, width, 40):
        draw.line([(x, 0), (x + 200, height)], fill=(255, 255, 255), width=1)
    return img


@functools.cache
def blurred() -> Image.Image:
    return scene().filter(ImageFilter.GaussianBlur(4))


def jpeg(img: Image.Image) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def request(images=(), caption: str = ON_TOPIC, specs: ContentSpecs = ContentSpecs()) -> AnalysisRequest:
    return AnalysisRequest(
        images=list(images),
        captions={"INSTAGRAM": caption},
        platform="INSTAGRAM",
        offer_title=TITLE,
        offer_description=DESCRIPTION,
        offer_category="FOOD",
        content_specs=specs,
    )


def analyze(*images: bytes, caption: str = ON_TOPIC, specs: ContentSpecs = ContentSpecs()):
    return LocalAnalyzer().analyze(request(images, caption, specs))


def test_a_sharp_photo_rates_above_the_same_photo_blurred():
    sharp = scene()
    sharp_result = analyze(jpeg(sharp))
    blurred_result = analyze(jpeg(blurred()))
    assert sharp_result.quality_rating > blurred_result.quality_rating
    assert "The photo looks blurry" in blurred_result.suggestions
    assert "The photo looks blurry" not in sharp_result.suggestions


def test_a_well_exposed_photo_rates_above_a_nearly_black_one():
    bright = scene()
    dark = bright.point(lambda value: int(value * 0.08))
    bright_result, dark_result = analyze(jpeg(bright)), analyze(jpeg(dark))
    assert bright_result.quality_rating > dark_result.quality_rating
    assert "The photo is too dark" in dark_result.suggestions


def test_a_small_photo_is_asked_to_be_larger():
    result = analyze(jpeg(scene().resize((400, 300))))
    assert "Use a photo at least 1080 px on its shorter side" in result.suggestions


def test_png_and_webp_are_measured_like_jpeg():
    img = scene(800, 600)
    ratings = set()
    for fmt in ("PNG", "WEBP", "JPEG"):
        buffer = io.BytesIO()
        img.save(buffer, fmt, quality=95)
        ratings.add(analyze(buffer.getvalue()).quality_rating)
    assert max(ratings) - min(ratings) <= 1


def test_several_photos_are_averaged_and_named_in_the_advice():
    sharp = scene()
    result = analyze(jpeg(sharp), jpeg(blurred()))
    assert result.quality_rating < analyze(jpeg(sharp)).quality_rating
    assert "Photo 2 looks blurry" in result.suggestions


def test_without_a_photo_quality_is_neutral_and_a_photo_is_asked_for():
    result = analyze()
    assert result.quality_rating == 5
    assert "Add a photo or video of your visit so its quality can be rated" in result.suggestions


def test_missing_hashtags_and_mentions_are_found():
    caption = ON_TOPIC + " #brunchtime #publi"
    result = analyze(jpeg(scene()), caption=caption, specs=SPECS)
    assert result.hashtags_found == ["#brunchtime"]
    assert result.hashtags_missing == ["#CafeAurora"]
    assert result.mentions_missing == ["@cafe.aurora"]
    assert result.disclosure_found
    assert result.compliance_percentage == 50.0
    assert result.suggestions[:2] == ["Add the required hashtag #CafeAurora", "Mention @cafe.aurora"]


def test_an_on_topic_caption_is_more_relevant_than_an_off_topic_one():
    on_topic, off_topic = analyze(caption=ON_TOPIC), analyze(caption=OFF_TOPIC)
    assert on_topic.relevance_rating >= 8
    assert off_topic.relevance_rating <= 3
    assert on_topic.ai_score > off_topic.ai_score


def test_spanish_captions_match_without_accents_and_by_category():
    spanish = analyze(caption="Brunch delicioso en Cafe Aurora, el café de especialidad es increíble #comida")
    assert spanish.relevance_rating > analyze(caption="Qué día tan bonito").relevance_rating


def test_an_unreadable_photo_fails_the_analysis_with_a_message():
    with pytest.raises(AnalysisFailed, match="Photo 2 could not be read"):
        analyze(jpeg(scene(200, 150)), b"PK\x03\x04 this is a zip file")


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims width x height pixels but holds none: only the header is real."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def test_a_huge_pixel_count_is_refused_before_decoding():
    with pytest.raises(AnalysisFailed, match="too large"):
        analyze(png_header(9000, 9000))  # 81 MP


def test_without_an_api_key_the_local_analyzer_is_chosen(settings_env):
    assert isinstance(analyzer(), LocalAnalyzer)
    settings_env.set(OPENAI_API_KEY="sk-test-not-used", OPENAI_BASE_URL="http://127.0.0.1:9/v1")
    assert isinstance(analyzer(get_settings()), OpenAIAnalyzer)


def test_the_async_entry_point_gives_the_same_result(settings_env):
    req = request([jpeg(scene(800, 600))], specs=SPECS)
    assert asyncio.run(analyze_async(req)) == LocalAnalyzer().analyze(req)
