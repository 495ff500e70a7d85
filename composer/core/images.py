"""Reading images: what a file is, how large, and whether it can be opened at all."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

_MIME = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # multi-picture JPEG from phone cameras: a JPEG to every server
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "HEIF": "image/heif",
    "AVIF": "image/avif",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
}


@dataclass(frozen=True, slots=True)
class ImageInfo:
    path: Path
    bytes: int
    mime: str = ""
    width: int = 0
    height: int = 0
    frames: int = 1
    # A stable problem code when the file cannot be used as an image at all.
    error: str = ""

    @property
    def pixels(self) -> int:
        return self.width * self.height


def probe(path: Path) -> ImageInfo:
    """Read only the header: cheap enough to call for every image on every change."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return ImageInfo(path=path, bytes=0, error="image_unreadable")
    if size == 0:
        return ImageInfo(path=path, bytes=0, error="image_empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                width, height = image.size
                kind = image.format or ""
                frames = getattr(image, "n_frames", 1)
    except PILImage.DecompressionBombError:
        return ImageInfo(path=path, bytes=size, error="image_too_many_pixels")
    except (UnidentifiedImageError, SyntaxError, ValueError):
        return ImageInfo(path=path, bytes=size, error="image_not_recognised")
    except OSError:
        return ImageInfo(path=path, bytes=size, error="image_unreadable")
    return ImageInfo(
        path=path,
        bytes=size,
        mime=_MIME.get(kind, f"image/{kind.lower()}"),
        width=width,
        height=height,
        frames=frames,
    )
