"""A link card under a post, drawn as the network draws it, with a plain line saying where its
words come from.

Bluesky (social-app ExternalLinkEmbed): the picture on top (1.91 : 1), the title in bold on at
most 3 lines, the description on 2 (4 without a picture), a line, a globe and the host.
Mastodon (card.tsx): a wide picture on top, else a square one (or a page sign) beside the
words; the host, the title in bold, the description. Discord: an embed with a bar on its left,
the site, the title as a link, the description and the picture below.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from composer.core.analysis.link_cards import LinkCard
from composer.core.analysis.rules import ImageFacts
from composer.core.platforms import Platform
from composer.ui.preview.link_pictures import WIDE, CardPicture, Globe
from composer.ui.preview.link_text import ClampedText, secondary_color, shown_address
from composer.ui.preview.parts import dim, plain_label
from composer.ui.style.theme import link_color

_SQUARE = 84  # Mastodon's picture beside the words
_MOST_LINES = 40  # "no limit": Discord wraps its embed's words


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
                own = photo.width / photo.height if photo.width and photo.height else WIDE
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
