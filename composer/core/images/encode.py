"""Writing pixels as JPEG, PNG or WebP, and which of those a destination gets."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from composer.core.images.color import flatten

if TYPE_CHECKING:
    from PIL import Image as PILImage

JPEG, PNG, GIF, WEBP = "image/jpeg", "image/png", "image/gif", "image/webp"
LOSSY = frozenset({JPEG, WEBP})
# Camera pictures: their pixels are photographs, so a lossy format is the natural fit.
_PHOTO_KINDS = frozenset({"JPEG", "MPO", "HEIF", "AVIF"})


def encode(image: PILImage.Image, mime: str, quality: int | None = None) -> bytes:
    """Only the pixels: the images reaching here carry no metadata (color.normalise)."""
    out = io.BytesIO()
    if mime == JPEG:
        image = flatten(image)
        image.save(out, "JPEG", quality=quality or 90)
    elif mime == WEBP:
        if image.mode in ("L", "LA"):
            image = image.convert("RGBA" if image.mode == "LA" else "RGB")
        image.save(out, "WEBP", quality=quality or 90, method=4)
    elif mime == PNG:
        image.save(out, "PNG")
    else:
        raise ValueError(mime)
    return out.getvalue()


def choose(kind: str, alpha: bool, accepted: frozenset[str]) -> tuple[str | None, str] | None:
    """(lossless format to try at full size first, format to fit with), or None.

    Photographs become JPEG. Drawings and screenshots stay PNG when that fits at the largest
    size, else become JPEG; with transparency WebP (where taken) or a smaller PNG. A WebP stays
    WebP where it is taken.
    """
    png = PNG if PNG in accepted else None
    if kind == "WEBP" and WEBP in accepted:
        return None, WEBP
    if alpha:
        final = WEBP if WEBP in accepted else png
        if final is None:
            final = JPEG if JPEG in accepted else None
        first = png if final != png else None
    else:
        final = JPEG if JPEG in accepted else png
        first = png if kind not in _PHOTO_KINDS and final != png else None
    return None if final is None else (first, final)
