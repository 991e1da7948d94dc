"""Installations from before issue 10 kept media in Reflex's public folder: they are moved on start."""

from __future__ import annotations

import logging

from influfinder.integrations.media_move import move_media_out_of_public_folder
from influfinder.settings import get_settings


def _legacy_files(root):
    files = {"submissions/abcdefghijklmnopqrstuv.mp4": b"video", "attachments/m1/abcdefghijklmnopqrstuv.pdf": b"%PDF",
             "avatars/abcdefghijklmnopqrstuv.webp": b"face", "covers/abcdefghijklmnopqrstuv.webp": b"cover"}
    for key, data in files.items():
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_bytes(data)
    return files


def test_media_left_in_reflexs_folder_move_to_upload_dir_once_and_the_log_says_so(settings_env, caplog):
    public, media = settings_env.workdir / "uploaded_files", settings_env.workdir / "media"
    files = _legacy_files(public)
    (public / "unrelated.txt").write_text("not ours")
    with caplog.at_level(logging.WARNING):
        report = move_media_out_of_public_folder(get_settings())
    assert report.moved == 4 and report.kept == []
    for key, data in files.items():
        assert (media / key).read_bytes() == data
        assert not (public / key).exists()
    assert (public / "unrelated.txt").exists()  # only our folders move
    assert "Moved 4 media files" in caplog.text

    caplog.clear()
    again = move_media_out_of_public_folder(get_settings())
    assert again.moved == 0 and again.kept == []
    assert "Moved" not in caplog.text


def test_a_file_already_in_upload_dir_is_never_overwritten(settings_env, caplog):
    public, media = settings_env.workdir / "uploaded_files", settings_env.workdir / "media"
    _legacy_files(public)
    (media / "avatars").mkdir(parents=True)
    (media / "avatars/abcdefghijklmnopqrstuv.webp").write_bytes(b"newer face")
    report = move_media_out_of_public_folder(get_settings())
    assert report.moved == 3
    assert [p.resolve() for p in report.kept] == [public / "avatars/abcdefghijklmnopqrstuv.webp"]
    assert (media / "avatars/abcdefghijklmnopqrstuv.webp").read_bytes() == b"newer face"
    assert "still public" in caplog.text
