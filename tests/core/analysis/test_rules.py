from pathlib import Path

import pytest

from composer.core.analysis.rules import Code, Severity, check_content_warning, check_images
from composer.core.drafts.draft import Image
from composer.core.images.probe import ImageInfo
from composer.core.platforms import Platform, default_limits

JPEG = ImageInfo(path=Path("a.jpg"), bytes=500_000, mime="image/jpeg", width=2000, height=1500)


def _codes(problems):
    return [(problem.code, problem.numbers) for problem in problems]


def test_pixelfed_needs_an_image():
    assert _codes(check_images((), (), default_limits("pixelfed"))) == [(Code.IMAGE_REQUIRED, {})]
    assert check_images((), (), default_limits("mastodon")) == []


def test_too_many_images_says_by_how_many():
    images = tuple(Image(Path(f"{i}.jpg"), alt="x") for i in range(6))
    problems = check_images(images, (JPEG,) * 6, default_limits("bluesky"))
    assert _codes(problems) == [(Code.TOO_MANY_IMAGES, {"count": 6, "limit": 4, "over": 2})]
    assert check_images(images, (JPEG,) * 6, default_limits("discord")) == []


def test_alt_text_missing_unless_decorative():
    limits = default_limits("mastodon")
    missing = check_images((Image(Path("a.jpg"), alt="  "),), (JPEG,), limits)
    assert _codes(missing) == [(Code.ALT_TEXT_MISSING, {"image": 1})]
    assert missing[0].severity is Severity.ERROR
    assert check_images((Image(Path("a.jpg"), decorative=True),), (JPEG,), limits) == []


@pytest.mark.parametrize(
    ("platform", "alt", "length"),
    [
        ("bluesky", "👨‍👩‍👧" * 2001, 2001),  # graphemes
        ("mastodon", "é" * 1501, 1501),  # code points
        ("pixelfed", "a" * 1001, 1001),
        ("discord", "😀" * 513, 1026),  # UTF-16 units: each emoji is two
    ],
)
def test_alt_text_too_long_in_each_networks_unit(platform, alt, length):
    limits = default_limits(platform)
    problems = check_images((Image(Path("a.jpg"), alt=alt),), (JPEG,), limits)
    limit = limits.alt_text_limit
    assert _codes(problems) == [
        (
            Code.ALT_TEXT_TOO_LONG,
            {"image": 1, "length": length, "limit": limit, "over": length - limit},
        )
    ]
    fits = alt[: len(alt) // 2]
    assert check_images((Image(Path("a.jpg"), alt=fits),), (JPEG,), limits) == []


def test_unsupported_type_and_too_large():
    webp = ImageInfo(path=Path("a.webp"), bytes=10, mime="image/webp", width=5, height=5)
    image = (Image(Path("a.webp"), alt="x"),)
    assert _codes(check_images(image, (webp,), default_limits("pixelfed"))) == [
        (Code.IMAGE_TYPE_UNSUPPORTED, {"image": 1, "type": "image/webp"})
    ]
    big = ImageInfo(path=Path("b.jpg"), bytes=1_000_001, mime="image/jpeg", width=10, height=10)
    assert _codes(check_images(image, (big,), default_limits("bluesky"))) == [
        (Code.IMAGE_TOO_LARGE, {"image": 1, "bytes": 1_000_001, "width": 10, "height": 10})
    ]
    assert check_images(image, (big,), default_limits("mastodon")) == []


def test_unreadable_files_keep_their_probe_code():
    broken = ImageInfo(path=Path("x.jpg"), bytes=0, error="image_empty")
    assert _codes(
        check_images((Image(Path("x.jpg"), alt="x"),), (broken,), default_limits("website"))
    ) == [(Code.IMAGE_EMPTY, {"image": 1})]


def test_content_warnings():
    assert _codes(check_content_warning("Let op", default_limits(Platform.BLUESKY))) == [
        (Code.CONTENT_WARNING_UNSUPPORTED, {})
    ]
    assert check_content_warning("x" * 140, default_limits(Platform.PIXELFED)) == []
    assert _codes(check_content_warning("x" * 141, default_limits(Platform.PIXELFED))) == [
        (Code.CONTENT_WARNING_TOO_LONG, {"length": 141, "limit": 140, "over": 1})
    ]
    assert check_content_warning("", default_limits(Platform.DISCORD)) == []
