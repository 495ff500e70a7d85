"""Colours come out right: CMYK, 16-bit, palette, greyscale, profiles, transparency."""

import io
import struct

import pytest
from PIL import Image as PILImage
from PIL import ImageCms, ImageDraw

from composer.core.images.fit import fit_image
from composer.core.platforms import default_limits
from tests.support.images import photo, pixels_of, png_rgb16, rgb_profile

JPEG_ONLY = frozenset({"image/jpeg"})


def near(actual, expected, tolerance=10):
    return all(abs(a - b) <= tolerance for a, b in zip(actual, expected, strict=True))


def patches(mode: str, colours) -> PILImage.Image:
    """Large flat patches side by side, so JPEG blocks inside each are exact enough."""
    image = PILImage.new(mode, (64 * len(colours), 64))
    for index, colour in enumerate(colours):
        image.paste(colour, (64 * index, 0, 64 * index + 64, 64))
    return image


def centres(image: PILImage.Image, count: int):
    rgb = image.convert("RGB")
    return [rgb.getpixel((64 * index + 32, 32)) for index in range(count)]


CMYK = [(0, 255, 255, 0), (255, 0, 255, 0), (255, 255, 0, 0), (0, 0, 0, 128), (0, 0, 0, 0)]
RGB_OF_CMYK = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (127, 127, 127), (255, 255, 255)]


@pytest.mark.parametrize("kind", ["JPEG", "TIFF"])
def test_cmyk_becomes_the_right_rgb(tmp_path, kind):
    path = tmp_path / f"poster.{kind.lower()}"
    patches("CMYK", CMYK).save(path, kind)
    fitted = fit_image(path, default_limits("bluesky"))
    got = centres(pixels_of(fitted.data), len(CMYK))
    for actual, expected in zip(got, RGB_OF_CMYK, strict=True):
        assert near(actual, expected, 12), (actual, expected)


def test_sixteen_bit_greyscale_is_scaled_not_clipped(tmp_path):
    levels = [0, 8_000, 20_000, 33_000, 50_000, 65_535]
    row = b"".join(struct.pack("<H", level) * 64 for level in levels)
    image = PILImage.frombytes("I;16", (64 * len(levels), 64), row * 64)
    path = tmp_path / "scan.png"
    image.save(path)
    fitted = fit_image(path, default_limits("mastodon"))
    got = centres(pixels_of(fitted.data), len(levels))
    for actual, level in zip(got, levels, strict=True):
        assert near(actual, (round(level / 257),) * 3, 2), (actual, level)


def test_sixteen_bit_rgb_keeps_its_colours(tmp_path):
    def pixel(x, y):
        return (x * 1024, 65_535 - y * 1024, 32_768)

    path = tmp_path / "scan16.png"
    path.write_bytes(png_rgb16(64, 64, pixel))
    fitted = fit_image(path, default_limits("discord"))
    image = pixels_of(fitted.data).convert("RGB")
    for x, y in [(0, 0), (10, 50), (63, 63), (32, 5)]:
        expected = tuple(round(value / 257) for value in pixel(x, y))
        assert near(image.getpixel((x, y)), expected, 2), (x, y)


def test_an_embedded_profile_is_converted_to_srgb(tmp_path):
    adobe = (100, 150, 100)
    oracle = ImageCms.profileToProfile(
        PILImage.new("RGB", (1, 1), adobe),
        ImageCms.ImageCmsProfile(io.BytesIO(rgb_profile())),
        ImageCms.createProfile("sRGB"),
    ).getpixel((0, 0))
    assert not near(oracle, adobe, 20)  # the conversion matters for this colour
    for kind, extension in (("JPEG", "jpg"), ("PNG", "png"), ("TIFF", "tiff")):
        path = tmp_path / f"adobe.{extension}"
        PILImage.new("RGB", (128, 128), adobe).save(path, kind, icc_profile=rgb_profile())
        fitted = fit_image(path, default_limits("bluesky"))
        with PILImage.open(io.BytesIO(fitted.data)) as image:
            assert "icc_profile" not in image.info
            assert near(image.convert("RGB").getpixel((64, 64)), oracle, 3), kind


def test_a_broken_profile_does_not_stop_the_picture(tmp_path):
    path = tmp_path / "broken.png"
    PILImage.new("RGB", (32, 32), (10, 200, 30)).save(path, icc_profile=b"not a profile")
    fitted = fit_image(path, default_limits("bluesky"))
    assert near(pixels_of(fitted.data).convert("RGB").getpixel((5, 5)), (10, 200, 30), 2)


def logo(mode: str = "RGBA") -> PILImage.Image:
    """A shape on a transparent background: the usual PNG a press office drops in."""
    image = PILImage.new("RGBA", (400, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((100, 50, 300, 250), fill=(200, 30, 60, 255))
    return image.convert(mode) if mode != "RGBA" else image


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_transparency_is_kept_where_the_format_allows(tmp_path, mode):
    path = tmp_path / "logo.png"
    source = logo() if mode != "LA" else logo().convert("LA")
    (source.quantize(16) if mode == "P" else source).save(path)
    for platform in ("mastodon", "bluesky", "pixelfed", "discord", "website"):
        fitted = fit_image(path, default_limits(platform))
        assert fitted.mime == "image/png"
        image = pixels_of(fitted.data).convert("RGBA")
        assert image.getpixel((5, 5))[3] == 0
        assert image.getpixel((200, 150))[3] == 255
    flat = fit_image(path, default_limits("mastodon").replace(image_types=JPEG_ONLY))
    assert flat.mime == "image/jpeg"
    assert near(pixels_of(flat.data).convert("RGB").getpixel((5, 5)), (255, 255, 255), 3)


def test_transparent_photo_over_the_byte_limit_stays_transparent(tmp_path):
    path = tmp_path / "cutout.png"
    image = photo(900, 600).convert("RGBA")
    image.putalpha(PILImage.linear_gradient("L").resize((900, 600)))
    image.save(path)
    limits = default_limits("bluesky").replace(image_bytes=150_000)
    fitted = fit_image(path, limits)
    assert fitted.mime == "image/webp"
    assert fitted.bytes <= 150_000
    assert pixels_of(fitted.data).mode == "RGBA"
    pixelfed = fit_image(path, default_limits("pixelfed").replace(image_bytes=150_000))
    assert (pixelfed.mime, pixels_of(pixelfed.data).mode) == ("image/png", "RGBA")
    assert pixelfed.bytes <= 150_000


def test_greyscale_and_palette_photos(tmp_path):
    grey = tmp_path / "grey.jpg"
    photo(300, 200, mode="L").save(grey, quality=90)
    fitted = fit_image(grey, default_limits("bluesky"))
    assert (fitted.mime, pixels_of(fitted.data).mode) == ("image/jpeg", "L")
    palette = tmp_path / "palette.gif"
    patches("RGB", RGB_OF_CMYK).quantize(8).save(palette)
    fitted = fit_image(palette, default_limits("pixelfed"))
    got = centres(pixels_of(fitted.data), len(RGB_OF_CMYK))
    for actual, expected in zip(got, RGB_OF_CMYK, strict=True):
        assert near(actual, expected, 2)
