"""Every output is within every limit of its destination, as large and sharp as fits."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from composer.core.analysis.rules import image_fits
from composer.core.images.fit import fit_image, top_side
from composer.core.images.probe import FittedImage
from composer.core.images.search import size_at
from composer.core.platforms import Limits, Platform, default_limits
from tests.support.images import photo


def assert_within(fitted: FittedImage, limits: Limits) -> None:
    with PILImage.open(io.BytesIO(fitted.data)) as image:
        assert image.size == (fitted.width, fitted.height)
        assert PILImage.MIME[image.format] == fitted.mime
    assert fitted.mime in limits.image_types
    if limits.image_bytes is not None:
        assert fitted.bytes <= limits.image_bytes
    if limits.image_pixels is not None:
        assert fitted.pixels <= limits.image_pixels
    if limits.image_long_side is not None:
        assert max(fitted.width, fitted.height) <= limits.image_long_side
    assert image_fits(fitted, limits)


def test_a_big_camera_photo_fits_every_destination(tmp_path):
    path = tmp_path / "camera.jpg"
    photo(4800, 3200).save(path, quality=95)  # about 3.5 MB, 15 megapixels
    for platform in Platform:
        limits = default_limits(platform)
        fitted = fit_image(path, limits)
        assert_within(fitted, limits)
    bluesky = fit_image(path, default_limits("bluesky"))
    assert bluesky.bytes > 0.9 * 1_000_000  # the byte budget is used, not wasted
    assert bluesky.width >= 1500


def test_the_pixel_limit_is_met_exactly_at_the_largest_size(tmp_path):
    path = tmp_path / "wide.png"
    photo(1000, 700).save(path)
    limits = default_limits("mastodon").replace(image_pixels=300_000)
    fitted = fit_image(path, limits)
    assert_within(fitted, limits)
    side = top_side(1000, 700, limits)
    assert (fitted.width, fitted.height) == size_at(1000, 700, side)
    width, height = size_at(1000, 700, side + 1)
    assert width * height > 300_000  # one pixel longer would not fit


def test_quality_comes_before_size(tmp_path):
    path = tmp_path / "camera.jpg"
    photo(1600, 1200).save(path, quality=95)
    roomy = fit_image(path, default_limits("bluesky").replace(image_bytes=900_000))
    assert (roomy.width, roomy.height) == (1600, 1200)  # quality lowered, size kept
    tight = fit_image(path, default_limits("bluesky").replace(image_bytes=120_000))
    assert tight.width < 1600
    assert tight.bytes <= 120_000
    with PILImage.open(io.BytesIO(tight.data)) as image:
        # Smaller, but not below the quality floor (75: libjpeg's table then starts at 8).
        assert image.quantization[0][0] <= 8


KINDS = {
    "JPEG": ("RGB", {"quality": 92}),
    "PNG": ("RGB", {}),
    "PNG-alpha": ("RGBA", {}),
    "WEBP": ("RGB", {"quality": 90}),
    "GIF": ("RGB", {}),
}


LIMITS = st.fixed_dictionaries(
    {
        "image_bytes": st.none() | st.integers(25_000, 400_000),
        "image_pixels": st.none() | st.integers(5_000, 300_000),
        "image_long_side": st.none() | st.integers(64, 600),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.tuples(st.integers(8, 700), st.integers(8, 700)),
    kind=st.sampled_from(sorted(KINDS)),
    platform=st.sampled_from(list(Platform)),
    changes=LIMITS,
)
def test_any_picture_under_any_limits_fits(tmp_path, size, kind, platform, changes):
    width, height = size
    mode, options = KINDS[kind]
    path = tmp_path / f"in.{kind.split('-')[0].lower()}"
    image = photo(width, height, seed=width * height)
    if mode == "RGBA":
        image.putalpha(PILImage.linear_gradient("L").resize((width, height)))
    image.save(path, kind.split("-")[0], **options)
    limits = default_limits(platform).replace(**changes)
    fitted = fit_image(path, limits)
    assert_within(fitted, limits)
    if changes["image_bytes"] is None:  # only size limits: exactly the largest size allowed
        side = top_side(width, height, limits)
        assert (fitted.width, fitted.height) == size_at(width, height, side)
