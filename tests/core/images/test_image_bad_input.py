"""Whatever a person drops in, the answer is a problem code, never a crash."""

import io

import pytest
from PIL import Image as PILImage

from composer.core.analysis.rules import Code, check_images
from composer.core.drafts.draft import Image
from composer.core.images.fit import fit_image, fit_or_info
from composer.core.images.probe import ImageError, probe
from composer.core.images.thumbs import thumbnail
from composer.core.platforms import default_limits
from tests.support.images import encoded, huge_blank_png, photo, png_header_only


def truncated_jpeg() -> bytes:
    data = encoded(photo(400, 300), "JPEG", quality=90)
    return data[: len(data) // 2]


def corrupt_png() -> bytes:
    data = bytearray(encoded(photo(200, 150), "PNG"))
    start = data.index(b"IDAT") + 40
    data[start : start + 64] = bytes(64)  # damaged pixel data: the CRC no longer matches
    return bytes(data)


def truncated_gif() -> bytes:
    frames = [photo(80, 60, seed) for seed in range(4)]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])
    return data[: len(data) * 2 // 3]


def svg() -> bytes:
    return b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10"/>'


BAD = {
    "empty": (b"", "image_empty"),
    "text named .jpg": (b"Dit is geen foto, maar tekst.\n", "image_not_recognised"),
    "random bytes": (bytes(range(256)) * 8, "image_not_recognised"),
    "truncated JPEG": (truncated_jpeg(), "image_damaged"),
    "corrupt PNG": (corrupt_png(), "image_damaged"),
    "truncated animated GIF": (truncated_gif(), "image_damaged"),
    "header claims 40,000 × 40,000": (png_header_only(40_000, 40_000), "image_too_many_pixels"),
    "header claims 12,000 × 11,000": (png_header_only(12_000, 11_000), "image_too_many_pixels"),
    "a real 20,000 × 20,000 PNG": (huge_blank_png(20_000), "image_too_many_pixels"),
    "an icon": (encoded(photo(32, 32), "ICO"), "image_format_unsupported"),
    "a Targa file": (encoded(photo(32, 32), "TGA"), "image_format_unsupported"),
    "an SVG drawing": (svg(), "image_format_unsupported"),
    "a PDF": (encoded(photo(32, 32), "PDF"), "image_format_unsupported"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_every_bad_input_gets_its_code(tmp_path, name):
    content, code = BAD[name]
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    for platform in ("bluesky", "pixelfed", "website"):
        with pytest.raises(ImageError) as raised:
            fit_image(path, default_limits(platform))
        assert raised.value.code == code
        info = fit_or_info(path, default_limits(platform))
        assert info.error == code
        problems = check_images((Image(path, alt="x"),), (info,), default_limits(platform))
        assert [problem.code for problem in problems] == [Code(code)]
    if name == "truncated animated GIF":
        assert thumbnail(path)  # its first frame is whole: the window can show that
        return
    with pytest.raises(ImageError) as raised:
        thumbnail(path)
    assert raised.value.code == code


def test_unsupported_formats_are_named(tmp_path):
    path = tmp_path / "drawing.svg"
    path.write_bytes(svg())
    info = fit_or_info(path, default_limits("mastodon"))
    problems = check_images((Image(path, alt="x"),), (info,), default_limits("mastodon"))
    assert problems[0].numbers == {"image": 1, "type": "SVG"}
    icon = tmp_path / "favicon.ico"
    icon.write_bytes(BAD["an icon"][0])
    assert probe(icon).kind == "ICO"


def test_a_missing_or_unreadable_file(tmp_path):
    with pytest.raises(ImageError) as raised:
        fit_image(tmp_path / "gone.jpg", default_limits("bluesky"))
    assert raised.value.code == "image_unreadable"
    assert fit_or_info(tmp_path / "gone.jpg", default_limits("bluesky")).error == (
        "image_unreadable"
    )
    with pytest.raises(ImageError):
        thumbnail(tmp_path)  # a folder


def test_a_picture_below_the_safety_limit_still_opens(tmp_path):
    # Pillow warns above 89 megapixels; a 100-megapixel camera must still work.
    path = tmp_path / "large.jpg"
    PILImage.new("RGB", (10_000, 9_000), (90, 120, 150)).save(path, quality=80)
    with pytest.warns(PILImage.DecompressionBombWarning):
        PILImage.open(path).close()
    fitted = fit_image(path, default_limits("bluesky"))
    assert (fitted.width, fitted.height) == (4_000, 3_600)
    with PILImage.open(io.BytesIO(fitted.data)) as image:
        assert image.getpixel((10, 10)) == pytest.approx((90, 120, 150), abs=3)
