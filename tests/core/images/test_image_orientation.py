"""Phone photos come out upright: every EXIF orientation, whether resized or not."""

import pytest
from PIL import Image as PILImage

from composer.core.images.fit import fit_image
from composer.core.images.thumbs import thumbnail
from composer.core.platforms import default_limits
from tests.support.images import camera_exif, photo, pixels_of, save

T = PILImage.Transpose
# How a camera stores an upright picture for each orientation value: the inverse of the
# transform the value asks a viewer to apply.
STORED = {
    1: None,
    2: T.FLIP_LEFT_RIGHT,
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,
    6: T.ROTATE_90,
    7: T.TRANSVERSE,
    8: T.ROTATE_270,
}
RED, BLUE, GREEN = (230, 20, 20), (20, 20, 230), (20, 200, 20)


def upright(width: int, height: int) -> PILImage.Image:
    """A photo with markers: red at the top left, blue at the top right, green at the bottom."""
    image = photo(width, height)
    w, h = width // 5, height // 5
    image.paste(RED, (0, 0, w, h))
    image.paste(BLUE, (width - w, 0, width, h))
    image.paste(GREEN, (0, height - h, width, height))
    return image


def stored(orientation: int, width: int, height: int) -> PILImage.Image:
    image = upright(width, height)
    transform = STORED[orientation]
    return image if transform is None else image.transpose(transform)


def assert_upright(image: PILImage.Image, width: int, height: int) -> None:
    assert image.size == (width, height)
    rgb = image.convert("RGB")

    def near(point, colour):
        return all(abs(a - b) < 40 for a, b in zip(rgb.getpixel(point), colour, strict=True))

    x, y = width // 10, height // 10
    assert near((x, y), RED)
    assert near((width - 1 - x, y), BLUE)
    assert near((x, height - 1 - y), GREEN)
    assert near((width - 1 - x, height - 1 - y), GREEN)


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize(
    ("platform", "long_side"),
    [("mastodon", None), ("bluesky", 400)],  # as it is / decoded at half size and resized
)
def test_every_orientation_comes_out_upright(tmp_path, orientation, platform, long_side):
    path = save(
        stored(orientation, 900, 600), tmp_path / "phone.jpg", quality=92,
        exif=camera_exif(orientation),
    )  # fmt: skip
    limits = default_limits(platform)
    if long_side:
        limits = limits.replace(image_long_side=long_side)
    fitted = fit_image(path, limits)
    width, height = (900, 600) if long_side is None else (400, 266)
    assert (fitted.width, fitted.height) == (width, height)
    assert_upright(pixels_of(fitted.data), width, height)


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_other_formats_and_thumbnails_are_upright(tmp_path, orientation):
    for kind in ("PNG", "WEBP"):
        path = tmp_path / f"phone.{kind.lower()}"
        stored(orientation, 300, 200).save(path, kind, exif=camera_exif(orientation))
        fitted = fit_image(path, default_limits("discord"))
        assert_upright(pixels_of(fitted.data), 300, 200)
    jpeg = tmp_path / "phone.jpg"
    stored(orientation, 1200, 800).save(jpeg, quality=90, exif=camera_exif(orientation))
    small = pixels_of(thumbnail(jpeg, 240))
    assert_upright(small, 240, 160)
