import struct
import zlib

import pytest
from PIL import Image as PILImage

from composer.core.images.probe import probe


def test_probe_reads_size_type_and_bytes_without_decoding(tmp_path):
    path = tmp_path / "photo.jpg"
    PILImage.new("RGB", (640, 480), "navy").save(path, quality=90)
    info = probe(path)
    assert (info.mime, info.width, info.height, info.error) == ("image/jpeg", 640, 480, "")
    assert info.bytes == path.stat().st_size
    assert info.pixels == 640 * 480


def test_animated_gif_frames_are_counted(tmp_path):
    path = tmp_path / "anim.gif"
    frames = [PILImage.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    assert probe(path).frames == 3


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size far larger than its data: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "image_empty"),
        (b"Dit is geen foto, maar tekst.\n", "image_not_recognised"),
        (_png_header_only(40_000, 40_000), "image_too_many_pixels"),
    ],
)
def test_bad_files_get_a_problem_code(tmp_path, content, code):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    assert probe(path).error == code


def test_missing_file_is_unreadable(tmp_path):
    assert probe(tmp_path / "gone.png").error == "image_unreadable"
