"""Make the installers' icons from the one SVG: PNGs, a Windows .ico and a macOS .icns.

python packaging/make_icons.py OUT_DIR

Qt's own SVG renderer draws every size from the vector source (sharper at 16 px than scaling a
big bitmap down); Pillow writes the .ico and .icns. Run at build time: no binaries in the repo.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "composer" / "resources" / "icons" / "omroeper.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Windows asks for, 100% to 200% scale
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # Pillow picks the @1x and @2x slots from these


def render(size: int, svg: Path = SVG) -> Image.Image:
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def make_icons(out: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write omroeper.ico, omroeper.icns and omroeper-<size>.png into `out`; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(ICO_SIZES) | set(ICNS_SIZES))
    images = {size: render(size, svg) for size in sizes}
    pngs = {}
    for size, image in images.items():
        pngs[size] = out / f"omroeper-{size}.png"
        image.save(pngs[size])
    ico = out / "omroeper.ico"
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES],
    )
    icns = out / "omroeper.icns"
    images[max(ICNS_SIZES)].save(
        icns, format="ICNS", append_images=[images[size] for size in ICNS_SIZES]
    )
    return {"ico": ico, "icns": icns, "png": pngs[256]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the icons")
    args = parser.parse_args(argv)
    for kind, path in make_icons(args.out).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
