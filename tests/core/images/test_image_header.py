"""The checks before any decoder: they count GIF frames as Pillow does, accept every real JPEG,
and answer any bytes at all without an exception and without reading them one by one."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from composer.core.images.header import MAX_FRAMES, gif_frames, jpeg_header_complete
from tests.support.images import photo


@settings(max_examples=30, deadline=None)
@given(frames=st.integers(1, 12), width=st.integers(1, 40), height=st.integers(1, 40))
def test_gif_frames_are_counted_as_pillow_counts_them(frames, width, height):
    pictures = [PILImage.new("P", (width, height), n) for n in range(frames)]
    out = io.BytesIO()
    pictures[0].save(out, "GIF", save_all=True, append_images=pictures[1:], duration=20)
    data = out.getvalue()
    with PILImage.open(io.BytesIO(data)) as image:
        assert gif_frames(data) == image.n_frames
    assert gif_frames(data, most=1) == 1  # counting stops at the cap


def test_a_cut_off_gif_counts_what_is_there():
    assert gif_frames(b"GIF89a") == 0
    assert gif_frames(b"GIF89a" + bytes(7) + b"\x2c" + bytes(3)) == 1
    assert MAX_FRAMES == 1000


@settings(max_examples=25, deadline=None)
@given(
    width=st.integers(1, 300),
    height=st.integers(1, 300),
    comment=st.binary(max_size=2000),
    quality=st.integers(30, 95),
    progressive=st.booleans(),
)
def test_every_real_jpeg_header_is_complete(width, height, comment, quality, progressive):
    out = io.BytesIO()
    photo(width, height).save(
        out, "JPEG", quality=quality, progressive=progressive, comment=comment, exif=b""
    )
    assert jpeg_header_complete(out.getvalue())


@given(st.binary(max_size=4096))
def test_any_bytes_after_the_jpeg_marker_get_an_answer(rest):
    assert jpeg_header_complete(b"\xff\xd8" + rest) in (True, False)


def test_zeros_and_endless_empty_markers_are_refused():
    assert not jpeg_header_complete(b"\xff\xd8\xff" + bytes(4 << 20))
    assert not jpeg_header_complete(b"\xff\xd8" + b"\xff\x00" * (1 << 20) + b"\xff\xda")
