"""Each kind of file becomes a type its destination takes, with the same picture in it."""

import io

import pytest
from PIL import Image as PILImage
from PIL import ImageChops, ImageStat

from composer.core.images.fit import fit_image
from composer.core.images.probe import probe
from composer.core.platforms import default_limits
from tests.support.images import photo, pixels_of


def close_to(data: bytes, source: bytes, tolerance: float = 6) -> bool:
    """Mean difference per channel from the decoded input: small for the same picture."""
    original = pixels_of(source).convert("RGB")
    got = pixels_of(data).convert("RGB").resize(original.size)
    return max(ImageStat.Stat(ImageChops.difference(got, original)).mean) < tolerance


@pytest.mark.parametrize(
    ("extension", "kind", "mastodon", "pixelfed"),
    [
        ("heic", "HEIF", "image/jpeg", "image/jpeg"),
        ("avif", "AVIF", "image/jpeg", "image/jpeg"),
        ("bmp", "BMP", "image/png", "image/png"),
        ("tiff", "TIFF", "image/png", "image/png"),
        ("webp", "WEBP", "image/webp", "image/png"),
        ("png", "PNG", "image/png", "image/png"),
        ("jpg", "JPEG", "image/jpeg", "image/jpeg"),
    ],
)
def test_each_kind_becomes_an_accepted_type(tmp_path, extension, kind, mastodon, pixelfed):
    original = photo(320, 240)
    path = tmp_path / f"in.{extension}"
    original.save(path, kind, quality=90)
    assert probe(path).error == ""
    for platform, expected in (("mastodon", mastodon), ("pixelfed", pixelfed)):
        fitted = fit_image(path, default_limits(platform))
        assert fitted.mime == expected
        assert (fitted.width, fitted.height) == (320, 240)
        assert close_to(fitted.data, path.read_bytes())


def test_a_screenshot_stays_sharp_png_and_a_photo_png_becomes_jpeg_when_too_large(tmp_path):
    screenshot = PILImage.new("RGB", (1200, 800), "white")
    for y in range(0, 800, 20):
        screenshot.paste((30, 30, 30), (40, y, 1100, y + 2))
    path = tmp_path / "screenshot.png"
    screenshot.save(path)
    fitted = fit_image(path, default_limits("bluesky"))
    assert fitted.mime == "image/png"
    assert pixels_of(fitted.data).convert("RGB").tobytes() == screenshot.tobytes()
    big = tmp_path / "photo.png"
    photo(1600, 1200).save(big)
    assert big.stat().st_size > 1_000_000
    fitted = fit_image(big, default_limits("bluesky"))
    assert fitted.mime == "image/jpeg"
    assert (fitted.width, fitted.height) == (1600, 1200)


def test_an_iphone_photo_with_its_rotation(tmp_path):
    upright = photo(300, 200)
    upright.paste((230, 20, 20), (0, 0, 60, 40))
    path = tmp_path / "IMG_0001.HEIC"
    # Stored sideways with the rotation in the container, as an iPhone held upright does.
    exif = PILImage.Exif()
    exif[0x0112] = 6
    upright.transpose(PILImage.Transpose.ROTATE_90).save(path, "HEIF", exif=exif.tobytes())
    fitted = fit_image(path, default_limits("bluesky"))
    image = pixels_of(fitted.data)
    assert image.size == (300, 200)
    assert image.getpixel((10, 10))[0] > 180


def test_mpo_from_a_phone_is_a_jpeg(tmp_path):
    path = tmp_path / "dual.jpg"
    frames = [photo(200, 150, seed) for seed in (1, 2)]
    frames[0].save(path, "MPO", save_all=True, append_images=frames[1:])
    info = probe(path)
    assert (info.mime, info.frames) == ("image/jpeg", 1)
    fitted = fit_image(path, default_limits("pixelfed"))
    assert fitted.mime == "image/jpeg"
    assert close_to(fitted.data, path.read_bytes())
    with PILImage.open(io.BytesIO(fitted.data)) as image:
        assert image.format == "JPEG"
