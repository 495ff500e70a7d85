"""The photo cards one under another, each description beside its photo: insert, move, remove,
drag to reorder. The writing column's own scroll area scrolls them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.core.drafts.draft import Image
from composer.core.platforms import Limits
from composer.ui.photos import sources
from composer.ui.photos.card import ImageCard
from composer.ui.photos.thumbnails import Thumbnailer

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from composer.core.images.probe import ImageError


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` so that it shows."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 16, 16)
        parent = parent.parentWidget()


class PhotoRow(QWidget):
    changed = Signal()  # the person moved a photo or edited its alt text
    removed = Signal(int, object)  # (index, Image): the strip offers to undo it

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.cards: list[ImageCard] = []
        self.destinations: tuple[tuple[str, Limits], ...] = ()
        self.lead: QWidget | None = None  # comes before the first card in the tab order
        self.thumbnailer = Thumbnailer(self)
        self.thumbnailer.ready.connect(self._thumbnail_ready)
        self.inner = self  # where the cards are laid out (and drops are measured)
        self.cards_layout = QVBoxLayout(self)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(
            self.tr("Drop photos here, paste them (Ctrl+V), or choose “Add photos…”."), self.inner
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._style_drop_zone()
        self.cards_layout.addWidget(self.empty)
        self.setAccessibleName(self.tr("Photos of this message"))

    def _style_drop_zone(self) -> None:
        # Halfway between text and background: visible (3:1) in light and dark mode alike.
        palette = self.palette()
        text, window = (
            palette.color(QPalette.ColorRole.Text),
            palette.color(QPalette.ColorRole.Window),
        )
        mixed = QColor(*((a + b) // 2 for a, b in zip(_rgb(text), _rgb(window), strict=True)))
        self.empty.setStyleSheet(
            f"QLabel {{ border: 2px dashed {mixed.name()}; border-radius: 8px; padding: 12px; }}"
        )

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._style_drop_zone()
        super().changeEvent(event)

    @property
    def images(self) -> tuple[Image, ...]:
        return tuple(card.image for card in self.cards)

    def set_destinations(self, destinations: Sequence[tuple[str, Limits]]) -> None:
        self.destinations = tuple(destinations)
        for card in self.cards:
            card.set_destinations(self.destinations)
        self.arrange()

    def clear(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []

    def insert(self, items: Sequence[tuple[int, Image]]) -> None:
        for index, image in items:
            card = ImageCard(image, self.inner)
            card.set_destinations(self.destinations)
            card.changed.connect(self.changed)
            card.move_requested.connect(lambda step, card=card: self.move_card(card, step))
            card.remove_requested.connect(lambda card=card: self.remove_at(self.cards.index(card)))
            card.drag_started.connect(lambda card=card: self._drag(card))
            self.cards.insert(index, card)
            self.cards_layout.insertWidget(index, card)
            card.show()  # at once, not when the layout next runs: keys and focus work now
            side = round(max(card.width(), card.thumb.height()) * self.devicePixelRatioF())
            card.thumb_key, known = self.thumbnailer.request(image.path, side)
            if known is not None:
                card.show_thumbnail(known)
        self.arrange()

    def move_card(self, card: ImageCard, step: int) -> None:
        self.move_to(self.cards.index(card), self.cards.index(card) + step)

    def move_to(self, index: int, target: int) -> None:
        target = max(0, min(target, len(self.cards) - 1))
        if target == index:
            return
        focused = QApplication.focusWidget()
        card = self.cards.pop(index)
        self.cards.insert(target, card)
        self.cards_layout.removeWidget(card)
        self.cards_layout.insertWidget(target, card)
        self.arrange()
        if focused is not None and not focused.isEnabled():
            card.thumb.setFocus()  # its move button just became disabled at the end
        scroll_into_view(card)
        self.changed.emit()

    def remove_at(self, index: int) -> None:
        card = self.cards.pop(index)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and card.isAncestorOf(focused)
        card.hide()
        card.deleteLater()
        self.arrange()
        self.removed.emit(index, card.image)
        if had_focus:  # focus stays nearby, never lost to the window
            nearest = self.cards[min(index, len(self.cards) - 1)] if self.cards else None
            target = nearest.thumb if nearest else self.lead
            if target is not None:
                target.setFocus()

    def drop_at(self, index: int, y: int) -> None:
        """A card dragged from `index` and dropped at height `y` (in this row's widget)."""
        centres = [c.geometry().center().y() for i, c in enumerate(self.cards) if i != index]
        self.move_to(index, sum(1 for centre in centres if centre < y))

    def arrange(self) -> None:
        """Positions and the tab order (as shown, top to bottom)."""
        chain = [self.lead] if self.lead else []
        for position, card in enumerate(self.cards, 1):
            card.set_position(position, len(self.cards))
            chain += [card.thumb, card.earlier, card.later, card.remove]
            chain += [card.alt_edit, card.decorative]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.empty.setVisible(not self.cards)

    def _thumbnail_ready(self, key: str, result: QImage | ImageError) -> None:
        for card in self.cards:
            if card.thumb_key == key:
                card.show_thumbnail(result)
        self.arrange()

    def _drag(self, card: ImageCard) -> None:
        drag = QDrag(card)
        drag.setMimeData(sources.reorder_mime(self.cards.index(card)))
        if card.thumb.pixmap is not None:
            drag.setPixmap(card.thumb.pixmap.scaledToHeight(64))
        drag.exec(Qt.DropAction.MoveAction)


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()
