"""The words of a link card: text clamped to the lines a network allows, a page's address as
its title, and the quiet colour of the card's secondary words and lines."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


def secondary_color(share: float = 0.7) -> QColor:
    """`share` of the text over the card: 70% as parts.dim(), less for lines."""
    palette = QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(
        *(share * a + (1 - share) * b for a, b in zip(_rgb(text), _rgb(base), strict=True))
    )


class ClampedText(QWidget):
    """Text wrapped at the widget's width on at most `lines` lines, the last one ending in "…"
    when there is more: as the networks clamp a card's title and description."""

    def __init__(
        self,
        parent: QWidget,
        lines: int,
        *,
        bold: bool = False,
        scale: float = 1,
        colour: QColor | None = None,
    ) -> None:
        super().__init__(parent)
        self.lines = lines
        self.colour = colour
        self._text = ""
        self._wrapped: dict[int, list[str]] = {}
        if bold or scale != 1:
            font = QFont(self.font())
            font.setBold(bold)
            font.setPointSizeF(font.pointSizeF() * scale)
            self.setFont(font)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str, lines: int | None = None) -> None:
        text = " ".join(text.split("\n"))
        lines = self.lines if lines is None else lines
        if (text, lines) == (self._text, self.lines):
            return
        self._text, self.lines = text, lines
        self._wrapped.clear()
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def shown_lines(self, width: int | None = None) -> list[str]:
        """The lines as drawn at `width` (the widget's own by default)."""
        width = max(1, self.width() if width is None else width)
        if width not in self._wrapped:
            self._wrapped[width] = self._wrap(width)
        return self._wrapped[width]

    def _wrap(self, width: int) -> list[str]:
        if not self._text or self.lines < 1:
            return []
        layout = QTextLayout(self._text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        spans: list[tuple[int, int]] = []
        layout.beginLayout()
        while len(spans) <= self.lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        # Qt counts in UTF-16 code units; it never breaks inside a surrogate pair.
        units = self._text.encode("utf-16-le")

        def piece(start: int, length: int | None = None) -> str:
            end = None if length is None else 2 * (start + length)
            return units[2 * start : end].decode("utf-16-le")

        lines = [piece(start, length).rstrip() for start, length in spans[: self.lines]]
        if len(spans) > self.lines:
            rest = piece(spans[self.lines - 1][0])
            metrics = QFontMetrics(self.font())
            lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return lines

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return len(self.shown_lines(width)) * QFontMetrics(self.font()).lineSpacing()

    def sizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(max(self.width(), 120)))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.heightForWidth(max(self.width(), 40)))

    def resizeEvent(self, event) -> None:
        self.updateGeometry()  # another width may take another number of lines

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.colour or self.palette().color(QPalette.ColorRole.WindowText))
        metrics = QFontMetrics(self.font())
        y = metrics.ascent()
        for line in self.shown_lines():
            painter.drawText(0, y, line)
            y += metrics.lineSpacing()


def shown_address(url: str) -> str:
    """A page known only by its address, as a card's title until the network has read it."""
    rest = url.split("://", 1)[-1].removeprefix("www.")
    return rest if len(rest) <= 40 else rest[:39] + "…"


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()
