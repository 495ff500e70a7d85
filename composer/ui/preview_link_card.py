"""A link card under a post, drawn as the network draws it, with a plain line saying where its
words come from.

Bluesky (social-app ExternalLinkEmbed): the picture on top (1.91 : 1), the title in bold on at
most 3 lines, the description on 2 (4 without a picture), a line, a globe and the host.
Mastodon (card.tsx): a wide picture on top, else a square one (or a page sign) beside the
words; the host, the title in bold, the description. Discord: an embed with a bar on its left,
the site, the title as a link, the description and the picture below.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from composer.core.link_cards import LinkCard
from composer.core.platforms import Platform
from composer.core.rules import ImageFacts
from composer.ui.preview_parts import dim, plain_label
from composer.ui.preview_pixmaps import covering, decoded, image_key
from composer.ui.theme import link_color

_WIDE = 1.91  # og:image's shape, as Bluesky and Mastodon crop a card's wide picture
_SQUARE = 84  # Mastodon's picture beside the words
_MOST_LINES = 40  # "no limit": Discord wraps its embed's words


def secondary_color(share: float = 0.7) -> QColor:
    """`share` of the text over the card: 70% as preview_parts.dim(), less for lines."""
    palette = QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(
        *(
            share * a + (1 - share) * b
            for a, b in zip(text.getRgbF()[:3], base.getRgbF()[:3], strict=True)
        )
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


class CardPicture(QWidget):
    """The card's picture, cropped to its shape as the networks crop it; a page sign when the
    page has none (Mastodon)."""

    def __init__(self, parent: QWidget, *, ratio: float = _WIDE, radius: float = 0) -> None:
        super().__init__(parent)
        self.ratio = ratio  # width over height
        self.radius = radius  # the top corners, inside a rounded card
        self.facts: ImageFacts | None = None
        self.picture: QPixmap | None = None
        self._cropped: QPixmap | None = None
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
        self.picture = decoded(facts) if facts is not None else None
        self.ratio = ratio or self.ratio
        self._cropped = None
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return self.minimumHeight() != self.maximumHeight()  # not when its size is fixed

    def heightForWidth(self, width: int) -> int:
        return round(width / self.ratio)

    def sizeHint(self) -> QSize:
        return QSize(300, self.heightForWidth(300))

    def resizeEvent(self, event) -> None:
        self._cropped = None

    def _crop(self) -> QPixmap | None:
        if self.picture is None or self.width() <= 0 or self.height() <= 0:
            return None
        if self._cropped is None:
            ratio = self.devicePixelRatioF()
            self._cropped = covering(self.picture, self.width(), self.height(), ratio)
        return self._cropped

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.radius:  # rounded above, square below where the words follow
            outline = QPainterPath()
            rect = QRectF(self.rect()).adjusted(0, 0, 0, self.radius)
            outline.addRoundedRect(rect, self.radius, self.radius)
            painter.setClipPath(outline)
        picture = self._crop()
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


def shown_address(url: str) -> str:
    """A page known only by its address, as a card's title until the network has read it."""
    rest = url.split("://", 1)[-1].removeprefix("www.")
    return rest if len(rest) <= 40 else rest[:39] + "…"


