"""The largest size, then the best quality, under a byte limit, in as few encodes as we can.

Pure: it only calls `render` (pixels at a size) and `encode` (bytes at a quality), so the
benchmark can run the same search over a plain full-decode renderer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

QUALITY_TOP = 92  # above this, files grow much faster than anyone can see
QUALITY_FLOOR = 75  # below this a slightly smaller picture looks better than a blotchy one
QUALITY_LAST = 30  # only at the smallest size, when nothing else fits
MIN_SIDE = 64
CLOSE = 1.04  # done when the largest fitting side is within 4 % of the smallest failing one
FULL = 0.95  # or when a fitting size uses 95 % of the bytes: the quality search takes the rest
_STEPS = 8

# Pixels at exactly a size (an image, or an animation's frames), and their bytes at a quality.
Render = Callable[[tuple[int, int]], Any]
Encode = Callable[[Any, int | None], bytes]


@dataclass(frozen=True, slots=True)
class Encoded:
    data: bytes
    width: int
    height: int
    quality: int | None


def size_at(width: int, height: int, side: int) -> tuple[int, int]:
    """Width and height with the long side `side`, rounded down (never over a limit)."""
    if width >= height:
        return side, max(1, height * side // width)
    return max(1, width * side // height), side


def search(
    upright: tuple[int, int],
    top_side: int,
    render: Render,
    encode: Encode,
    limit: int | None,
    *,
    lossy: bool,
    first_side: int | None = None,
) -> Encoded:
    """`first_side` starts the size search lower, where a probe is cheaper than the top."""
    width, height = upright

    def attempt(side: int, quality: int | None) -> tuple[Any, Encoded]:
        size = size_at(width, height, side)
        image = render(size)
        return image, Encoded(encode(image, quality), *size, quality)

    top_quality, floor = (QUALITY_TOP, QUALITY_FLOOR) if lossy else (None, None)
    start = min(first_side or top_side, top_side)
    good: tuple[int, Any, Encoded] | None = None
    bad: tuple[int, int] | None = None  # (side, bytes) of the smallest size that failed
    tried: list[tuple[int, int]] = []
    side: int | None = start
    if limit is None or start == top_side:
        image, best = attempt(top_side, top_quality)
        if limit is None or len(best.data) <= limit:
            return best
        if not lossy:  # a lossless file has no lower quality to try at this size
            bad = (top_side, len(best.data))
            tried.append(bad)
            side = _next_side(tried, limit, None, bad, top_side)
    for _ in range(_STEPS):
        if side is None:
            break
        image, result = attempt(side, floor)
        tried.append((side, len(result.data)))
        if len(result.data) <= limit:
            good = (side, image, result)
        else:
            bad = tried[-1]
        fitting = (good[0], len(good[2].data)) if good else None
        side = _next_side(tried, limit, fitting, bad, top_side)
    if good is None:
        side = min(point[0] for point in tried)
        image, smallest = attempt(side, QUALITY_LAST if lossy else None)
        if lossy and len(smallest.data) <= limit:
            return _best_quality(image, encode, limit, smallest, QUALITY_FLOOR - 1)
        return smallest  # over the limit: the rules report it as too large
    side, image, result = good
    if not lossy:
        return result
    return _best_quality(image, encode, limit, result, QUALITY_TOP)


def _next_side(
    tried: list[tuple[int, int]],
    limit: int,
    good: tuple[int, int] | None,
    bad: tuple[int, int] | None,
    top: int,
) -> int | None:
    """The next long side to try: interpolated where bytes ≈ c·side^k meets the limit."""
    if good is not None and (
        good[0] >= top or good[1] >= FULL * limit or (bad is not None and bad[0] <= good[0] * CLOSE)
    ):
        return None
    low = math.ceil(good[0] * 1.01) if good else MIN_SIDE
    high = math.floor(bad[0] / 1.01) if bad else top
    if bad is not None and high < MIN_SIDE < bad[0]:
        high = MIN_SIDE
    if low > high:
        return None
    far: tuple[int, int] | None
    if good is not None and bad is not None:
        near, far, aim = good, bad, 0.99 * limit
    else:  # one side known: aim a little under when coming down, so the next one fits
        near = tried[-1]
        far = tried[-2] if len(tried) > 1 else None
        aim = limit if good is not None else 0.97 * limit
    exponent = 1.8  # a photograph's typical growth, until two tries tell better
    if far is not None and far[0] != near[0] and far[1] != near[1] and min(far[1], near[1]) > 0:
        exponent = math.log(far[1] / near[1]) / math.log(far[0] / near[0])
        exponent = min(max(exponent, 1.0), 2.5)
    guess = round(near[0] * (aim / max(near[1], 1)) ** (1 / exponent))
    guess = min(max(guess, low), high)
    return None if guess in {side for side, _ in tried} else guess


def _best_quality(image: Any, encode: Encode, limit: int, fits: Encoded, high: int) -> Encoded:
    """The highest quality up to `high` that fits, given that `fits.quality` does.

    Bytes grow about exponentially with quality: interpolate, then close the bracket.
    """
    best = fits
    low, low_bytes = fits.quality or 0, len(fits.data)
    over: tuple[int, int] | None = None  # (quality, bytes) of the lowest quality that failed
    while low < high:
        rate = 0.05  # about 5 % more bytes per step, until a failure tells better
        if over is not None and over[1] > low_bytes:
            rate = math.log(over[1] / low_bytes) / (over[0] - low)
        step = int(math.log(limit / max(low_bytes, 1)) / rate)
        candidate = min(max(low + step, low + 1), high)
        data = encode(image, candidate)
        if len(data) <= limit:
            best, low, low_bytes = (
                Encoded(data, fits.width, fits.height, candidate),
                candidate,
                len(data),
            )
        else:
            high, over = candidate - 1, (candidate, len(data))
    return best
