"""Pieces of a post card: the text with its links, the avatar placeholder, quiet labels."""

from __future__ import annotations

import math
from functools import lru_cache
from html import escape

from PySide6.QtCore import QPoint, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QCursor, QFont, QGuiApplication, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QTextBrowser, QToolTip, QWidget

from composer.core.text.preview_text import Span
from composer.ui.common.safe_display import open_link
from composer.ui.style.theme import link_color

AVATAR = 40


def spans_html(spans: tuple[Span, ...]) -> str:
    """The post text as rich text: everything escaped, links underlined, all marks coloured."""
    colour = link_color()
    pieces = []
    for span in spans:
        text = escape(span.text, quote=False)
        if span.kind == "text":
            pieces.append(text)
        elif span.href:
            line = "underline" if span.kind == "link" else "none"
            pieces.append(
                f'<a href="{escape(span.href)}" style="color:{colour}; '
                f'text-decoration:{line}">{text}</a>'
            )
        else:
            pieces.append(f'<span style="color:{colour}">{text}</span>')
    return f'<div style="white-space:pre-wrap">{"".join(pieces)}</div>'


def initials(name: str) -> str:
    words = [word for word in name.replace("@", " ").replace(".", " ").split() if word]
    return "".join(word[0] for word in words[:2]).upper() or "?"


@lru_cache(maxsize=64)
def avatar(letters: str, rounded: bool, ratio: float, dark: bool) -> QPixmap:
    """An avatar placeholder: initials on the highlight colour, the network's shape."""
    palette = QGuiApplication.palette()
    pixmap = QPixmap(round(AVATAR * ratio), round(AVATAR * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
    radius = 8 if rounded else AVATAR / 2
    painter.drawRoundedRect(QRectF(0, 0, AVATAR, AVATAR), radius, radius)
    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(AVATAR * 2 // 5)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, AVATAR, AVATAR), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return pixmap


def plain_label(
    parent: QWidget, *, wrap: bool = False, bold: bool = False, scale: float = 1
) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if bold or scale != 1:
        font = QFont(label.font())
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


def dim(label: QLabel) -> QLabel:
    """Secondary text (handle, thread marker), still readable: 70% text over the card."""
    palette = QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mixed = QColor.fromRgbF(
        *(0.7 * a + 0.3 * b for a, b in zip(_rgb(text), _rgb(base), strict=True))
    )
    own = label.palette()
    own.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(own)
    return label


class PostText(QTextBrowser):
    """The post's text, as tall as it is: read-only, links open in the browser.

    Not a QLabel: that lays a long rich text out several times per change (12 ms for 3,000
    characters, most of a frame); a document does it once (about 2 ms).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # links open in the browser only after the one check (a draft file's text is not ours)
        self.setOpenLinks(False)
        self.anchorClicked.connect(lambda url: open_link(_with_scheme(url.toString())))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Visible focus: keyboard users Tab through the links in the text.
        self.setStyleSheet(
            "QTextBrowser { border: 2px solid transparent; border-radius: 4px; }"
            " QTextBrowser:focus { border-color: palette(highlight); }"
        )
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.highlighted.connect(self._hovered)

    def _fit(self, size: QSizeF) -> None:
        self.setFixedHeight(math.ceil(size.height()) + 2 * self.frameWidth())

    def _hovered(self, url: QUrl) -> None:
        # Bluesky shows a link shortened: its full address appears on hover.
        if url.isValid() and not url.isEmpty():
            QToolTip.showText(QCursor.pos() + QPoint(8, 8), url.toString(), self)
        else:
            QToolTip.hideText()


def _with_scheme(href: str) -> str:
    """A link written without https:// (`bieb.nl/open`) opens as the networks make it."""
    return href if "://" in href or ":" in href.split("/", 1)[0] else f"https://{href}"


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()
