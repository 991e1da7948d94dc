"""What the browser is told about an upload: why files were refused before sending.

The limits are the services' own numbers (a file the browser lets through is one the server may take).
"""

from __future__ import annotations

import pytest

from influfinder.i18n import use_language
from influfinder.integrations.images import AVATAR_MAX_BYTES, COVER_MAX_BYTES
from influfinder.services import message_files, submission_checks
from influfinder.state.upload_feedback import AVATAR, CHAT, CONTENT, COVER, LIMITS, refusal_text


def rejected(name: str, *codes: str) -> dict:
    return {"file": {"path": f"./{name}"}, "errors": [{"code": c, "message": "browser words"} for c in codes]}


def test_each_upload_place_lets_the_browser_check_the_servers_own_limits():
    assert LIMITS[CONTENT].max_size == submission_checks.VIDEO_MAX_BYTES
    assert LIMITS[CONTENT].max_files == submission_checks.MAX_FILES
    assert LIMITS[CHAT].max_size == message_files.MAX_BYTES
    assert LIMITS[CHAT].max_files == message_files.MAX_FILES
    assert (LIMITS[COVER].max_size, LIMITS[AVATAR].max_size) == (COVER_MAX_BYTES, AVATAR_MAX_BYTES)
    assert "video/mp4" in LIMITS[CONTENT].accept and "application/pdf" in LIMITS[CHAT].accept
    assert "application/pdf" not in LIMITS[CONTENT].accept


def test_the_browser_checks_each_kind_with_its_own_limit():
    """react-dropzone has one size for the zone (a video's); photos and pixels are checked on the choice."""
    assert LIMITS[CONTENT].browser_checks() == {"photoMaxBytes": submission_checks.IMAGE_MAX_BYTES,
                                                "maxPixels": submission_checks.IMAGE_MAX_PIXELS}
    assert LIMITS[CONTENT].photo_max_size < LIMITS[CONTENT].max_size
    assert LIMITS[CHAT].browser_checks() == {"photoMaxBytes": message_files.MAX_BYTES,
                                             "maxPixels": message_files.IMAGE_MAX_PIXELS}
    assert LIMITS[COVER].browser_checks()["photoMaxBytes"] == COVER_MAX_BYTES


@pytest.mark.parametrize("language,expected", [
    ("en", "beach.jpg is larger than 20 MB. pano.png has more than 40 million pixels."),
    ("es", "beach.jpg ocupa más de 20 MB. pano.png tiene más de 40 millones de píxeles."),
])
def test_a_photo_over_the_photos_limit_or_with_too_many_pixels_is_named(language, expected):
    files = [rejected("beach.jpg", "photo-too-large"), rejected("pano.png", "too-many-pixels")]
    with use_language(language):
        assert refusal_text(files, LIMITS[CONTENT]) == expected


@pytest.mark.parametrize("language,expected", [
    ("en", "clip.mp4 is larger than 100 MB. notes.txt: Only PNG, JPEG or WebP photos and MP4 videos are accepted."),
    ("es", "clip.mp4 ocupa más de 100 MB. notes.txt: Solo se aceptan fotos PNG, JPEG o WebP y vídeos MP4."),
])
def test_a_refusal_names_each_refused_file_and_why_in_the_viewers_language(language, expected):
    files = [rejected("clip.mp4", "file-too-large"), rejected("notes.txt", "file-invalid-type")]
    with use_language(language):
        assert refusal_text(files, LIMITS[CONTENT]) == expected


def test_too_many_files_is_said_once_with_the_limit():
    files = [rejected(f"p{i}.png", "too-many-files") for i in range(7)]
    with use_language("en"):
        assert refusal_text(files, LIMITS[CHAT]) == "Choose at most 5 files at a time. And 2 more files."


@pytest.mark.parametrize("sent", [None, {"$gt": 1}, "x", [None, 7, {"errors": "file-too-large"}], [{"file": 3}]])
def test_whatever_a_socket_sends_gets_the_plain_rule(sent):
    with use_language("en"):
        assert refusal_text(sent, LIMITS[AVATAR]) == "Only PNG, JPEG or WebP images are accepted."
