"""The local analyzer: no network, no model. Used when OPENAI_API_KEY is not set.

Quality (1-10) comes from four measurements of each photo, made with Pillow on a grayscale
copy at most 1024 px wide (the same scale for every photo, so thresholds hold whatever the
camera). Each measurement becomes a score from 0 to 1, linear between the thresholds below:

| measurement | how | 0 at | 1 at | weight |
|---|---|---|---|---|
| resolution | shorter side of the original, px | 320 | 1080 | 0.20 |
| sharpness | variance of the Laplacian (3x3 kernel 0,1,0 / 1,-4,1 / 0,1,0), log scale | 20 | 400 | 0.40 |
| exposure | mean brightness's distance from mid-grey (128), as a share of 128 | 0.85 | 0.30 | 0.25 |
|          | and share of pixels clipped to black (<= 5) or white (>= 250); the lower score counts | 40 % | 5 % | |
| contrast | standard deviation of brightness | 12 | 48 | 0.15 |

quality = 1 + round(9 × weighted sum); with several photos, the rounded mean of their
qualities. With no photo, quality is 5 (nothing to judge) and the creator is asked to add one.

Relevance (1-10) compares words: the captions against the offer's title and description and
against its category (the category's name plus a few English and Spanish words for it). Words
are lower-cased, stripped of accents and a plural "s", and stop words (small English and
Spanish lists) are dropped.
    topic = distinct title/description words found in the captions / min(6, their number)
    relevance = 1 + round(9 × (0.7 × min(1, topic) + 0.3 × (1 if a category word is found)))
So a caption that names six words of the offer and its category scores 10; a caption with no
word in common scores 1.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import ImageFilter, ImageStat

from influfinder.domain.content_analysis import N_, Advice, AnalysisResult, check_captions
from influfinder.integrations.ai_request import AnalysisRequest, load_image

MEASURE_SIDE = 1024
NO_IMAGE_QUALITY = 5
TOPIC_WORDS_FOR_FULL_MARKS = 6
_LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)

_STOP_WORDS = frozenset(
    # English
    "a an and are as at be but by for from has have i in into is it its me my no not of on or our "
    "so that the their them this to up us was we were what when where which who will with you your "
    # Spanish (accents stripped, as words are compared without them)
    "al ante bajo cada como con cual cuando de del desde donde el ella ellas ellos en entre era eres es "
    "esa ese eso esta estan estas este esto estos fue ha han has hay hoy la las le les lo los mas me mi "
    "mis mucho muy nada ni no nos nosotros nuestra nuestro o os otra otro para pero poco por porque pues "
    "que se si sin sobre son soy su sus tambien tan te ti toda todo todos tras tu tus un una uno unos "
    "unas vez vosotros y ya yo".split()
)

_CATEGORY_WORDS = {
    "FASHION": "fashion moda outfit look style estilo ropa clothes dress vestido",
    "BEAUTY": "beauty belleza makeup maquillaje skincare cosmetic cosmetica hair pelo",
    "FOOD": "food comida restaurant restaurante brunch dinner cena lunch almuerzo dish plato menu chef",
    "TRAVEL": "travel viaje hotel trip beach playa getaway escapada destination destino",
    "TECH": "tech tecnologia gadget app phone movil software device dispositivo",
    "FITNESS": "fitness gym gimnasio workout entrenamiento sport deporte yoga training",
    "LIFESTYLE": "lifestyle life vida day dia home routine rutina",
    "HOME": "home hogar casa decor decoracion interior furniture mueble",
    "ENTERTAINMENT": "entertainment entretenimiento show concert concierto movie pelicula event evento",
    "OTHER": "",
}


@dataclass(frozen=True)
class PhotoMeasures:
    short_side: int
    sharpness: float  # variance of the Laplacian
    mean: float  # brightness 0-255
    clipped: float  # share of pixels <= 5 or >= 250
    contrast: float  # standard deviation of brightness


class LocalAnalyzer:
    def analyze(self, request: AnalysisRequest) -> AnalysisResult:
        check = check_captions(request.captions, str(request.platform), request.paid_partnership, request.content_specs)
        quality, advice = rate_photos(request.images)
        relevance = rate_relevance(
            " ".join(request.captions.values()),
            f"{request.offer_title} {request.offer_description}",
            str(request.offer_category),
        )
        if relevance <= 3:
            advice.append(Advice(text=N_("Say more about the offer in the caption: what you visited and what you liked")))
        return AnalysisResult.build(check, quality, relevance, advice)


# --- quality ----------------------------------------------------------------------------------


def measure(data: bytes, number: int = 1) -> PhotoMeasures:
    gray, (width, height) = load_image(data, MEASURE_SIDE, number, mode="L")
    stats = ImageStat.Stat(gray)
    histogram = gray.histogram()
    clipped = (sum(histogram[:6]) + sum(histogram[250:])) / (gray.width * gray.height)
    laplacian = ImageStat.Stat(gray.filter(_LAPLACIAN))
    return PhotoMeasures(min(width, height), laplacian.var[0], stats.mean[0], clipped, stats.stddev[0])


def _ramp(value: float, zero_at: float, one_at: float) -> float:
    """0 at `zero_at`, 1 at `one_at`, linear between (either direction), clamped."""
    return min(1.0, max(0.0, (value - zero_at) / (one_at - zero_at)))


def scores(m: PhotoMeasures) -> dict[str, float]:
    mean_distance = abs(m.mean - 128) / 128
    return {
        "resolution": _ramp(m.short_side, 320, 1080),
        "sharpness": _ramp(math.log10(max(m.sharpness, 1e-6)), math.log10(20), math.log10(400)),
        "exposure": min(_ramp(mean_distance, 0.85, 0.30), _ramp(m.clipped, 0.40, 0.05)),
        "contrast": _ramp(m.contrast, 12, 48),
    }


_WEIGHTS = {"resolution": 0.20, "sharpness": 0.40, "exposure": 0.25, "contrast": 0.15}


def photo_quality(m: PhotoMeasures) -> int:
    s = scores(m)
    return 1 + round(9 * sum(_WEIGHTS[k] * s[k] for k in _WEIGHTS))


# Each photo problem: (the msgid for one photo, the msgid naming the photo among several).
PHOTO_ADVICE = {
    "blurry": (N_("The photo looks blurry"), N_("Photo {number} looks blurry")),
    "dark": (N_("The photo is too dark"), N_("Photo {number} is too dark")),
    "bright": (N_("The photo is too bright"), N_("Photo {number} is too bright")),
    "flat": (N_("The photo looks flat: add contrast or better light"),
             N_("Photo {number} looks flat: add contrast or better light")),
    "small": (N_("Use a photo at least 1080 px on its shorter side"),
              N_("Photo {number} is small: use one at least 1080 px on its shorter side")),
}


def photo_problems(m: PhotoMeasures) -> list[str]:
    s = scores(m)
    problems = []
    if s["sharpness"] < 0.5:
        problems.append("blurry")
    if s["exposure"] < 0.6:
        problems.append("dark" if m.mean < 128 else "bright")
    if s["contrast"] < 0.5:
        problems.append("flat")
    if s["resolution"] < 0.6:
        problems.append("small")
    return problems


def photo_advice(m: PhotoMeasures, number: int | None = None) -> list[Advice]:
    """Advice about one photo; `number` names it when there are several ("Photo 2 looks blurry")."""
    if number is None:
        return [Advice(text=PHOTO_ADVICE[p][0]) for p in photo_problems(m)]
    return [Advice(text=PHOTO_ADVICE[p][1], values={"number": number}) for p in photo_problems(m)]


def rate_photos(images: Sequence[bytes]) -> tuple[int, list[Advice]]:
    """(quality 1-10, suggestions); the suggestions name the photo when there are several."""
    if not images:
        return NO_IMAGE_QUALITY, [Advice(text=N_("Add a photo or video of your visit so its quality can be rated"))]
    qualities, advice = [], []
    for number, data in enumerate(images, start=1):
        m = measure(data, number)
        qualities.append(photo_quality(m))
        advice += photo_advice(m, number if len(images) > 1 else None)
    return round(sum(qualities) / len(qualities)), advice


# --- relevance --------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def singular(word: str) -> str:
    """A plural folded to its singular, the Spanish and the English way, enough to match words:
    luces -> luz, colecciones -> coleccion, ciudades -> ciudad, dishes -> dish, menus -> menu."""
    if len(word) > 4 and word.endswith("ces"):
        return word[:-3] + "z"
    if len(word) > 5 and word.endswith("es") and (word[-3] in "lnrdj" or word[-4:-2] in ("sh", "ch", "ss")):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> set[str]:
    """Content words: plain lower-case (accents folded), no stop words (Spanish and English), no
    digits-only, plurals folded to their singular."""
    found = set()
    for word in _WORD.findall(_plain(text).replace("_", " ")):
        if len(word) < 3 or word in _STOP_WORDS or word.isdigit():
            continue
        found.add(singular(word))
    return found


def rate_relevance(captions: str, offer_text: str, category: str) -> int:
    said = words(captions)
    if not said:
        return 1
    topic = words(offer_text)
    topic_share = len(said & topic) / min(TOPIC_WORDS_FOR_FULL_MARKS, len(topic)) if topic else 0.0
    category_words = words(f"{category} {_CATEGORY_WORDS.get(str(category).upper(), '')}")
    on_category = 1.0 if said & category_words else 0.0
    return 1 + round(9 * (0.7 * min(1.0, topic_share) + 0.3 * on_category))
