"""Fitting a 24-megapixel photo under 1,000,000 bytes: Omroeper's route against the plain one.

Both routes run the very same search (quality, then size, from the same first probe), so they
land on the same size and only the way to the pixels differs. Plain Pillow: decode in full,
LANCZOS-resize from the full image. Omroeper: decode the JPEG at a reduced size
(Image.draft) that still covers the size asked for, then LANCZOS from that. Each route runs in
its own process, so its peak memory is its own.
"""

from __future__ import annotations

import io
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw, ImageOps, ImageStat

from composer.core.images.decode import open_source
from composer.core.images.encode import JPEG, encode
from composer.core.images.fit import first_side, fit_data, top_side
from composer.core.images.search import search
from composer.core.platforms import default_limits

LANCZOS = PILImage.Resampling.LANCZOS
BICUBIC = PILImage.Resampling.BICUBIC


def photo_like(width: int, height: int, seed: int = 2024) -> PILImage.Image:
    """Deterministic and photo-like, never a flat colour: a sky over wavy hills, texture at
    several scales (foliage, clouds), hard-edged buildings, and sensor grain."""
    rng = random.Random(seed)

    def noise(w: int, h: int) -> PILImage.Image:
        return PILImage.frombytes("L", (w, h), rng.randbytes(w * h))

    def texture(*scales: int) -> PILImage.Image:
        small = [noise(max(2, width // scale), max(2, height // scale)) for scale in scales]
        layers = [layer.resize((width, height), BICUBIC) for layer in small]
        out = layers[0]
        for index, layer in enumerate(layers[1:], 2):
            out = PILImage.blend(out, layer, 1 / index)
        return out

    depth = PILImage.linear_gradient("L").resize((width, height), PILImage.BILINEAR)
    detail = texture(300, 60, 12, 3)
    sky = PILImage.merge("RGB", [depth.point(lambda v, a=a, b=b: a + v * b) for a, b in _SKY])
    ground = PILImage.merge("RGB", [detail.point(lambda v, a=a, b=b: a + v * b) for a, b in _LAND])
    hills = PILImage.blend(depth, texture(800, 200), 0.35).point(lambda v: 255 if v > 105 else 0)
    image = PILImage.composite(ground, sky, hills)
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randrange(width), rng.randrange(height // 2, height)
        w, h = rng.randrange(width // 60, width // 12), rng.randrange(height // 20, height // 3)
        colour = tuple(rng.randrange(60, 230) for _ in range(3))
        draw.rectangle((x, y - h, x + w, y), fill=colour, outline=(25, 25, 25), width=4)
    image = ImageChops.soft_light(image, PILImage.merge("RGB", [detail] * 3))
    grain = PILImage.merge("RGB", [noise(width, height)] * 3)
    return PILImage.blend(image, grain, 0.05)


_SKY = ((60, 0.6), (110, 0.5), (200, 0.2))  # deep blue at the top, pale at the horizon
_LAND = ((50, 0.45), (70, 0.45), (30, 0.25))  # greens and browns


def plain_route(data: bytes, limit: int) -> tuple[bytes, int, int]:
    limits = default_limits("bluesky").replace(image_bytes=limit)
    full = ImageOps.exif_transpose(PILImage.open(io.BytesIO(data))).convert("RGB")
    top = top_side(full.width, full.height, limits)
    start = first_side(open_source(data), limits, top)

    def render(size: tuple[int, int]) -> PILImage.Image:
        return full if size == full.size else full.resize(size, LANCZOS)

    def jpeg(image: PILImage.Image, quality: int | None) -> bytes:
        return encode(image, JPEG, quality)

    found = search(full.size, top, render, jpeg, limit, lossy=True, first_side=start)
    return found.data, found.width, found.height


def omroeper_route(data: bytes, limit: int) -> tuple[bytes, int, int]:
    fitted = fit_data(data, default_limits("bluesky").replace(image_bytes=limit))
    return fitted.data, fitted.width, fitted.height


ROUTES = {"plain": plain_route, "omroeper": omroeper_route}


def _route_main(route: str, photo: str, limit: int, repeats: int, out: str) -> None:
    """In a child process: time the route, and its peak memory above what was there before."""
    data = Path(photo).read_bytes()
    baseline = _peak_bytes()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fitted, width, height = ROUTES[route](data, limit)
        times.append(time.perf_counter() - start)
    Path(out).write_bytes(fitted)
    figures = {"seconds": statistics.median(times), "peak_mb": (_peak_bytes() - baseline) / 1e6}
    print(json.dumps({**figures, "width": width, "height": height, "bytes": len(fitted)}))


def _peak_bytes() -> int:
    """This process's peak memory. Linux's ru_maxrss starts at the parent's peak (it survives
    fork and exec), so read the address space's own high-water mark there."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def psnr(image: PILImage.Image, reference: PILImage.Image) -> float:
    stat = ImageStat.Stat(ImageChops.difference(image, reference))
    mse = sum(stat.sum2) / (reference.width * reference.height * 3)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def run(
    width: int = 6000, height: int = 4000, limit: int = 1_000_000, repeats: int = 3
) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "photo.jpg"
        photo_like(width, height).save(photo, quality=95)
        figures: dict[str, dict[str, float]] = {}
        for route in ROUTES:
            out = Path(folder) / f"{route}.jpg"
            command = [sys.executable, "-m", "benchmarks.image_fitting", route, str(photo)]
            command += [str(limit), str(repeats), str(out)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            figures[route] = json.loads(done.stdout)
            with PILImage.open(photo) as original, PILImage.open(out) as fitted:
                reference = original.convert("RGB").resize(fitted.size, LANCZOS)
                figures[route]["psnr"] = psnr(fitted.convert("RGB"), reference)
        figures["photo"] = {"bytes": photo.stat().st_size, "width": width, "height": height}
        figures["same_size"] = _plain_at(photo, figures["omroeper"], limit)
    return figures


def _plain_at(photo: Path, ours: dict[str, float], limit: int) -> dict[str, float]:
    """The plain route's pixels at exactly Omroeper's size, at the best quality that fits."""
    size = (int(ours["width"]), int(ours["height"]))
    with PILImage.open(photo) as original:
        reference = original.convert("RGB").resize(size, LANCZOS)
    found = search(
        size, max(size), lambda _: reference, lambda image, q: encode(image, JPEG, q), limit,
        lossy=True,
    )  # fmt: skip
    with PILImage.open(io.BytesIO(found.data)) as fitted:
        return {"psnr": psnr(fitted.convert("RGB"), reference), "bytes": len(found.data)}


def report() -> str:
    figures = run()
    photo, plain, ours = figures["photo"], figures["plain"], figures["omroeper"]
    lines = [
        f"Fitting a {photo['width']} × {photo['height']} photo ({photo['bytes']:,} bytes, JPEG "
        "quality 95) under 1,000,000 bytes (median of 3; each route in its own process):"
    ]
    for name, route in (("plain Pillow route", plain), ("Omroeper (draft decode)", ours)):
        lines.append(
            f"  {name:<24} {route['seconds'] * 1000:6.0f} ms  peak {route['peak_mb']:5.0f} MB  "
            f"{route['width']} × {route['height']}, {route['bytes']:,} bytes, "
            f"PSNR {route['psnr']:.2f} dB"
        )
    same = figures["same_size"]
    lines += [
        f"  Omroeper is {plain['seconds'] / ours['seconds']:.1f}x faster and needs "
        f"{plain['peak_mb'] / max(ours['peak_mb'], 1):.1f}x less memory.",
        f"  At exactly Omroeper's size, the plain route's pixels under the same limit: "
        f"{same['bytes']:,} bytes, PSNR {same['psnr']:.2f} dB "
        f"(Omroeper {ours['psnr'] - same['psnr']:+.2f} dB).",
        "  (PSNR against the full decode LANCZOS-resized to the output's size.)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 6:
        _route_main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        print(report())
