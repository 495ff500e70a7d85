"""The images of a preview in the network's own grid, each as it will be fitted.

A tile keeps its picture cropped to its own size, so painting never scales; the pictures
themselves come decoded from pixmaps.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from composer.core.analysis.rules import ImageFacts
from composer.core.platforms import Platform
from composer.ui.preview.pixmaps import CoveredWidget, decoded, image_key
from composer.ui.style.theme import error_color


@dataclass(frozen=True, slots=True)
class ImageView:
    facts: ImageFacts
    fits: bool
    alt: str
    description: str  # dimensions, size and what is wrong, in words


# Cells of a 2 × 2 grid (row, column, rows, columns), as Mastodon, Bluesky and Discord lay out
# one to four images.
_CELLS = {
    1: [(0, 0, 2, 2)],
    2: [(0, 0, 2, 1), (0, 1, 2, 1)],
    3: [(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)],
    4: [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1)],
}
_GAP = 4


class ImageGrid(QWidget):
    """The images as the network arranges them; Pixelfed shows a carousel's first photo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[ImageTile] = []
        self.platform = Platform.MASTODON
        self._key: tuple = ()
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def show_images(self, platform: Platform, views: Sequence[ImageView]) -> None:
        key = (platform, tuple((image_key(v.facts), v.fits, v.alt, v.description) for v in views))
        if key == self._key:
            return  # typing: the same images as before
        self._key, self.platform = key, platform
        for tile in self.tiles:
            tile.deleteLater()
        self.tiles = [ImageTile(view, number, len(views), self) for number, view in
                      enumerate(views, 1)]  # fmt: skip
        if platform is Platform.PIXELFED and self.tiles:
            self.tiles[0].carousel = True
            self.tiles[0].setAccessibleName(
                self.tr("Image 1 of {count}").format(count=len(self.tiles))
            )
            for tile in self.tiles[1:]:
                tile.hide()  # the carousel's other photos are a swipe away
        self.updateGeometry()
        self._place()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self.tiles:
            return 0
        return round(width * self._ratio())

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))

    def resizeEvent(self, event) -> None:
        self._place()

    def _ratio(self) -> float:
        """Height over width: a single photo keeps its own shape, within bounds."""
        first = self.tiles[0].view.facts
        own = first.height / first.width if first.width else 0.75
        if self.platform is Platform.PIXELFED:
            return min(max(own, 0.5), 1.25)
        if len(self.tiles) == 1:
            return min(max(own, 0.4), 1.0)
        rows = 1 + (len(self.tiles) - 1) // 3 if len(self.tiles) > 4 else 1
        return 0.5625 * rows

    def _place(self) -> None:
        if not self.tiles:
            return
        width, height = self.width(), self.heightForWidth(self.width())
        if self.platform is Platform.PIXELFED or len(self.tiles) == 1:
            self.tiles[0].setGeometry(0, 0, width, height)
            return
        if len(self.tiles) <= 4:
            cells = _CELLS[len(self.tiles)]
            rows = columns = 2
        else:  # Discord's larger mosaic: rows of three
            columns, rows = 3, 1 + (len(self.tiles) - 1) // 3
            cells = [(i // 3, i % 3, 1, 1) for i in range(len(self.tiles))]
        cell_w, cell_h = (width + _GAP) / columns, (height + _GAP) / rows
        for tile, (row, column, row_span, column_span) in zip(self.tiles, cells, strict=True):
            x, y = round(column * cell_w), round(row * cell_h)
            tile.setGeometry(
                x, y, round(column_span * cell_w) - _GAP, round(row_span * cell_h) - _GAP
            )


class ImageTile(CoveredWidget):
    """One image cropped to its cell, as the networks crop; ⚠ when it does not fit."""

    def __init__(self, view: ImageView, number: int, count: int, parent: QWidget) -> None:
        super().__init__(parent, decoded(view.facts))
        self.view, self.number, self.count = view, number, count
        self.carousel = False
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolTip(view.description)
        self.setAccessibleName(self.tr("Photo {number}").format(number=number))
        self.setAccessibleDescription(view.description)
        self.show()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        outline = QPainterPath()
        outline.addRoundedRect(self.rect().adjusted(0, 0, -1, -1), 6, 6)
        painter.setClipPath(outline)
        picture = self.cropped()
        if picture is None:  # a file Qt cannot show (HEIC, damaged): its name instead
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Mid))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            name = self.view.facts.path.name or self.accessibleName()
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(6, 6, -6, -6), flags, name)
        else:
            painter.drawPixmap(0, 0, picture)
        painter.setClipping(False)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        bottom = []
        if not self.view.fits:
            bottom.append(("⚠", QColor(error_color())))
        if self.view.alt.strip():
            bottom.append(("ALT", text_colour))
        left = 6
        for text, colour in bottom:
            left = self._badge(painter, text, colour, left, bottom=True) + 4
        if self.carousel and self.count > 1:  # Pixelfed: "1/4", the rest a swipe away
            width = painter.fontMetrics().horizontalAdvance(f"1/{self.count}") + 10
            self._badge(painter, f"1/{self.count}", text_colour, self.width() - width - 6)
        if self.hasFocus():  # two rings: visible on a dark and on a light photo
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 5))
            painter.drawRoundedRect(self.rect().adjusted(2, 2, -3, -3), 6, 6)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRoundedRect(self.rect().adjusted(2, 2, -3, -3), 6, 6)

    def _badge(
        self, painter: QPainter, text: str, colour: QColor, left: int, bottom: bool = False
    ) -> int:
        """A label on the picture (ALT, ⚠, 1/4); returns its right edge."""
        metrics = painter.fontMetrics()
        height = metrics.height() + 4
        top = self.height() - height - 6 if bottom else 6
        badge = QRect(left, top, metrics.horizontalAdvance(text) + 10, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(colour)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        return badge.right()
