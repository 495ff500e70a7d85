"""The draft's photos: add (button, drop, paste), reorder, remove with undo, alt text.

Every change the person makes is one `images_changed(tuple[Image, ...])`; opening a draft
(`set_images`) emits nothing. Thumbnails and saving a pasted picture happen on worker threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from composer.core.analysis.rules import Code, Problem, Severity
from composer.core.drafts.draft import Image
from composer.core.platforms import Limits
from composer.i18n.problems import describe
from composer.ui.photos import sources
from composer.ui.photos.card import ImageCard, hint
from composer.ui.photos.row import PhotoRow, scroll_into_view
from composer.ui.style import theme
from composer.ui.tasks import tasks


class ImagesStrip(QWidget):
    images_changed = Signal(tuple)
    folder_chosen = Signal(str)  # photos were added from this folder: open there next time

    def __init__(self, paste_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paste_folder = paste_folder
        self._removed: tuple[int, Image] | None = None
        self.folder = sources.pictures_folder()  # where the photo dialog opens
        title = QLabel(self.tr("Photos"), self)
        title.setStyleSheet("font-weight: bold;")
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.setAccessibleName(self.tr("Add photos"))
        self.add_button.clicked.connect(self.choose_files)
        self.hint = QLabel(hint(), self)
        self.notice, self.limit_note = QLabel(self), QLabel(self)
        self.undo_bar = QWidget(self)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_button = QPushButton(self.tr("Undo"), self.undo_bar)
        self.undo_button.clicked.connect(self.undo_remove)
        for label in (self.hint, self.notice, self.limit_note, self.undo_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.row = PhotoRow(self)
        self.row.lead = self.undo_button
        self.row.changed.connect(self._changed)
        self.row.removed.connect(self._removed_one)
        self._lay_out(title)
        self._show_undo(None)
        self.notice.hide()
        self.limit_note.hide()
        self.hint.hide()  # words about describing photos, once there is a photo
        self.row.arrange()
        self.setAcceptDrops(True)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        paste = QShortcut(QKeySequence.StandardKey.Paste, self, context=context)
        paste.activated.connect(self.paste)

    def _lay_out(self, title: QLabel) -> None:
        header = QHBoxLayout()
        header.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.hint, 1)
        header.addStretch()  # takes the room while the hint is hidden
        header.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(0, 0, 0, 0)
        undo.addWidget(self.undo_label, 1)
        undo.addWidget(self.undo_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(header)
        column.addWidget(self.undo_bar)
        column.addWidget(self.notice)
        column.addWidget(self.limit_note)
        column.addWidget(self.row)
        column.addStretch(1)  # given more height than the cards need: the room stays below
        QWidget.setTabOrder(self.add_button, self.undo_button)

    @property
    def cards(self) -> list[ImageCard]:
        return self.row.cards

    @property
    def images(self) -> tuple[Image, ...]:
        return self.row.images

    def set_images(self, images: Sequence[Image]) -> None:
        """A draft was opened: show its photos. Emits nothing."""
        if tuple(images) == self.images:
            return
        self.row.clear()
        self._show_undo(None)
        self._tell("")
        self.row.insert(list(enumerate(images)))
        self._show_limit()
        self.hint.setVisible(bool(self.cards))

    def set_destinations(self, destinations: Sequence[tuple[str, Limits]]) -> None:
        """(network name, limits) of the chosen destinations: alt counters use the strictest."""
        self.row.set_destinations(destinations)
        self._show_limit()

    # -- adding ------------------------------------------------------------------------------

    def add_files(self, paths: Sequence[Path]) -> None:
        """Add these files after the others; unusable ones get a card that says why."""
        files, folders = sources.split_folders(paths)
        self._tell("")  # an older word about a folder or a paste no longer applies
        if folders:
            words = self.tr("“{name}” is a folder: open it and choose the photos in it.")
            self._tell(words.format(name=folders[0].name or str(folders[0])))
        if files:
            before = len(self.cards)
            self.row.insert(list(enumerate(map(Image, files), before)))
            self._changed()
            self._describe_next(self.cards[before])

    def _describe_next(self, card: ImageCard) -> None:
        """The next step is describing the new photo: its description field in view, with the
        cursor in it, so nobody types blind."""
        card.alt_edit.setFocus()

        def show() -> None:
            scroll_into_view(card.alt_edit)
            scroll_into_view(card.counter)  # the words under it too, where there is room

        QTimer.singleShot(0, card, show)  # once the layout has placed the new card

    def choose_files(self) -> None:
        dialog = sources.photo_dialog(
            self,
            self.tr("Add photos"),
            self.folder,
            sources.dialog_filter(self.tr("Photos"), self.tr("All files")),
        )
        if not dialog.exec():
            return
        names = dialog.selectedFiles()
        if names:
            self.folder = str(Path(names[0]).parent)
            self.folder_chosen.emit(self.folder)
            self.add_files([Path(name) for name in names])

    def accepts(self, mime: QMimeData) -> bool:
        """Whether a drop or paste holds photos (files or picture data) for this strip."""
        return sources.holds_images(mime)

    def add_from_mime(self, mime: QMimeData) -> bool:
        """Add the files, or save the picture data as a PNG and add that; False if neither."""
        files = sources.local_files(mime)
        if files:
            self.add_files(files)
            return True
        picture = sources.picture(mime)
        if picture is None:
            return False
        folder = self.paste_folder
        tasks().run(
            lambda: sources.save_png(picture, folder),
            self._pasted,
            owner=self,
            failed=lambda _failure: self._pasted(None),
            name="paste",
        )
        return True

    def paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and self.add_from_mime(mime)

    def _pasted(self, path: Path | None) -> None:
        if path is None:
            self._tell(self.tr("The pasted picture could not be saved. Is the disk full?"))
        else:
            self.add_files([path])

    # -- removing ----------------------------------------------------------------------------

    def _removed_one(self, index: int, image: Image) -> None:
        self._show_undo((index, image))
        self._changed()

    def undo_remove(self) -> None:
        if self._removed is None:
            return
        index, image = self._removed
        index = min(index, len(self.cards))
        self._show_undo(None)
        self.row.insert([(index, image)])
        self.cards[index].thumb.setFocus()
        self._changed()

    def _show_undo(self, removed: tuple[int, Image] | None) -> None:
        self._removed = removed
        if removed is not None:
            words = self.tr("Photo {position} removed.").format(position=removed[0] + 1)
            self.undo_label.setText(words)
        self.undo_bar.setVisible(removed is not None)

    # -- telling -----------------------------------------------------------------------------

    def _show_limit(self) -> None:
        """Too many photos for a destination: said here too, where they can be removed."""
        limits = [(name, lim.max_images) for name, lim in self.row.destinations if lim.max_images]
        name, limit = min(limits, key=lambda item: item[1], default=("", 0))
        over = len(self.cards) - limit if limit else 0
        words = ""
        if over > 0:
            numbers: dict[str, int | str] = {"limit": limit, "over": over}
            words = f"{name}: {describe(Problem(Code.TOO_MANY_IMAGES, Severity.ERROR, numbers))}"
        if words != self.limit_note.text():  # not on every keystroke in an alt text
            self.limit_note.setText(words)
            self.limit_note.setStyleSheet(f"color: {theme.error_color()};")
        self.limit_note.setVisible(bool(words))

    def _tell(self, words: str) -> None:
        self.notice.setText(words)
        self.notice.setVisible(bool(words))

    def _changed(self) -> None:
        self._show_limit()
        self.hint.setVisible(bool(self.cards))
        self.images_changed.emit(self.images)

    # -- dropping ----------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if sources.reorder_index(mime) is not None or self.accepts(mime):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        index = sources.reorder_index(mime)
        if index is not None and index < len(self.cards):
            self.row.drop_at(index, self.row.mapFrom(self, event.position().toPoint()).y())
            event.acceptProposedAction()
        elif self.add_from_mime(mime):
            event.acceptProposedAction()
