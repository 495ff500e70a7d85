"""Decoding a file into upright sRGB pixels, at a reduced size where the decoder allows it."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.core.images.color import normalise
from composer.core.images.probe import ANIMATABLE, ImageError, frame_count, open_image

if TYPE_CHECKING:
    from PIL import Image as PILImage

ORIENTATION = 0x0112
_SIDEWAYS = frozenset({5, 6, 7, 8})  # stored rotated by a quarter turn: width and height swap
_DRAFTABLE = frozenset({"JPEG", "MPO"})


@dataclass(frozen=True, slots=True)
class Source:
    """An opened file: its bytes and what the header says, nothing decoded yet."""

    data: bytes
    kind: str
    width: int  # upright, after the EXIF orientation
    height: int
    orientation: int
    frames: int
    mode: str
    icc: bytes  # the embedded colour profile, b"" when none

    @property
    def animated(self) -> bool:
        return self.kind in ANIMATABLE and self.frames > 1

    @property
    def long_side(self) -> int:
        return max(self.width, self.height)


def open_source(data: bytes) -> Source:
    image = open_image(data)
    with image:
        try:
            orientation = int(image.getexif().get(ORIENTATION, 1) or 1)
            frames = frame_count(image, data)
        except ImageError:
            raise
        except Exception as failure:  # a broken EXIF block or frame table
            raise ImageError("image_damaged") from failure
        width, height = image.size
        if orientation in _SIDEWAYS:
            width, height = height, width
        return Source(
            data=data,
            kind=image.format or "",
            width=width,
            height=height,
            orientation=orientation if 1 <= orientation <= 8 else 1,
            frames=frames,
            mode=image.mode,
            icc=image.info.get("icc_profile") or b"",
        )


def decode(source: Source, at_least: tuple[int, int] | None = None) -> PILImage.Image:
    """Upright, normalised pixels of the first frame; raises ImageError("image_damaged").

    With `at_least`, a JPEG is decoded at 1/2, 1/4 or 1/8 of its size when that is still at
    least this large (upright width, height): most of the time of a full decode is saved.
    """
    from PIL import ImageOps  # Pillow loads with the first image (open_image)

    image = open_image(source.data)
    if at_least and source.kind in _DRAFTABLE:
        width, height = at_least
        if source.orientation in _SIDEWAYS:
            width, height = height, width
        image.draft(None, (width, height))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # odd EXIF and palette notes are not our concern
            image.load()
            ImageOps.exif_transpose(image, in_place=True)
    except MemoryError as failure:
        raise ImageError("image_too_many_pixels") from failure
    except Exception as failure:  # truncated or corrupt data fails each decoder its own way
        raise ImageError("image_damaged") from failure
    return normalise(image)


def draft_scale(source: Source, size: tuple[int, int]) -> int:
    """The divisor (1, 2, 4 or 8) a JPEG decode for `size` would use; 1 for other formats."""
    if source.kind not in _DRAFTABLE:
        return 1
    ratio = min(source.width // max(size[0], 1), source.height // max(size[1], 1))
    return next((scale for scale in (8, 4, 2) if scale <= ratio), 1)
