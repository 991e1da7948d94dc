"""Uploaded images: what is refused, and what a person gets back. Images are made here."""

from __future__ import annotations

import asyncio
import io
import struct
import zipfile
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from influfinder.integrations.images import (
    AVATAR_MAX_BYTES,
    ImageRejected,
    avatar,
    avatar_async,
    cover,
    sanitize_image,
    sanitize_image_async,
)

MB = 1024 * 1024
SECRET = "home: 12 Calle Mayor, Madrid"
ONLY_IMAGES = "Only PNG, JPEG or WebP images are accepted."
UNREADABLE = "The file could not be read as an image."


def encode(img: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def gradient(size=(64, 48), mode="RGB") -> Image.Image:
    """Varied pixels, so lossy encoders keep a real picture and truncation hurts."""
    img = Image.linear_gradient("L").resize(size)
    return Image.merge("RGB", (img, img.rotate(90), img.transpose(Image.Transpose.FLIP_LEFT_RIGHT))).convert(mode)


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = SECRET
    exif[ExifTags.Base.Make] = "PhoneCo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (40.0, 25.0, 1.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (3.0, 42.0, 2.0)
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def sanitize(data: bytes, **options) -> object:
    return sanitize_image(data, max_bytes=5 * MB, **options)


def reject_message(call, *args, **options) -> str:
    with pytest.raises(ImageRejected) as caught:
        call(*args, **options)
    return str(caught.value)


def png_with_declared_size(width: int, height: int) -> bytes:
    """A real 1x1 PNG whose header then claims width x height (CRC fixed, so it parses)."""
    data = bytearray(encode(Image.new("RGB", (1, 1), "red"), "PNG"))
    ihdr = 8 + 4  # after the signature and the chunk length
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 4 + 13]))
    data[ihdr + 4 + 13 : ihdr + 4 + 17] = struct.pack(">I", crc)
    return bytes(data)


# --- metadata never leaves ---------------------------------------------------------------


def test_png_metadata_gps_comment_and_profile_are_removed():
    text = PngInfo()
    text.add_text("Comment", SECRET)
    source = encode(gradient(), "PNG", exif=exif_with_gps(), pnginfo=text, icc_profile=srgb_icc())
    before = Image.open(io.BytesIO(source))
    assert before.getexif().get_ifd(ExifTags.IFD.GPSInfo) and before.info["Comment"] == SECRET

    result = sanitize(source)

    after = Image.open(io.BytesIO(result.data))
    assert result.format == "PNG" and after.size == (64, 48)
    assert not after.getexif() and not after.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {"exif", "Comment", "icc_profile"}.isdisjoint(after.info)
    assert SECRET.encode() not in result.data and b"PhoneCo" not in result.data


def test_jpeg_exif_and_comment_are_removed():
    source = encode(gradient(), "JPEG", exif=exif_with_gps(), comment=SECRET.encode())
    assert Image.open(io.BytesIO(source)).info["comment"] == SECRET.encode()

    result = sanitize(source)

    after = Image.open(io.BytesIO(result.data))
    assert result.format == "JPEG" and not after.getexif()
    assert "comment" not in after.info and SECRET.encode() not in result.data


def test_avatar_drops_gps_too():
    result = avatar(encode(gradient(), "JPEG", exif=exif_with_gps()))
    assert not Image.open(io.BytesIO(result.data)).getexif() and b"PhoneCo" not in result.data


# --- format from content --------------------------------------------------------------------


def test_format_is_read_from_the_bytes_not_from_a_claimed_name():
    jpeg_named_png = encode(gradient(), "JPEG")  # what an upload "photo.png" might contain
    result = sanitize(jpeg_named_png)
    assert (result.format, result.content_type, result.extension) == ("JPEG", "image/jpeg", "jpg")
    assert reject_message(sanitize, jpeg_named_png, allowed={"PNG"}) == "Only PNG images are accepted."


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_each_accepted_format_keeps_its_format_and_size(fmt):
    result = sanitize(encode(gradient((30, 20)), fmt))
    assert result.format == fmt and (result.width, result.height) == (30, 20)
    assert Image.open(io.BytesIO(result.data)).format == fmt


