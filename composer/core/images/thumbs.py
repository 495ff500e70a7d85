"""Thumbnails for the window: small, upright, without metadata, cheap on memory.

A JPEG is decoded straight at 1/2, 1/4 or 1/8 of its size (Image.draft), so a 24-megapixel
photo never sits in memory whole; other formats have no such decoder and are decoded once.
Like fitting, this is for the worker thread, not the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from composer.core.images.color import has_alpha
from composer.core.images.decode import decode, open_source
from composer.core.images.encode import JPEG, PNG, encode
from composer.core.images.header import read_photo
from composer.core.images.probe import ImageError
from composer.core.images.search import size_at


def thumbnail(path: Path, size: int = 256) -> bytes:
    """PNG when the picture has transparency, else JPEG; raises ImageError for bad input.

    `size` bounds the long side. Animations give their first frame.
    """
    try:
        _status, data = read_photo(path)
    except OSError as failure:
        raise ImageError("image_unreadable") from failure
    source = open_source(data)
    side = min(size, source.long_side)
    wanted = size_at(source.width, source.height, side)
    image = decode(source, at_least=wanted)
    if image.size != wanted:
        from PIL.Image import Resampling

        image = image.resize(wanted, Resampling.LANCZOS, reducing_gap=2.0)
    return encode(image, PNG) if has_alpha(image) else encode(image, JPEG, 85)
