"""One post as a network shows it: who posts, the warning, the text, the images, the link
cards, the count."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import Identity
from composer.core.analysis.link_cards import LinkCard
from composer.core.analysis.rules import ImageFacts
from composer.core.platforms import Platform
from composer.core.text.preview_text import Span
from composer.ui.preview.images import ImageGrid, ImageView
from composer.ui.preview.link_card import LinkCardView
from composer.ui.preview.parts import (
    AVATAR,
    PostText,
    avatar,
    dim,
    initials,
    plain_label,
    spans_html,
)
from composer.ui.preview.pixmaps import image_key
from composer.ui.style.theme import error_color, is_dark


class PostCard(QFrame):
    """A post (or one part of a thread) drawn the way `platform` draws it."""

    def __init__(self, platform: Platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.setObjectName("postCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#postCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(self._header())
        self.title = plain_label(self, wrap=True, bold=True, scale=1.4)  # the website's title
        self.title.hide()
        layout.addWidget(self.title)
        # The content warning, as Mastodon (with "Show more") and Pixelfed show it.
        self.warning = plain_label(self, wrap=True)
        self.more = QPushButton(self.tr("Show more"), self)
        self.more.setCheckable(True)
        self.more.toggled.connect(self._reveal)
        row = QHBoxLayout()
        row.addWidget(self.warning, 1)
        row.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.text = PostText(self)
        self.text.setAccessibleName(self.tr("Post text"))
        self.images = ImageGrid(self)
        self.images.hide()
        # Pixelfed shows the photo first and the caption under it.
        below = [self.images, self.text][:: -1 if platform is not Platform.PIXELFED else 1]
        for widget in below:
            layout.addWidget(widget)
        # Under the text and the photos, as each network puts them (made when first needed).
        self.link_cards: list[LinkCardView] = []
        self._links = QVBoxLayout()
        self._links.setSpacing(8)
        self._links_key: tuple = ((), None)
        layout.addLayout(self._links)
        self.counter = plain_label(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.counter)
        self._shown: tuple = ()
        self._collapsible = False  # Mastodon hides a post behind its warning
        self._author: tuple = ()
        self._over = False
        dim(self.counter)
        self.set_warning("")

    def _header(self) -> QHBoxLayout:
        """Avatar, name and handle: two lines on Mastodon and Pixelfed, one elsewhere."""
        self.avatar = QLabel(self)
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.avatar.setAccessibleName(self.tr("Profile picture"))
        self.name = plain_label(self, bold=True)
        self.handle = dim(plain_label(self))
        self.badge = QLabel(self.tr("APP"), self)  # Discord marks a webhook's messages
        self.badge.setStyleSheet(
            "background: palette(highlight); color: palette(highlighted-text);"
            " border-radius: 3px; padding: 0 4px; font-weight: bold;"
        )
        self.badge.setVisible(self.platform is Platform.DISCORD)
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.marker = dim(plain_label(self))  # "1/3" in a thread
        stacked = self.platform in (Platform.MASTODON, Platform.PIXELFED)
        names = QVBoxLayout() if stacked else QHBoxLayout()
        names.setSpacing(2 if stacked else 6)
        for widget in (self.name, self.badge, self.handle):
            names.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        if not stacked:
            names.addStretch(1)
        header = QHBoxLayout()
        header.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(names, 1)
        header.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def set_author(self, identity: Identity, fallback: str) -> None:
        name = identity.name or fallback
        key = (name, identity.handle, self.devicePixelRatioF(), is_dark())
        if key == self._author:
            return
        self._author = key
        self.name.setText(name)
        self.handle.setText(identity.handle)
        self.handle.setVisible(bool(identity.handle) and self.platform is not Platform.DISCORD)
        rounded = self.platform is Platform.MASTODON
        letters = initials(name)
        self.avatar.setPixmap(avatar(letters, rounded, self.devicePixelRatioF(), is_dark()))

    def set_marker(self, number: int, count: int) -> None:
        self.marker.setText(f"{number}/{count}" if count > 1 else "")
        self.setAccessibleName(
            self.tr("Post {number} of {count}").format(number=number, count=count)
            if count > 1
            else self.tr("Post")
        )

    def set_warning(self, warning: str) -> None:
        self.warning.setText(f"⚠ {warning}" if self.platform is Platform.PIXELFED else warning)
        self.warning.setVisible(bool(warning))
        self._collapsible = bool(warning) and self.platform is Platform.MASTODON
        self.more.setVisible(self._collapsible)
        self._reveal(self.more.isChecked())

    def set_images(self, views: list[ImageView]) -> None:
        self.images.show_images(self.platform, views)
        self._reveal(self.more.isChecked())

    def set_link_cards(self, cards: tuple[LinkCard, ...], picture: ImageFacts | None) -> None:
        """The cards under this post; `picture`: the draft's first photo, for a card whose
        page shows it."""
        if not any(card.photo for card in cards):
            picture = None
        key = (cards, image_key(picture) if picture is not None else None)
        if key == self._links_key:
            return  # typing that changed no card
        self._links_key = key
        while len(self.link_cards) < len(cards):
            view = LinkCardView(self.platform, self)
            self._links.addWidget(view)
            self.link_cards.append(view)
        for view, card in zip(self.link_cards, cards, strict=False):
            view.show_card(card, picture)
        self._reveal(self.more.isChecked())

    def set_text(self, spans: tuple[Span, ...], caption_by: str = "") -> None:
        """`caption_by`: Pixelfed puts the poster's name in bold before the caption."""
        key = (spans, caption_by)
        if key == self._shown:
            return  # this part did not change with the last keystroke
        self._shown = key
        html = spans_html(spans)
        if caption_by:
            html = f"<b>{escape(caption_by)}</b> {html.replace('<div ', '<span ', 1)}"
            html = html.removesuffix("</div>") + "</span>"
        self.text.setHtml(html)
        self._reveal(self.more.isChecked())

    def set_count(self, words: str, over: bool, spoken: str) -> None:
        self.counter.setText(f"⚠ {words}" if over else words)
        if over:
            spoken = self.tr("{count}, too long").format(count=spoken)
        self.counter.setAccessibleName(spoken)
        if over != self._over:  # a style sheet costs a restyle: only when it changes
            self._over = over
            self.counter.setStyleSheet(
                f"color: {error_color()}; font-weight: bold;" if over else ""
            )

    def _reveal(self, revealed: bool) -> None:
        hidden = self._collapsible and not revealed
        self.more.setText(self.tr("Show less") if revealed else self.tr("Show more"))
        self.text.setVisible(not hidden and any(self._shown))
        self.images.setVisible(not hidden and bool(self.images.tiles))
        shown = len(self._links_key[0])
        for index, view in enumerate(self.link_cards):
            view.setVisible(not hidden and index < shown)