def test_text_file_is_refused():
    assert reject_message(sanitize, b"name,email\nana,ana@example.com\n") == ONLY_IMAGES


def test_zip_is_refused_even_with_an_image_inside():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.png", encode(gradient(), "PNG"))
    assert reject_message(sanitize, buffer.getvalue()) == ONLY_IMAGES


def test_gif_is_refused_for_avatars():
    assert reject_message(avatar, encode(gradient(), "GIF")) == ONLY_IMAGES


# --- size and damage ------------------------------------------------------------------------


def test_decompression_bomb_beyond_pillows_limit_is_refused_as_too_large():
    bomb = png_with_declared_size(30_000, 30_000)
    assert len(bomb) < 100  # 900 megapixels claimed by a few bytes
    assert reject_message(avatar, bomb) == "The image is too large (over 40 megapixels)."


def test_header_over_our_limit_is_refused_before_any_pixel_is_decoded():
    # 48 MP is under Pillow's own bomb limit, so only our check stands. Decoding this file
    # would fail (it holds one pixel), so "too large" proves nothing was decoded.
    bomb = png_with_declared_size(8_000, 6_000)
    assert reject_message(avatar, bomb) == "The image is too large (over 40 megapixels)."
    assert reject_message(sanitize, bomb, max_pixels=50_000_000) == UNREADABLE


