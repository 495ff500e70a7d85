"""Reading images: what a file is, how large, and whether it can be opened at all.

The fitting itself lives in fit.py; this module holds the shared types and the one
safe way to open a file, so every caller gets the same problem codes for bad input.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

# re-exported, explicitly for mypy: the callers find it here
from composer.core.images.errors import ImageError as ImageError  # noqa: PLC0414

if TYPE_CHECKING:
    from PIL import Image as PILImage

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
# Only these decoders ever see a person's file: fewer formats, fewer surprises.
# (MPO is no decoder of its own: the JPEG one recognises it.)
READABLE = tuple(kind for kind in _MIME if kind != "MPO")
# Multi-frame files that are animations (MPO, HEIF and TIFF pages are other pictures).
ANIMATABLE = frozenset({"GIF", "WEBP", "PNG", "AVIF"})
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
# A 100-megapixel camera fits; a 20,000 × 20,000 PNG (a memory bomb) does not.
MAX_PIXELS = 120_000_000


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """A file as it stands on disk (header only), or why it cannot be used."""

    path: Path
    bytes: int
    mime: str = ""
    width: int = 0
    height: int = 0
    frames: int = 1
    # A stable problem code when the file cannot be used as an image at all.
    error: str = ""
    # The format's name when it is one Omroeper does not convert (PSD, SVG, …).
    kind: str = ""

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def examined(self) -> bool:
        """False for a file whose header has not been read yet (the window's worker is on it)."""
        return bool(self.mime or self.error)


@dataclass(frozen=True, slots=True)
class FittedImage:
    """What would be uploaded to one destination: pixels only, no metadata."""

    path: Path
    data: bytes
    mime: str
    width: int
    height: int
    # Codes of warning problems, e.g. "image_animation_dropped".
    warnings: tuple[str, ...] = ()

    @property
    def bytes(self) -> int:
        return len(self.data)

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def ext(self) -> str:
        return EXTENSIONS[self.mime]

    @property
    def error(self) -> str:
        return ""


@cache
def load_pillow() -> None:
    """Pillow loads with the first image opened, not at start-up (it takes a while); callers
    then import PIL.Image themselves, typed."""
    from pillow_heif import register_heif_opener

    register_heif_opener()  # iPhone photos (HEIC/HEIF); Pillow itself reads AVIF since 11.3


def mime_of(kind: str) -> str:
    return _MIME.get(kind, f"image/{kind.lower()}")


def open_image(data: bytes) -> PILImage.Image:
    """Open (header only) with the codes every bad input gets; raises ImageError."""
    from composer.core.images.header import HEADER_BYTES, check_header

    if not data:
        raise ImageError("image_empty")
    check_header(data[:HEADER_BYTES])
    return _open(io.BytesIO(data), data[:512])


def probe(path: Path) -> ImageInfo:
    """Read only the header, from the file's first few MB: bounded, but not for the UI thread.

    A header that does not stand within those first MB is refused, whatever follows.
    """
    from composer.core.images.header import read_head

    try:
        size, head, complete = read_head(path)
        if not head:
            raise ImageError("image_empty")
        image = open_image(head)
        with image:
            width, height = image.size
            kind = image.format or ""
            frames = frame_count(image, head)
    except ImageError as failure:
        return ImageInfo(path, _size(path), error=failure.code, kind=failure.kind)
    except (OSError, ValueError, SyntaxError, EOFError):
        # a header cut off at HEADER_BYTES is no picture Omroeper can read
        code = "image_unreadable" if complete else "image_not_recognised"
        return ImageInfo(path, _size(path), error=code)
    return ImageInfo(path, size, mime_of(kind), width, height, frames)


def frame_count(image: PILImage.Image, data: bytes) -> int:
    """Frames of an animation, counted no further than the cap; raises ImageError past it.

    Pillow counts a GIF's frames by reading all of them: we jump over their blocks instead.
    """
    from composer.core.images.header import MAX_FRAMES, gif_frames

    if image.format == "GIF":
        frames = max(gif_frames(data), 1)
    elif image.format in ANIMATABLE:
        frames = getattr(image, "n_frames", 1)  # a count these formats declare up front
    else:
        return 1  # pages of a TIFF or HEIF, a JPEG's previews: other pictures, not frames
    if frames > MAX_FRAMES:
        raise ImageError("image_too_many_frames")
    return frames


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _open(file: BinaryIO, head: bytes) -> PILImage.Image:
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    load_pillow()
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            image = PILImage.open(file, formats=_readable())
    except PILImage.DecompressionBombError as failure:
        raise ImageError("image_too_many_pixels") from failure
    except (UnidentifiedImageError, SyntaxError, ValueError, EOFError) as failure:
        raise _not_readable(file, head) from failure
    except OSError as failure:
        raise ImageError("image_unreadable") from failure
    if image.width * image.height > MAX_PIXELS:
        raise ImageError("image_too_many_pixels")
    return image


def _readable() -> list[str]:
    """READABLE as far as this Pillow knows them (a build may lack one: then it is unknown)."""
    from PIL import Image as PILImage

    load_pillow()
    PILImage.init()
    return [kind for kind in READABLE if kind in PILImage.OPEN]


def _not_readable(file: BinaryIO, head: bytes) -> ImageError:
    """A picture in a format we do not convert gets its name; anything else is unknown."""
    text = head.lstrip().lower()
    if text.startswith(b"%pdf"):
        return ImageError("image_format_unsupported", "PDF")
    if b"<svg" in text:
        return ImageError("image_format_unsupported", "SVG")
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with _pillow_open(file) as other:
                return ImageError("image_format_unsupported", other.format or "")
    except Exception:  # any decoder may fail its own way on foreign data
        return ImageError("image_not_recognised")


def _pillow_open(file: BinaryIO) -> PILImage.Image:
    from PIL import Image as PILImage

    load_pillow()
    return PILImage.open(file)
