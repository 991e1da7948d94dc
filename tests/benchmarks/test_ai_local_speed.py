"""How long the local analyzer takes on a 12-megapixel photo (4000 x 3000 JPEG, noise and
gradients like a camera's). Prints the median of 5 runs; asserts nothing about speed.

    python3 -m influfinder test tests/benchmarks/test_ai_local_speed.py -m benchmark -s
"""

from __future__ import annotations

import io
import statistics
import time

import pytest
from PIL import Image, ImageDraw

from influfinder.domain.offer_terms import ContentSpecs
from influfinder.integrations.ai import AnalysisRequest
from influfinder.integrations.ai_local import LocalAnalyzer
from influfinder.integrations.ai_openai import build_messages

pytestmark = pytest.mark.benchmark
WIDTH, HEIGHT = 4000, 3000
RUNS = 5


def photo_like() -> bytes:
    """Smooth colour gradients, a few shapes, and sensor-like noise, saved as a camera would."""
    small = (WIDTH // 8, HEIGHT // 8)
    red = Image.linear_gradient("L").resize(small)
    green = Image.radial_gradient("L").resize(small)
    blue = Image.effect_noise(small, 60)
    img = Image.merge("RGB", (red, green, blue)).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for i in range(12):
        x, y = 300 * i, 200 + 180 * (i % 5)
        draw.ellipse([x, y, x + 700, y + 500], outline=(250, 240, 230), width=6)
    noise = Image.effect_noise((WIDTH, HEIGHT), 24).convert("RGB")
    img = Image.blend(img, noise, 0.15)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def _median_seconds(work) -> tuple[float, list[float]]:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def test_local_analyzer_on_a_12_megapixel_photo():
    data = photo_like()
    req = AnalysisRequest(
        images=[data],
        captions={"INSTAGRAM": "Weekend brunch at @cafe.aurora #brunchtime #publi"},
        platform="INSTAGRAM",
        offer_title="Weekend brunch at Café Aurora",
        offer_description="Try our new brunch menu on the garden terrace.",
        offer_category="FOOD",
        content_specs=ContentSpecs(required_hashtags=["#brunchtime"], required_mentions=["@cafe.aurora"]),
    )
    result = LocalAnalyzer().analyze(req)
    local, local_runs = _median_seconds(lambda: LocalAnalyzer().analyze(req))
    # What the OpenAI analyzer does before its HTTP call: decode, downscale, re-encode.
    prepare, _ = _median_seconds(lambda: build_messages(req))
    print(
        f"\nlocal analyzer, {WIDTH}x{HEIGHT} JPEG ({len(data) / 1e6:.1f} MB): "
        f"median {local * 1000:.0f} ms over {RUNS} runs ({', '.join(f'{t * 1000:.0f}' for t in local_runs)} ms); "
        f"quality {result.quality_rating}, ai_score {result.ai_score}\n"
        f"openai analyzer, preparing the same photo (no network): median {prepare * 1000:.0f} ms"
    )
    assert result.quality_rating >= 1  # the run produced a result; the timings are the point