def test_truncated_jpeg_is_refused():
    whole = encode(gradient((256, 256)), "JPEG", quality=95)
    assert sanitize(whole).format == "JPEG"
    assert reject_message(sanitize, whole[: len(whole) // 2]) == UNREADABLE


def test_damaged_png_is_refused_as_unreadable_not_as_a_wrong_type():
    whole = encode(gradient(), "PNG")
    assert reject_message(sanitize, whole[:20]) == UNREADABLE
    assert reject_message(sanitize, whole[: len(whole) - 30]) == UNREADABLE


def test_over_five_megabytes_is_refused_before_decoding():
    too_big = png_with_declared_size(30_000, 30_000) + b"\0" * AVATAR_MAX_BYTES
    assert reject_message(avatar, too_big) == "The file is larger than 5 MB."
    just_under = encode(gradient(), "PNG")
    assert avatar(just_under).format == "WEBP"


# --- what comes back ------------------------------------------------------------------------


def test_exif_rotated_photo_comes_back_upright():
    # Stored lying on its side (red left, blue right) with Orientation 6, as phones do:
    # shown upright it is tall, with red on top.
    stored = Image.new("RGB", (80, 40), "blue")
    stored.paste(Image.new("RGB", (40, 40), "red"), (0, 0))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    result = sanitize(encode(stored, "JPEG", exif=exif, quality=95))

    upright = Image.open(io.BytesIO(result.data)).convert("RGB")
    assert upright.size == (40, 80) and not upright.getexif().get(ExifTags.Base.Orientation)
    top, bottom = upright.getpixel((20, 10)), upright.getpixel((20, 70))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_avatar_is_a_centred_square_webp_of_at_most_512():
    wide = Image.new("RGB", (1200, 800), "blue")
    wide.paste(Image.new("RGB", (800, 800), "green"), (200, 0))  # the centre square
    result = avatar(encode(wide, "PNG"))

    out = Image.open(io.BytesIO(result.data)).convert("RGB")
    assert (result.format, result.content_type, result.extension) == ("WEBP", "image/webp", "webp")
    assert out.size == (512, 512) == (result.width, result.height)
    for corner in [(0, 0), (511, 0), (0, 511), (511, 511)]:
        red, green, blue = out.getpixel(corner)
        assert green > 100 and blue < 60


def test_small_avatar_is_not_enlarged():
    result = avatar(encode(gradient((100, 60)), "JPEG"))
    assert (result.width, result.height) == (60, 60)


def test_cover_is_the_whole_picture_in_webp_with_its_longest_side_at_most_1600():
    wide = Image.new("RGB", (3200, 1800), "blue")
    wide.paste(Image.new("RGB", (200, 1800), "red"), (0, 0))  # the left edge, which a square crop would lose
    result = cover(encode(wide, "JPEG", exif=exif_with_gps(), quality=90))

    out = Image.open(io.BytesIO(result.data))
    assert (result.format, result.content_type, result.extension) == ("WEBP", "image/webp", "webp")
    assert out.size == (1600, 900) == (result.width, result.height)
    assert not out.getexif() and SECRET.encode() not in result.data
    red, _green, blue = out.convert("RGB").getpixel((20, 450))
    assert red > 200 and blue < 60


def test_small_cover_is_not_enlarged_nor_cropped():
    result = cover(encode(gradient((300, 120)), "PNG"))
    assert (result.width, result.height) == (300, 120)


def test_cover_limits_are_ten_megabytes_and_forty_megapixels():
    too_big = png_with_declared_size(100, 100) + b"\0" * (10 * MB)
    assert reject_message(cover, too_big) == "The file is larger than 10 MB."
    assert reject_message(cover, png_with_declared_size(30_000, 30_000)) == (
        "The image is too large (over 40 megapixels).")
    assert reject_message(cover, b"%PDF-1.7 a document, renamed .png") == ONLY_IMAGES


def test_transparency_is_kept_in_webp_and_flattened_to_white_in_jpeg():
    clear = Image.new("RGBA", (20, 20), (255, 0, 0, 0))
    clear.paste((0, 0, 255, 255), (0, 0, 10, 20))

    webp = Image.open(io.BytesIO(avatar(encode(clear, "PNG")).data))
    assert webp.mode == "RGBA" and webp.getpixel((15, 10))[3] == 0 and webp.getpixel((5, 10))[3] == 255

    jpeg = Image.open(io.BytesIO(sanitize(encode(clear, "PNG"), output_format="JPEG").data))
    assert jpeg.mode == "RGB" and min(jpeg.getpixel((15, 10))) > 240


def test_palette_png_with_transparent_colour_keeps_it():
    palette = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    palette.paste((0, 200, 0, 255), (0, 0, 10, 20))
    source = encode(palette.convert("P"), "PNG")
    assert "transparency" in Image.open(io.BytesIO(source)).info

    out = Image.open(io.BytesIO(sanitize(source).data))
    assert out.convert("RGBA").getpixel((15, 10))[3] == 0 and out.convert("RGBA").getpixel((5, 10))[3] == 255


def test_cmyk_jpeg_comes_back_as_rgb_with_its_colour():
    result = sanitize(encode(Image.new("RGB", (16, 16), (255, 0, 0)).convert("CMYK"), "JPEG"))
    out = Image.open(io.BytesIO(result.data))
    red, green, blue = out.getpixel((8, 8))
    assert out.mode == "RGB" and red > 200 and green < 60 and blue < 60


def test_a_garbage_colour_profile_does_not_cost_the_photo():
    result = sanitize(encode(Image.new("RGB", (16, 16), (0, 0, 255)), "PNG", icc_profile=b"not a profile"))
    out = Image.open(io.BytesIO(result.data))
    assert "icc_profile" not in out.info and out.getpixel((8, 8)) == (0, 0, 255)


def test_async_variants_give_the_same_answers():
    source = encode(gradient((700, 500)), "JPEG")
    assert asyncio.run(avatar_async(source)) == avatar(source)
    same = asyncio.run(sanitize_image_async(source, max_bytes=5 * MB, max_side=100))
    assert (same.width, same.height) == (100, 71)
    with pytest.raises(ImageRejected):
        asyncio.run(avatar_async(b"not an image"))
