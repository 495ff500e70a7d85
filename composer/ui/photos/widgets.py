"""Small widgets of a photo card: the thumbnail that takes focus, words that tick a box."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QWidget


class Thumb(QWidget):
    """The picture, or a word while it loads; takes focus (Ctrl+←/→ moves, Delete removes)."""

    drag_started = Signal()
    remove_pressed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pixmap: QPixmap | None = None
        self.placeholder = ""
        self._pressed: QPoint | None = None

    def show_picture(self, pixmap: QPixmap | None, placeholder: str = "") -> None:
        self.pixmap, self.placeholder = pixmap, placeholder
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(box, 6, 6)
        if self.pixmap is not None:
            ratio = self.pixmap.devicePixelRatio()
            size = self.pixmap.size() / ratio
            room = box.adjusted(4, 4, -4, -4).size().toSize()
            size = size.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
            x = box.center().x() - size.width() / 2
            y = box.center().y() - size.height() / 2
            painter.drawPixmap(QRectF(x, y, size.width(), size.height()).toRect(), self.pixmap)
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(box.adjusted(8, 8, -8, -8), flags, self.placeholder)
        if self.hasFocus():  # a ring that shows in light and dark mode alike
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 6, 6)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_pressed.emit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position().toPoint()
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event) -> None:
        moved = event.position().toPoint() - (self._pressed or event.position().toPoint())
        if self._pressed is not None and moved.manhattanLength() >= (
            QApplication.startDragDistance()
        ):
            self._pressed = None
            self.drag_started.emit()

    def mouseReleaseEvent(self, _event) -> None:
        self._pressed = None


class ClickLabel(QLabel):
    """The words of a check box: clicking them ticks the box, as a check box's own words do."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        box.setAccessibleName(text)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
