"""Stored uploads: random names, keys that cannot escape the folder, private permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from influfinder.integrations import storage
from influfinder.integrations.storage import InvalidKey, LocalStorage
from influfinder.settings import reset_settings_cache


@pytest.fixture
def upload_dir(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "uploads"
    monkeypatch.setenv("UPLOAD_DIR", str(root))
    monkeypatch.setenv("SECRET_KEY", "test-only-key")  # keeps settings from writing a dev key file
    reset_settings_cache()
    yield root
    reset_settings_cache()


def test_save_read_delete_round_trip(upload_dir):
    key = storage.save(b"picture bytes", folder="avatars", extension="webp")

    assert key.startswith("avatars/") and key.endswith(".webp")
    assert storage.open_path(key) == (upload_dir / key).resolve()
    assert (upload_dir / key).read_bytes() == b"picture bytes" == storage.read(key)
    assert storage.delete(key) is True
    assert not (upload_dir / key).exists()
    assert storage.delete(key) is False
    with pytest.raises(FileNotFoundError):
        storage.read(key)


def test_each_save_gets_a_new_random_name(upload_dir):
    keys = {storage.save(b"same", folder="submissions/42", extension=".JPG") for _ in range(20)}
    assert len(keys) == 20
    assert all(k.startswith("submissions/42/") and k.endswith(".jpg") for k in keys)
    names = [k.rsplit("/", 1)[1].removesuffix(".jpg") for k in keys]
    assert all(len(name) >= 22 for name in names)  # 128 random bits, not a counter


def test_files_are_private_to_the_app_and_no_temp_file_remains(upload_dir):
    key = storage.save(b"x" * 10_000, folder="submissions", extension="mp4")
    mode = stat.S_IMODE(os.stat(upload_dir / key).st_mode)
    assert mode == 0o640
    assert os.listdir(upload_dir / "submissions") == [key.split("/")[1]]


def test_saving_again_never_overwrites_an_earlier_file(upload_dir):
    first = storage.save(b"first", folder="avatars", extension="webp")
    storage.save(b"second", folder="avatars", extension="webp")
    assert storage.read(first) == b"first"


@pytest.mark.parametrize(
    "key",
    [
        "../secret.webp",
        "avatars/../../etc/passwd",
        "avatars/../avatars/AAAAAAAAAAAAAAAAAAAAAA.webp",
        "/etc/passwd",
        "/avatars/AAAAAAAAAAAAAAAAAAAAAA.webp",
        "avatars/AAAAAAAAAAAAAAAAAAAAAA.webp\0.png",
        "avatars/AAAAAAAAAAAAAAAAAAAAAA.webp\n",
        "avatars\\AAAAAAAAAAAAAAAAAAAAAA.webp",
        "avatars/AAAA.webp",
        "AAAAAAAAAAAAAAAAAAAAAA.webp",
        "avatars//AAAAAAAAAAAAAAAAAAAAAA.webp",
        "",
        None,
    ],
)
def test_keys_that_could_escape_or_that_we_never_make_are_refused(upload_dir, key):
    with pytest.raises(InvalidKey):
        storage.open_path(key)
    with pytest.raises(InvalidKey):
        storage.read(key)
    with pytest.raises(InvalidKey):
        storage.delete(key)


@pytest.mark.parametrize("folder", ["..", "../avatars", "/tmp", "avatars/", "Avatars", "a/b/c/d/e", "av\0atars"])
def test_folders_outside_the_pattern_are_refused(upload_dir, folder):
    with pytest.raises(InvalidKey):
        storage.save(b"x", folder=folder, extension="webp")
    assert not upload_dir.exists()


@pytest.mark.parametrize("extension", ["", ".", "we.bp", "webp/..", "webp\0", "a" * 11])
def test_bad_extensions_are_refused(upload_dir, extension):
    with pytest.raises(InvalidKey):
        storage.save(b"x", folder="avatars", extension=extension)


def test_a_symlink_leading_outside_the_root_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "AAAAAAAAAAAAAAAAAAAAAA.txt").write_text("someone else's file")
    root = tmp_path / "root"
    root.mkdir()
    (root / "avatars").symlink_to(outside, target_is_directory=True)

    with pytest.raises(InvalidKey):
        LocalStorage(root).read("avatars/AAAAAAAAAAAAAAAAAAAAAA.txt")


def test_a_root_that_is_itself_a_symlink_works(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    key = LocalStorage(tmp_path / "link").save(b"ok", folder="avatars", extension="webp")
    assert (real / key).read_bytes() == b"ok"


def test_only_avatars_and_covers_are_public(upload_dir):
    avatar_key = storage.save(b"a", folder=storage.AVATARS, extension="webp")
    cover_key = storage.save(b"c", folder=storage.COVERS, extension="webp")
    submission_key = storage.save(b"s", folder=storage.SUBMISSIONS, extension="jpg")
    assert storage.is_public(avatar_key) and storage.is_public(cover_key)
    assert not storage.is_public(submission_key)
    assert not storage.is_public("avatars/../submissions/AAAAAAAAAAAAAAAAAAAAAA.jpg")


def test_an_open_file_is_stored_whole_from_its_start(upload_dir, tmp_path):
    source = tmp_path / "upload.tmp"
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one copy chunk
    source.write_bytes(data)
    with source.open("rb") as handle:
        handle.read(100)  # wherever the reader left it, the whole file is stored
        key = storage.save(handle, folder="submissions", extension="mp4")
    assert (upload_dir / key).read_bytes() == data
