"""Fitting one image to one destination: the file that would be uploaded.

`fit_image` is a pure function of (file content, limits) and safe on any thread. A large photo
takes a noticeable fraction of a second or more, so the window runs it on its worker thread
and never on the UI thread; per keystroke it only `peek`s at the cache (see `prepared`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core.images.cache import FitCache, content_digest, fit_key
from composer.core.images.color import has_alpha, is_srgb
from composer.core.images.decode import Source, decode, draft_scale, open_source
from composer.core.images.encode import GIF, JPEG, LOSSY, choose, encode
from composer.core.images.gif import fit_animation
from composer.core.images.header import read_photo
from composer.core.images.jpeg import strip_metadata
from composer.core.images.probe import FittedImage, ImageError, ImageInfo, probe
from composer.core.images.search import search, size_at
from composer.core.platforms import Limits

if TYPE_CHECKING:
    from PIL import Image as PILImage

ANIMATION_DROPPED = "image_animation_dropped"


def fit_image(path: Path, limits: Limits, *, cache: FitCache | None = None) -> FittedImage:
    """The largest, sharpest version within `limits`; raises ImageError for unusable input.

    When even the smallest size does not fit (an absurd byte limit), the smallest attempt is
    returned and the rules report it as too large.
    """
    try:
        stat, data = read_photo(path)  # bounded: never more than MAX_FILE_BYTES in memory
    except OSError as failure:
        raise ImageError("image_unreadable") from failure
    digest, key = content_digest(data), fit_key(limits)
    if cache is not None:
        cache.remember(path, stat, digest)
        found = cache.get(digest, key)
        if found is not None:
            return replace(found, path=path)
    fitted = replace(fit_data(data, limits), path=path)
    if cache is not None:
        cache.put(digest, key, fitted)
    return fitted


def fit_or_info(
    path: Path, limits: Limits, *, cache: FitCache | None = None
) -> FittedImage | ImageInfo:
    """For the analysis: the fitted file, or the probe carrying the reason it cannot be."""
    try:
        return fit_image(path, limits, cache=cache)
    except ImageError as failure:
        info = probe(path)
        if info.error or failure.code == "image_type_unsupported":
            return info  # the rules report the file's own type as not accepted
        return replace(info, error=failure.code, kind=failure.kind)


def prepared(
    infos: Sequence[ImageInfo], limits: Limits, cache: FitCache
) -> list[FittedImage | ImageInfo]:
    """Per keystroke: each image as fitted where a worker has done it, else as probed.

    Costs one stat per image; it never decodes, so it is safe on the UI thread.
    """
    return [(None if info.error else cache.peek(info.path, limits)) or info for info in infos]


def fit_data(data: bytes, limits: Limits) -> FittedImage:
    source = open_source(data)
    top = top_side(source.width, source.height, limits)
    notes: tuple[str, ...] = ()
    if source.animated:
        if source.kind == "GIF":
            kept = fit_animation(source, limits, top)
            if kept is not None:
                return FittedImage(Path(), kept.data, GIF, kept.width, kept.height)
        notes = (ANIMATION_DROPPED,)
    unchanged = _unchanged_jpeg(source, limits, top)
    if unchanged is not None:
        return unchanged
    return replace(_fit_still(source, limits, top), warnings=notes)


def top_side(width: int, height: int, limits: Limits) -> int:
    """The longest side allowed by the pixel and side limits (never larger than the image)."""
    longest = max(width, height)
    if limits.image_long_side is not None:
        longest = min(longest, limits.image_long_side)
    pixels = limits.image_pixels
    if pixels is None or width * height <= pixels:
        return max(longest, 1)
    side = min(longest, math.floor(max(width, height) * math.sqrt(pixels / (width * height))))
    # Rounding the short side down can leave room for one pixel more (or need one less).
    while side > 1 and math.prod(size_at(width, height, side)) > pixels:
        side -= 1
    while side < longest and math.prod(size_at(width, height, side + 1)) <= pixels:
        side += 1
    return max(side, 1)


def _unchanged_jpeg(source: Source, limits: Limits, top: int) -> FittedImage | None:
    """A JPEG that already fits goes up with its pixels untouched, only its metadata gone."""
    if (
        source.kind not in ("JPEG", "MPO")
        or source.orientation != 1
        or source.mode not in ("RGB", "L")
        or top < source.long_side
        or JPEG not in limits.image_types
        or not is_srgb(source.icc)
    ):
        return None
    stripped = strip_metadata(source.data)
    if stripped is None or (limits.image_bytes is not None and len(stripped) > limits.image_bytes):
        return None
    decode(replace(source, data=stripped), at_least=(1, 1))  # raises if the data is damaged
    return FittedImage(Path(), stripped, JPEG, source.width, source.height)


def _fit_still(source: Source, limits: Limits, top: int) -> FittedImage:
    render = _Renderer(source)
    alpha = source.kind not in ("JPEG", "MPO") and has_alpha(render.master())
    plan = choose(source.kind, alpha, limits.image_types)
    if plan is None:
        raise ImageError("image_type_unsupported")
    first, final = plan
    upright = (source.width, source.height)
    if first is not None:
        size = size_at(*upright, top)
        data = encode(render(size), first)
        if limits.image_bytes is None or len(data) <= limits.image_bytes:
            return FittedImage(Path(), data, first, *size)
    result = search(
        upright,
        top,
        render,
        lambda image, quality: encode(image, final, quality),
        limits.image_bytes,
        lossy=final in LOSSY,
        first_side=first_side(source, limits, top),
    )
    return FittedImage(Path(), result.data, final, result.width, result.height)


def first_side(source: Source, limits: Limits, top: int) -> int | None:
    """Where the size search starts, when not at the top.

    A JPEG much larger than the limit is probed at half size first: decoding at 1/2 is cheap,
    and when that already fails to fit, the full size is never decoded at all.
    """
    half = source.long_side // 2
    probe = (
        draft_scale(source, size_at(source.width, source.height, half)) > 1
        and limits.image_bytes is not None
        and len(source.data) > limits.image_bytes
        and top > half
    )
    return half if probe else None


class _Renderer:
    """Pixels at a size, from the smallest decode that still covers it."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._master: PILImage.Image | None = None
        self._scale = 0

    def master(self, size: tuple[int, int] | None = None) -> PILImage.Image:
        scale = draft_scale(self._source, size) if size else 1
        master = self._master
        too_small = (
            master is not None
            and size is not None
            and (master.width < size[0] or master.height < size[1])
        )
        # Decode again when a smaller JPEG decode now covers it: resizing from it is faster.
        if master is None or too_small or scale >= 2 * self._scale:
            master = self._master = decode(self._source, at_least=size)
            self._scale = scale
        return master

    def __call__(self, size: tuple[int, int]) -> PILImage.Image:
        master = self.master(size)
        if master.size == size:
            return master
        from PIL.Image import Resampling

        return master.resize(size, Resampling.LANCZOS, reducing_gap=3.0)
