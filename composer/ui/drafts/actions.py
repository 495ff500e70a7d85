"""What the window does with whole drafts: list them, start a new one, duplicate, delete with
undo, and export or import one for a colleague."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.drafts.draft import Draft
from composer.ui.drafts.panel import DraftsPanel, display_title

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from composer.ui.drafts.transfer import DraftTransfer
    from composer.ui.window.state import WindowState

translate = QCoreApplication.translate


class DraftActions(QObject):
    """The drafts list's buttons and the Draft menu, for the open draft in `state`.

    `open_draft` opens a draft by id in the window, `focus_text` puts the cursor in the
    message; `parent` holds the export and import file dialogs."""

    def __init__(
        self,
        state: WindowState,
        panel: DraftsPanel,
        open_draft: Callable[[int], None],
        focus_text: Callable[[], object],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.panel = panel
        self.open_draft = open_draft
        self.focus_text = focus_text
        self.parent_widget = parent
        self.listing = False  # from finish_building() on: the open draft comes first
        self.deleted: int | None = None  # what Undo brings back
        self._transfer: DraftTransfer | None = None
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

            self._transfer = DraftTransfer(self.state.store, self.parent_widget)
        return self._transfer

    def show_list(self) -> None:
        if not self.listing:
            return  # right after the first paint: the open draft comes first
        state = self.state
        summaries = state.store.list_drafts(self.panel.search.text())
        store = state.store
        self.panel.show_drafts(
            summaries, state.draft_id, store.scheduled_drafts(), set(store.editing_drafts())
        )

    def create_draft(self) -> int:
        """A new, empty draft in the store, for the destinations chosen last."""
        from composer.core.analysis.composing import default_targets

        state = self.state
        targets = default_targets(state.accounts_list, state.draft.targets)
        draft = Draft(
            language=state.settings.post_language,
            targets=targets,
            thread=state.settings.thread_mode,
        )
        return state.store.create_draft(draft)

    def new_draft(self) -> None:
        state = self.state
        if state.draft.blank:
            self.focus_text()  # the current draft is still empty: write there
            return
        if state.save_now():
            self.open_draft(self.create_draft())

    def duplicate_draft(self) -> None:
        state = self.state
        if state.save_now():
            self.open_draft(state.store.duplicate_draft(state.draft_id))

    def delete_draft(self) -> None:
        state, panel = self.state, self.panel
        state.save_now()
        state.store.delete_draft(state.draft_id)
        self.deleted = state.draft_id
        empty = translate("ComposerWindow", "(empty draft)")
        title = display_title(state.draft.title, state.draft.text, empty)
        from PySide6.QtCore import Qt  # not at the top: see test_startup_imports

        panel.undo_label.setTextFormat(Qt.TextFormat.PlainText)  # a colleague's title
        panel.undo_label.setText(
            translate("ComposerWindow", "Deleted “{title}”.").format(title=title)
        )
        panel.undo_bar.show()
        self.open_another()

    def open_another(self) -> None:
        """The open draft has gone (to the bin): open the newest left, or a new one."""
        remaining = self.state.store.list_drafts()
        self.state.autosaver = None  # so that open_draft() does not flush the draft gone
        self.open_draft(remaining[0].id if remaining else self.create_draft())

    def undo_delete(self) -> None:
        if self.deleted is None:
            return
        self.state.store.restore_draft(self.deleted)
        self.panel.undo_bar.hide()
        deleted, self.deleted = self.deleted, None
        self.open_draft(deleted)

    def export_to(self, file: Path) -> bool:
        """Write the draft, text and images, to one file a colleague can import."""
        state = self.state
        return state.save_now() and self.transfer.export_to(state.draft_id, file)

    def import_from(self, file: Path) -> bool:
        if not self.state.save_now():
            return False
        imported = self.transfer.import_from(file)
        if imported is not None:
            self.open_draft(imported)
        return imported is not None

    def ask_export(self) -> None:
        draft = self.state.draft
        suggested = display_title(draft.title, draft.text, "draft")[:40].strip()
        file = self.transfer.ask_export_file(suggested)
        if file:
            self.export_to(file)

    def ask_import(self) -> None:
        file = self.transfer.ask_import_file()
        if file:
            self.import_from(file)
