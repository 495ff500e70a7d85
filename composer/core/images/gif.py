"""Animated GIFs: every frame kept, made smaller as a whole when the destination needs it."""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING

from composer.core.images.decode import Source
from composer.core.images.encode import GIF
from composer.core.images.probe import ImageError, open_image
from composer.core.images.search import Encoded, search
from composer.core.platforms import Limits

if TYPE_CHECKING:
    from PIL import Image as PILImage

# Frames × pixels we are willing to hold (as RGBA: 4 bytes each): about 160 MB.
FRAME_BUDGET = 40_000_000


def fit_animation(source: Source, limits: Limits, top_side: int) -> Encoded | None:
    """The animation within the limits, or None when it cannot be kept (then: first frame)."""
    if GIF not in limits.image_types or source.frames * source.width * source.height > (
        FRAME_BUDGET
    ):
        return None
    frames, durations, loop = _frames(source)

    def render(size: tuple[int, int]) -> list[PILImage.Image]:
        if size == frames[0].size:
            return frames
        from PIL.Image import Resampling

        return [frame.resize(size, Resampling.LANCZOS) for frame in frames]

    def encode(scaled: list[PILImage.Image], _quality: int | None) -> bytes:
        out = io.BytesIO()
        extra = {} if loop is None else {"loop": loop}
        scaled[0].save(
            out, "GIF", save_all=True, append_images=scaled[1:], duration=durations,
            disposal=2, **extra,
        )  # fmt: skip
        return out.getvalue()

    upright = (source.width, source.height)
    fitted = search(upright, top_side, render, encode, limits.image_bytes, lossy=False)
    if limits.image_bytes is not None and len(fitted.data) > limits.image_bytes:
        return None
    return fitted


def _frames(source: Source) -> tuple[list[PILImage.Image], list[int], int | None]:
    image = open_image(source.data)
    frames, durations = [], []
    try:
        with image, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loop = image.info.get("loop")
            for index in range(source.frames):
                image.seek(index)
                frame = image.convert("RGBA")
                frame.info = {}  # the GIF writer would copy comments and extensions along
                frames.append(frame)
                durations.append(int(image.info.get("duration", 100)))
    except MemoryError as failure:
        raise ImageError("image_too_many_pixels") from failure
    except Exception as failure:  # a truncated frame fails its own way
        raise ImageError("image_damaged") from failure
    return frames, durations, loop