class LinkCardView(QWidget):
    """One card and, under it, where its words come from."""

    def __init__(self, platform: Platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.card: LinkCard | None = None
        self.frame = QFrame(self)
        self.frame.setObjectName("linkCard")
        self.frame.setAccessibleName(self.tr("Link preview"))
        secondary = secondary_color()
        self.title = ClampedText(self.frame, 3, bold=True)
        self.description = ClampedText(self.frame, 2)
        self.domain = ClampedText(self.frame, 1, scale=0.9, colour=secondary)
        self.picture = CardPicture(self.frame, radius=7)
        self.side_picture: CardPicture | None = None
        if platform is Platform.MASTODON:
            self._mastodon(secondary)
        elif platform is Platform.DISCORD:
            self._discord()
        else:
            self._bluesky()
        self.hint = dim(plain_label(self, wrap=True, scale=0.9))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.frame)
        layout.addWidget(self.hint)

    # -- the networks' shapes ----------------------------------------------------------------

    def _bluesky(self) -> None:
        self.frame.setStyleSheet(
            "#linkCard { border: 1px solid palette(mid); border-radius: 8px; }"
        )
        words = QVBoxLayout()
        words.setContentsMargins(12, 8, 12, 8)
        words.setSpacing(3)
        words.addWidget(self.title)
        words.addWidget(self.description)
        line = QFrame(self.frame)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: palette(mid);")
        words.addSpacing(4)
        words.addWidget(line)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(Globe(self.frame, QFontMetrics(self.domain.font()).height() - 2))
        row.addWidget(self.domain, 1)
        words.addLayout(row)
        column = QVBoxLayout(self.frame)
        column.setContentsMargins(1, 1, 1, 1)
        column.setSpacing(0)
        column.addWidget(self.picture)
        column.addLayout(words)

    def _mastodon(self, secondary: QColor) -> None:
        self.frame.setStyleSheet(
            "#linkCard { border: 1px solid palette(mid); border-radius: 8px; }"
        )
        self.title.lines = 2
        self.description.colour = secondary
        self.side_picture = CardPicture(self.frame, ratio=1)
        self.side_picture.setFixedSize(_SQUARE, _SQUARE)
        words = QVBoxLayout()
        words.setContentsMargins(12, 8, 12, 8)
        words.setSpacing(2)
        words.addWidget(self.domain)
        words.addWidget(self.title)
        words.addWidget(self.description)
        words.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.side_picture, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)
        column = QVBoxLayout(self.frame)
        column.setContentsMargins(1, 1, 1, 1)
        column.setSpacing(0)
        column.addWidget(self.picture)
        column.addLayout(row)

    def _discord(self) -> None:
        # Discord's embed: a darker box with a coloured bar on its left.
        bar = secondary_color(0.35).name()  # a link's bar, when the page sets no colour
        self.frame.setStyleSheet(
            "#linkCard { background: palette(alternate-base);"
            f" border-left: 4px solid {bar}; border-radius: 4px; }}"
        )
        self.title.lines = _MOST_LINES
        self.title.colour = QColor(link_color())
        self.description.lines = _MOST_LINES
        column = QVBoxLayout(self.frame)
        column.setContentsMargins(14, 8, 12, 12)
        column.setSpacing(4)
        column.addWidget(self.domain)
        column.addWidget(self.title)
        column.addWidget(self.description)
        column.addSpacing(4)
        self.picture.radius = 0
        self.picture.setMaximumWidth(400)  # Discord's widest picture in an embed
        column.addWidget(self.picture)

    # -- what it shows -----------------------------------------------------------------------

    def show_card(self, card: LinkCard, picture: ImageFacts | None) -> None:
        """`picture`: the draft's first photo, when the card's picture is that photo."""
        photo = picture if card.photo else None
        known = card.forecast
        title = card.title if known else shown_address(card.url)
        self.title.set_text(title)
        # Bluesky gives the description 2 lines beside a picture, 4 without one.
        lines = (2 if photo is not None else 4) if self.platform is Platform.BLUESKY else None
        self.description.set_text(card.description if known else "", lines)
        self.description.setVisible(bool(self.description.text()))
        self.domain.set_text(card.domain)
        self._place_picture(photo)
        self.card = card
        if known:
            self.hint.setText(self.tr("Made from your website page once it is published."))
            self.frame.setToolTip("")
        else:
            self.hint.setText(self.tr("Made from that page when the post is published."))
            self.frame.setToolTip(card.url)
        self.frame.setAccessibleDescription(", ".join(p for p in (title, card.domain) if p))

    def _place_picture(self, photo: ImageFacts | None) -> None:
        if self.platform is Platform.DISCORD:
            if photo is not None:  # its own shape, within bounds, as Discord shows it
                own = photo.width / photo.height if photo.width and photo.height else _WIDE
                self.picture.set_picture(photo, min(max(own, 1.0), 2.5))
            self.picture.setVisible(photo is not None)
            return
        if self.side_picture is not None:  # Mastodon: wide on top, else square beside
            wide = photo is not None and photo.width > photo.height
            self.picture.set_picture(photo if wide else None)
            self.picture.setVisible(wide)
            self.side_picture.set_picture(None if wide else photo)
            self.side_picture.setVisible(not wide)
            return
        self.picture.set_picture(photo)
        self.picture.setVisible(photo is not None)
