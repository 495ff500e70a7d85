"""The pictures of a link card: the page's picture cropped as the networks crop it (or
Mastodon's sign for a page without one), and Bluesky's globe before the domain."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from composer.core.analysis.rules import ImageFacts
from composer.ui.preview.link_text import secondary_color
from composer.ui.preview.pixmaps import CoveredWidget, decoded, image_key

WIDE = 1.91  # og:image's shape, as Bluesky and Mastodon crop a card's wide picture


class CardPicture(CoveredWidget):
    """The card's picture, cropped to its shape as the networks crop it; a page sign when the
    page has none (Mastodon)."""

    def __init__(self, parent: QWidget, *, ratio: float = WIDE, radius: float = 0) -> None:
        super().__init__(parent)
        self.ratio = ratio  # width over height
        self.radius = radius  # the top corners, inside a rounded card
        self.facts: ImageFacts | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_picture(self, facts: ImageFacts | None, ratio: float | None = None) -> None:
        same = (facts is None) == (self.facts is None)
        if same and facts is not None and self.facts is not None:
            same = image_key(facts) == image_key(self.facts)
        if same and (ratio is None or ratio == self.ratio):
            return
        self.facts = facts
        self.show_picture(decoded(facts) if facts is not None else None)
        self.ratio = ratio or self.ratio
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return self.minimumHeight() != self.maximumHeight()  # not when its size is fixed

    def heightForWidth(self, width: int) -> int:
        return round(width / self.ratio)

    def sizeHint(self) -> QSize:
        return QSize(300, self.heightForWidth(300))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.radius:  # rounded above, square below where the words follow
            outline = QPainterPath()
            rect = QRectF(self.rect()).adjusted(0, 0, 0, self.radius)
            outline.addRoundedRect(rect, self.radius, self.radius)
            painter.setClipPath(outline)
        picture = self.cropped()
        palette = self.palette()
        if picture is not None:
            painter.drawPixmap(0, 0, picture)
            return
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        # Mastodon's sign for a page without a picture: a sheet with lines on it.
        side = min(self.width(), self.height()) * 0.32
        sheet = QRectF(0, 0, side * 0.78, side).translated(
            self.width() / 2 - side * 0.39, self.height() / 2 - side / 2
        )
        painter.setPen(QPen(secondary_color(), max(1.5, side / 14)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(sheet, 2, 2)
        for step in (0.35, 0.55, 0.75):
            y = sheet.top() + sheet.height() * step
            painter.drawLine(QPointF(sheet.left() + 4, y), QPointF(sheet.right() - 4, y))


class Globe(QWidget):
    """Bluesky's small globe before the domain."""

    def __init__(self, parent: QWidget, side: int) -> None:
        super().__init__(parent)
        self.setFixedSize(side, side)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(secondary_color(), 1.2))
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.drawEllipse(box)
        painter.drawEllipse(box.adjusted(box.width() * 0.3, 0, -box.width() * 0.3, 0))
        middle = box.center().y()
        painter.drawLine(QPointF(box.left(), middle), QPointF(box.right(), middle))
