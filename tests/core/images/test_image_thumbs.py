"""Thumbnails: small, upright, private, and made without decoding a big photo in full."""

import io

from PIL import Image as PILImage

from composer.core.images import thumbs
from composer.core.images.thumbs import thumbnail
from tests.support.images import LEAKS, camera_exif, photo


def test_a_big_photo_is_decoded_at_a_reduced_size(tmp_path, monkeypatch):
    path = tmp_path / "camera.jpg"
    photo(4000, 3000).save(path, quality=90, exif=camera_exif(1))
    decoded = []
    real = thumbs.decode

    def decode(source, at_least=None):
        image = real(source, at_least)
        decoded.append(image.size)
        return image

    monkeypatch.setattr(thumbs, "decode", decode)
    data = thumbnail(path, 256)
    assert decoded == [(500, 375)]  # 1/8 of the photo, never all 12 megapixels
    with PILImage.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (256, 192))
        assert not image.getexif()
    assert not any(leak in data for leak in LEAKS)


def test_transparent_pictures_get_a_png_thumbnail(tmp_path):
    path = tmp_path / "logo.png"
    image = PILImage.new("RGBA", (800, 400), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (300, 100, 500, 300))
    image.save(path)
    with PILImage.open(io.BytesIO(thumbnail(path, 100))) as small:
        assert (small.format, small.size, small.mode) == ("PNG", (100, 50), "RGBA")
        assert small.getpixel((2, 2))[3] == 0


def test_a_small_picture_is_not_enlarged(tmp_path):
    path = tmp_path / "icon.gif"
    photo(40, 30).save(path)
    with PILImage.open(io.BytesIO(thumbnail(path, 256))) as small:
        assert small.size == (40, 30)
