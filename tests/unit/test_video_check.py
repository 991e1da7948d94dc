"""The MP4 gate: real ISO BMFF box layouts pass; renamed archives, noise and lying lengths do not."""

from __future__ import annotations

import os
import struct

import pytest

from influfinder.integrations.video import VIDEO_MAX_BYTES, VideoRejected, check_mp4, looks_like_mp4
from tests.support.media import box, ftyp, mp4, mvhd, zip_bytes


@pytest.mark.parametrize("major", [b"isom", b"iso2", b"mp41", b"mp42", b"avc1", b"M4V "])
def test_mp4_files_of_every_common_brand_pass(major):
    data = mp4(major, major)
    checked = check_mp4(data)
    assert checked.data == data
    assert checked.brand == major.decode().strip()
    assert checked.content_type == "video/mp4" and checked.extension == "mp4"


def test_a_quicktime_major_brand_passes_when_it_lists_an_mp4_brand_as_compatible():
    assert check_mp4(mp4(b"qt  ", b"qt  ", b"isom")).brand == "qt"


def test_a_box_with_a_64_bit_size_and_a_last_box_running_to_the_end_pass():
    large = struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 16 + 32) + b"\x00" * 32
    to_end = struct.pack(">I", 0) + b"mdat" + b"\x01" * 40
    assert check_mp4(ftyp() + box(b"moov", mvhd()) + large + to_end).brand == "isom"


def test_a_zip_renamed_mp4_is_refused():
    with pytest.raises(VideoRejected, match="Only MP4 videos"):
        check_mp4(zip_bytes())


def test_random_bytes_are_refused():
    with pytest.raises(VideoRejected):
        check_mp4(os.urandom(4096))
    assert not looks_like_mp4(b"PK\x03\x04" + os.urandom(100))


def test_an_ftyp_of_another_family_is_refused():
    # A 3GPP-only or HEIF picture container has the same box layout but is not an MP4 video.
    with pytest.raises(VideoRejected, match="Only MP4 videos"):
        check_mp4(mp4(b"heic", b"mif1", b"heic"))


def test_a_box_declaring_more_bytes_than_the_file_holds_is_refused():
    honest = mp4()
    lying = honest[:-4]  # mdat says it is 4 bytes longer than what is left
    with pytest.raises(VideoRejected, match="damaged or incomplete"):
        check_mp4(lying)


def test_an_ftyp_declaring_a_huge_length_is_refused():
    data = bytearray(mp4())
    data[0:4] = struct.pack(">I", 0xFFFFFFF0)
    with pytest.raises(VideoRejected, match="damaged or incomplete"):
        check_mp4(bytes(data))


def test_a_64_bit_size_beyond_the_file_is_refused():
    huge = struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 2**40) + b"\x00" * 32
    with pytest.raises(VideoRejected, match="damaged or incomplete"):
        check_mp4(ftyp() + box(b"moov", mvhd()) + huge)


def test_an_ftyp_header_followed_by_an_archive_is_refused():
    with pytest.raises(VideoRejected):
        check_mp4(ftyp() + zip_bytes())


def test_a_file_without_the_movie_box_is_refused():
    with pytest.raises(VideoRejected, match="damaged or incomplete"):
        check_mp4(ftyp() + box(b"mdat", b"\x00" * 64))


def test_a_file_over_the_size_limit_is_refused_before_anything_is_read():
    with pytest.raises(VideoRejected, match="larger than 100 MB"):
        check_mp4(mp4(media=b"\x00" * 64) + b"\x00" * (VIDEO_MAX_BYTES))
    small_limit = len(mp4()) - 1
    with pytest.raises(VideoRejected, match="larger than"):
        check_mp4(mp4(), max_bytes=small_limit)


def test_a_video_in_a_file_is_checked_in_place_reading_only_box_headers(tmp_path):
    """An upload's temporary file: the check seeks from box to box and hands back the same file."""
    media = b"\x00" * (8 * 1024 * 1024)
    path = tmp_path / "clip.mp4"
    path.write_bytes(mp4(media=media))

    class CountingFile:
        def __init__(self, handle):
            self.handle, self.bytes_read = handle, 0

        def read(self, size=-1):
            data = self.handle.read(size)
            self.bytes_read += len(data)
            return data

        def seek(self, offset, whence=0):
            return self.handle.seek(offset, whence)

    with path.open("rb") as handle:
        counted = CountingFile(handle)
        checked = check_mp4(counted)
        assert checked.data is counted and checked.size == path.stat().st_size
        assert counted.bytes_read < 16 * 1024
        assert handle.tell() == 0  # rewound, ready to be copied to storage


def test_a_damaged_video_in_a_file_is_refused(tmp_path):
    path = tmp_path / "cut.mp4"
    path.write_bytes(mp4(media=b"\x00" * 4096)[:-100])
    with path.open("rb") as handle, pytest.raises(VideoRejected, match="damaged or incomplete"):
        check_mp4(handle)
