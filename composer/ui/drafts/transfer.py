"""A draft to and from one file, for a colleague: refusals in plain words, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from composer.core.drafts.archive import SUFFIX as ARCHIVE_SUFFIX
from composer.core.drafts.archive import export_draft, import_draft
from composer.core.drafts.draft_file import DraftFileError
from composer.core.store.store import Store, StoreError
from composer.i18n.input_errors import draft_file_error
from composer.i18n.store_errors import describe_store_error
from composer.ui.common.safe_display import plain_box


class DraftTransfer(QObject):
    def __init__(self, store: Store, window: QWidget) -> None:
        super().__init__(window)
        self.store = store
        self.window = window

    def export_to(self, draft_id: int, file: Path) -> bool:
        return self.attempt(lambda: export_draft(self.store, draft_id, file))

    def import_from(self, file: Path) -> int | None:
        result: list[int] = []
        if self.attempt(lambda: result.append(import_draft(self.store, file))):
            return result[0]
        return None

    def ask_export_file(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export draft"),
            f"{suggested or 'draft'}{ARCHIVE_SUFFIX}",
            self.tr("Omroeper drafts (*{suffix})").format(suffix=ARCHIVE_SUFFIX),
        )
        return Path(name) if name else None

    def ask_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import draft"),
            "",
            self.tr("Omroeper drafts (*{suffix} *.json)").format(suffix=ARCHIVE_SUFFIX),
        )
        return Path(name) if name else None

    def attempt(self, work: Callable[[], object]) -> bool:
        """Run `work`; a refusal becomes a message in plain words."""
        try:
            work()
        except StoreError as failure:
            self.tell(describe_store_error(failure))
            return False
        except DraftFileError as failure:
            self.tell(draft_file_error(failure))
            return False
        return True

    def tell(self, words: str) -> None:
        # the words may quote the file: its name, a field's name in it
        box = plain_box(self.window, QMessageBox.Icon.Warning, "Omroeper", words)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
