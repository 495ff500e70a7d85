"""What the window does with whole drafts: list them, start a new one, duplicate, delete with
undo, and export or import one for a colleague."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.drafts.draft import Draft
from composer.ui.drafts.panel import display_title

if TYPE_CHECKING:
    from pathlib import Path

    from composer.ui.drafts.transfer import DraftTransfer
    from composer.ui.window.composer_window import ComposerWindow

translate = QCoreApplication.translate


class DraftActions(QObject):
    """The drafts list's buttons and the Draft menu, for the draft open in `window`."""

    def __init__(self, window: ComposerWindow) -> None:
        super().__init__(window)
        self.window = window
        self.deleted: int | None = None  # what Undo brings back
        self._transfer: DraftTransfer | None = None
        panel = window.drafts
        panel.new_requested.connect(self.new_draft)
        panel.duplicate_requested.connect(self.duplicate_draft)
        panel.delete_requested.connect(self.delete_draft)
        panel.undo_requested.connect(self.undo_delete)
        panel.search_changed.connect(lambda _text: self.show_list())

    @property
    def transfer(self) -> DraftTransfer:
        """Export and import, loaded on first use (zip archives are not needed to start)."""
        if self._transfer is None:
            from composer.ui.drafts.transfer import DraftTransfer

            self._transfer = DraftTransfer(self.window.store, self.window)
        return self._transfer

    def show_list(self) -> None:
        window = self.window
        if not window.built:
            return  # right after the first paint: the open draft comes first
        summaries = window.store.list_drafts(window.drafts.search.text())
        window.drafts.show_drafts(summaries, window.draft_id)

    def create_draft(self) -> int:
        """A new, empty draft in the store, for the destinations chosen last."""
        from composer.core.analysis.composing import default_targets

        window = self.window
        targets = default_targets(window.accounts_list, window.draft.targets)
        draft = Draft(
            language=window.settings.post_language,
            targets=targets,
            thread=window.settings.thread_mode,
        )
        return window.store.create_draft(draft)

    def new_draft(self) -> None:
        window, draft = self.window, self.window.draft
        if draft.blank:
            window.editor.setFocus()  # the current draft is still empty: write there
            return
        if window.save_now():
            window.open_draft(self.create_draft())

    def duplicate_draft(self) -> None:
        window = self.window
        if window.save_now():
            window.open_draft(window.store.duplicate_draft(window.draft_id))

    def delete_draft(self) -> None:
        window = self.window
        window.save_now()
        window.store.delete_draft(window.draft_id)
        self.deleted = window.draft_id
        empty = translate("ComposerWindow", "(empty draft)")
        title = display_title(window.draft.title, window.draft.text, empty)
        from PySide6.QtCore import Qt  # not at the top: see test_startup_imports

        window.drafts.undo_label.setTextFormat(Qt.TextFormat.PlainText)  # a colleague's title
        window.drafts.undo_label.setText(
            translate("ComposerWindow", "Deleted “{title}”.").format(title=title)
        )
        window.drafts.undo_bar.show()
        remaining = window.store.list_drafts()
        window.autosaver = None  # so that open_draft() does not flush the deleted draft
        window.open_draft(remaining[0].id if remaining else self.create_draft())

    def undo_delete(self) -> None:
        if self.deleted is None:
            return
        self.window.store.restore_draft(self.deleted)
        self.window.drafts.undo_bar.hide()
        deleted, self.deleted = self.deleted, None
        self.window.open_draft(deleted)

    def export_to(self, file: Path) -> bool:
        """Write the draft, text and images, to one file a colleague can import."""
        window = self.window
        return window.save_now() and self.transfer.export_to(window.draft_id, file)

    def import_from(self, file: Path) -> bool:
        window = self.window
        if not window.save_now():
            return False
        imported = self.transfer.import_from(file)
        if imported is not None:
            window.open_draft(imported)
        return imported is not None

    def ask_export(self) -> None:
        draft = self.window.draft
        suggested = display_title(draft.title, draft.text, "draft")[:40].strip()
        file = self.transfer.ask_export_file(suggested)
        if file:
            self.export_to(file)

    def ask_import(self) -> None:
        file = self.transfer.ask_import_file()
        if file:
            self.import_from(file)
