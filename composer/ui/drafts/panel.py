"""The drafts list: newest change first, searchable; open, new, duplicate, delete with undo."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.store.store import DraftSummary
from composer.ui.common.local_time import moment_text, time_text


def display_title(title: str, text: str, empty: str = "") -> str:
    """The website title, else the message's first line, shortened for a list or a title bar."""
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    shown = title.strip() or first_line or empty
    return shown if len(shown) <= 60 else shown[:59] + "…"


class DraftsPanel(QWidget):
    chosen = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal()
    delete_requested = Signal()
    undo_requested = Signal()
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search drafts"))
        self.search.setAccessibleName(self.tr("Search drafts"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_changed)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Drafts"))
        # by name: importing Qt's namespace costs 18 ms before the first paint
        self.list.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.list.setProperty("textElideMode", "ElideRight")
        self.list.setSpacing(3)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(lambda item, _old: self._activated(item))
        # two rows: a narrow drafts column (a laptop at 125 %) still shows every button
        buttons = QGridLayout()
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.setToolTip(self.tr("Start a new draft (Ctrl+N)"))
        self.duplicate_button = QPushButton(self.tr("D&uplicate"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.new_button.clicked.connect(self.new_requested)
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        buttons.addWidget(self.new_button, 0, 0, 1, 2)
        buttons.addWidget(self.duplicate_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        self.undo_bar = QWidget(self)
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_button = QPushButton(self.tr("&Undo"), self.undo_bar)
        self.undo_button.clicked.connect(self.undo_requested)
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_bar)
        self._filling = False
        self._ids: list[int] = []  # per row

    def show_drafts(
        self,
        drafts: list[DraftSummary],
        current: int | None,
        scheduled: Mapping[int, tuple[datetime, str]] | None = None,
        changes: Collection[int] = (),
    ) -> None:
        """`scheduled`: per draft with a message waiting for its time, that time and zone;
        `changes`: the drafts that change a published message."""
        scheduled = scheduled or {}
        self._filling = True
        self.list.clear()
        self._ids = [summary.id for summary in drafts]
        for summary in drafts:
            title = display_title(summary.title, summary.text, self.tr("(empty draft)"))
            if summary.id in changes:
                when = self.tr("✎ Change to a published message")
            elif summary.id in scheduled:
                when = "◷ " + time_text(*scheduled[summary.id])
            elif summary.published:
                when = self.tr("✓ Published {when}").format(when=moment_text(summary.published))
            else:
                when = moment_text(summary.modified)
            item = QListWidgetItem(f"{title}\n{when}")
            item.setToolTip(title)
            self.list.addItem(item)
            if summary.id == current:
                self.list.setCurrentItem(item)
        self._filling = False

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None and not self._filling:
            self.chosen.emit(self._ids[self.list.row(item)])
