"""Nothing but pixels leaves: no EXIF, GPS, serial number, XMP, comment or foreign profile."""

import io

import pytest
from PIL import Image as PILImage

from composer.core.images.fit import fit_image
from composer.core.images.jpeg import strip_metadata
from composer.core.images.probe import FittedImage, load_pillow
from composer.core.platforms import Platform, default_limits
from tests.support.images import LEAKS, XMP, camera_exif, photo, pixels_of, rgb_profile

SAFE_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "dpi",
    "adobe",
    "adobe_transform",
    "progressive",
    "progression",
    "loop",
    "duration",
    "background",
    "version",
    "transparency",
    "extension",
}


def assert_private(fitted: FittedImage) -> None:
    for leak in LEAKS:
        assert leak not in fitted.data, leak
    with PILImage.open(io.BytesIO(fitted.data)) as image:
        assert set(image.info) <= SAFE_INFO, set(image.info) - SAFE_INFO
        assert not image.getexif()
        assert not image.info.get("icc_profile")


def camera_files(folder):
    """The same picture as each kind of file a person might drop in, metadata and all."""
    load_pillow()  # HEIC support, as the app registers it with its first photo
    picture = photo(640, 480)
    exif = camera_exif(orientation=1)
    files = {
        "jpg": {"quality": 90, "exif": exif, "xmp": XMP, "comment": b"SecretTool"},
        "png": {"exif": exif, "xmp": XMP},
        "webp": {"exif": exif, "xmp": XMP},
        "heic": {"exif": exif, "xmp": XMP},
        "tiff": {"exif": exif},
        "gif": {"comment": b"SecretTool"},
    }
    paths = []
    for extension, options in files.items():
        path = folder / f"camera.{extension}"
        picture.save(path, **options)
        paths.append(path)
    tagged = folder / "tagged.jpg"
    picture.save(tagged, quality=90, exif=exif, icc_profile=rgb_profile())
    return [*paths, tagged]


@pytest.fixture(scope="module")
def camera_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("camera")
    return camera_files(folder)


@pytest.mark.parametrize("platform", list(Platform))
def test_every_output_for_every_destination_is_stripped(camera_folder, platform):
    for path in camera_folder:
        fitted = fit_image(path, default_limits(platform))
        assert_private(fitted)


def test_a_fitting_jpeg_keeps_its_pixels_exactly_and_loses_its_metadata(tmp_path):
    path = tmp_path / "camera.jpg"
    photo(800, 600).save(path, quality=90, exif=camera_exif(1), xmp=XMP, comment=b"SecretTool")
    fitted = fit_image(path, default_limits("mastodon"))
    assert_private(fitted)
    assert fitted.bytes < path.stat().st_size
    original, uploaded = pixels_of(path.read_bytes()), pixels_of(fitted.data)
    assert original.tobytes() == uploaded.tobytes()  # not re-encoded: no quality lost


def test_trailing_data_after_the_image_is_dropped():
    # Phones append a second picture or a motion video after the JPEG itself.
    jpeg = io.BytesIO()
    photo(64, 48).save(jpeg, "JPEG", quality=80, exif=camera_exif(1))
    stripped = strip_metadata(jpeg.getvalue() + b"MOTION-VIDEO" + bytes(100))
    assert stripped is not None
    assert stripped.endswith(b"\xff\xd9")
    assert b"MOTION-VIDEO" not in stripped
    progressive = io.BytesIO()
    photo(64, 48).save(progressive, "JPEG", progressive=True, exif=camera_exif(1))
    stripped = strip_metadata(progressive.getvalue())
    assert pixels_of(stripped).tobytes() == pixels_of(progressive.getvalue()).tobytes()
    assert strip_metadata(b"not a jpeg") is None
