"""What the browser is told about an upload: why files were refused before sending, and the bar's stages.

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
