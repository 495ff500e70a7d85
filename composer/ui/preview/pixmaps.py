"""Pictures for the previews, decoded once and small: typing never decodes an image.

A fitted image is decoded from the bytes that will be uploaded, a probed one from its file;
Qt's JPEG reader scales while decoding, so even a 24-megapixel photo is quick and small.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QWidget

from composer.core.analysis.rules import ImageFacts
from composer.core.images.probe import FittedImage

DECODED_SIDE = 640  # enough for a tile at 200% scaling; a 24-megapixel photo stays small
_KEPT = 48
_decoded: OrderedDict[tuple, QPixmap | None] = OrderedDict()


def image_key(facts: ImageFacts) -> tuple:
    """Which picture this is, cheaply: asked for every image on every keystroke."""
    if isinstance(facts, FittedImage):
        data, middle = facts.data, len(facts.data) // 2
        sample = (len(data), data[:256], data[middle : middle + 256], data[-256:])
        return ("fitted", str(facts.path), facts.mime, facts.width, facts.height, sample)
    return ("file", str(facts.path), facts.bytes, facts.width, facts.height, facts.error)


def decoded(facts: ImageFacts) -> QPixmap | None:
    """The picture at most DECODED_SIDE pixels long, decoded once; None when Qt can't read it."""
    key = image_key(facts)
    if key in _decoded:
        _decoded.move_to_end(key)
        return _decoded[key]
    pixmap = None if facts.error else _decode(facts)
    _decoded[key] = pixmap
    while len(_decoded) > _KEPT:
        _decoded.popitem(last=False)
    return pixmap


def _decode(facts: ImageFacts) -> QPixmap | None:
    if isinstance(facts, FittedImage):
        buffer = QBuffer()
        buffer.setData(QByteArray(facts.data))
        reader = QImageReader(buffer)
    else:
        reader = QImageReader(str(facts.path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > DECODED_SIDE:
        reader.setScaledSize(
            size.scaled(DECODED_SIDE, DECODED_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)


def covering(picture: QPixmap, width: int, height: int, ratio: float) -> QPixmap:
    """`picture` filling width × height (logical pixels at `ratio`), cropped from its middle,
    as the networks show a photo in a tile or a card."""
    size = QSize(round(width * ratio), round(height * ratio))
    scaled = picture.scaled(
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x, y = (scaled.width() - size.width()) // 2, (scaled.height() - size.height()) // 2
    cropped = scaled.copy(x, y, size.width(), size.height())
    cropped.setDevicePixelRatio(ratio)
    return cropped


class CoveredWidget(QWidget):
    """A widget that `picture` fills, cropped from its middle: scaled once per size."""

    def __init__(self, parent: QWidget, picture: QPixmap | None = None) -> None:
        super().__init__(parent)
        self.picture = picture
        self._cropped: QPixmap | None = None

    def show_picture(self, picture: QPixmap | None) -> None:
        self.picture, self._cropped = picture, None

    def resizeEvent(self, event) -> None:
        self._cropped = None

    def cropped(self) -> QPixmap | None:
        if self.picture is None or self.width() <= 0 or self.height() <= 0:
            return None
        if self._cropped is None:
            ratio = self.devicePixelRatioF()
            self._cropped = covering(self.picture, self.width(), self.height(), ratio)
        return self._cropped
