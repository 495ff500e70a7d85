"""The composer window: write once, see at once how it fits every network; never lose a text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from composer.core.draft import Draft
from composer.core.draft_archive import SUFFIX as ARCHIVE_SUFFIX
from composer.core.draft_archive import export_draft, import_draft
from composer.core.draft_file import DraftFileError
from composer.core.store import Store, StoreError
from composer.i18n.input_errors import draft_file_error
from composer.i18n.store_errors import describe_store_error
from composer.ui.autosave import Autosaver, SaveState
from composer.ui.counters import FitPanel
from composer.ui.drafts_panel import DraftsPanel, display_title


class ComposerWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.resize(1000, 600)
        self.drafts = DraftsPanel(self)
        editor_area = QWidget(self)
        layout = QVBoxLayout(editor_area)
        prompt = QLabel(self.tr("Your message for the networks:"), editor_area)
        self.editor = QPlainTextEdit(editor_area)
        self.editor.setPlaceholderText(
            self.tr(
                "Write your message here. Links, hashtags and mentions count "
                "as each network counts them."
            )
        )
        self.editor.setAccessibleName(self.tr("Message"))
        prompt.setBuddy(self.editor)
        self.fit = FitPanel(editor_area)
        layout.addWidget(prompt)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.fit)
        splitter = QSplitter(self)
        splitter.addWidget(self.drafts)
        splitter.addWidget(editor_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        self.setCentralWidget(splitter)
        self.save_label = QLabel(self)
        self.save_label.setAccessibleName(self.tr("Save status"))
        self.statusBar().addPermanentWidget(self.save_label)
        self.counters, self.advice = self.fit.counters, self.fit.advice

        # Splitting into a thread costs more than counting: estimate it once typing pauses.
        self.estimate_timer = QTimer(self, singleShot=True, interval=400)
        self.estimate_timer.timeout.connect(lambda: self.fit.show_draft(self.draft, True))
        self.editor.textChanged.connect(self._edited)
        self.drafts.chosen.connect(self.open_draft)
        self.drafts.new_requested.connect(self.new_draft)
        self.drafts.duplicate_requested.connect(self.duplicate_draft)
        self.drafts.delete_requested.connect(self.delete_draft)
        self.drafts.undo_requested.connect(self.undo_delete)
        self.drafts.search_changed.connect(lambda _text: self._show_list())
        self._build_menu()

        self.deleted: int | None = None
        self.autosaver: Autosaver | None = None
        self.draft = Draft()
        self.draft_id = store.last_draft_id() or store.create_draft(Draft())
        self.open_draft(self.draft_id)

    # -- one draft ---------------------------------------------------------------------------

    def open_draft(self, draft_id: int) -> None:
        if self.autosaver and draft_id != self.draft_id and not self.autosaver.flush():
            return  # stay on the unsaved draft rather than drop its changes
        self.draft_id = draft_id
        self.draft = self.store.load_draft(draft_id)
        if self.autosaver:
            self.autosaver.deleteLater()
        self.autosaver = Autosaver(self.store, draft_id, self)
        self.autosaver.state_changed.connect(self._save_state)
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.draft.text)
        self.editor.blockSignals(False)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self._save_state(SaveState.SAVED, None)
        self._show_draft()
        self._show_list()
        self.editor.setFocus()

    def _edited(self) -> None:
        self.draft = replace(self.draft, text=self.editor.toPlainText())
        self.autosaver.changed(self.draft)
        self._show_draft()
        self.estimate_timer.start()

    def _show_draft(self) -> None:
        self.fit.show_draft(self.draft)
        title = display_title(self.draft.title, self.draft.text)
        self.setWindowTitle(f"Omroeper — {title}" if title else "Omroeper")

    def _save_state(self, state: SaveState, failure: StoreError | None) -> None:
        if state is SaveState.SAVED:
            self.save_label.setText(self.tr("✓ Saved"))
            self._show_list()
        elif state is SaveState.PENDING:
            self.save_label.setText(self.tr("Saving…"))
        else:
            words = describe_store_error(failure, retrying=True) if failure else ""
            self.save_label.setText(self.tr("⚠ Not saved yet. Omroeper keeps trying."))
            self.statusBar().showMessage(words)

    # -- the drafts list ---------------------------------------------------------------------

    def _show_list(self) -> None:
        summaries = self.store.list_drafts(self.drafts.search.text())
        self.drafts.show_drafts(summaries, self.draft_id)

    def new_draft(self) -> None:
        if not self.draft.text.strip() and not self.draft.images and not self.draft.title:
            self.editor.setFocus()  # the current draft is still empty: write there
            return
        if self.autosaver.flush():
            self.open_draft(self.store.create_draft(Draft()))

    def duplicate_draft(self) -> None:
        if self.autosaver.flush():
            self.open_draft(self.store.duplicate_draft(self.draft_id))

    def delete_draft(self) -> None:
        self.autosaver.flush()
        self.store.delete_draft(self.draft_id)
        self.deleted = self.draft_id
        self.drafts.undo_label.setText(
            self.tr("Deleted “{title}”.").format(
                title=display_title(self.draft.title, self.draft.text, self.tr("(empty draft)"))
            )
        )
        self.drafts.undo_bar.show()
        remaining = self.store.list_drafts()
        self.autosaver = None
        self.open_draft(remaining[0].id if remaining else self.store.create_draft(Draft()))

    def undo_delete(self) -> None:
        if self.deleted is None:
            return
        self.store.restore_draft(self.deleted)
        self.drafts.undo_bar.hide()
        deleted, self.deleted = self.deleted, None
        self.open_draft(deleted)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Draft"))
        menu.addAction(self.tr("&New draft"), QKeySequence.StandardKey.New, self.new_draft)
        menu.addAction(self.tr("D&uplicate"), self.duplicate_draft)
        menu.addAction(self.tr("&Delete"), self.delete_draft)
        menu.addSeparator()
        menu.addAction(self.tr("&Export for a colleague…"), self._ask_export)
        menu.addAction(self.tr("&Import…"), self._ask_import)
        accounts = self.menuBar().addMenu(self.tr("&Accounts"))
        accounts.addAction(self.tr("Connect and manage accounts…"), self.open_accounts)

    def open_accounts(self) -> None:
        # keyring and the account dialog load only when the menu is used
        from composer.core.accounts import Accounts
        from composer.core.credentials import Credentials
        from composer.ui.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(Accounts(self.store, Credentials()), self)
        dialog.exec()
        dialog.deleteLater()

    def export_to(self, file: Path) -> bool:
        """Write the draft, text and images, to one file a colleague can import."""
        if not self.autosaver.flush():
            return False
        return self._attempt(lambda: export_draft(self.store, self.draft_id, file))

    def import_from(self, file: Path) -> bool:
        result: list[int] = []
        if not self.autosaver.flush() or not self._attempt(
            lambda: result.append(import_draft(self.store, file))
        ):
            return False
        self.open_draft(result[0])
        return True

    def _ask_export(self) -> None:
        suggested = display_title(self.draft.title, self.draft.text, "draft")[:40].strip()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export draft"),
            f"{suggested or 'draft'}{ARCHIVE_SUFFIX}",
            self.tr("Omroeper drafts (*{suffix})").format(suffix=ARCHIVE_SUFFIX),
        )
        if name:
            self.export_to(Path(name))

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import draft"),
            "",
            self.tr("Omroeper drafts (*{suffix} *.json)").format(suffix=ARCHIVE_SUFFIX),
        )
        if name:
            self.import_from(Path(name))

    def _attempt(self, work) -> bool:
        """Run `work`; a refusal becomes a message in plain words, never a crash."""
        try:
            work()
        except StoreError as failure:
            self._tell(describe_store_error(failure))
            return False
        except DraftFileError as failure:
            self._tell(draft_file_error(failure))
            return False
        return True

    def _tell(self, words: str) -> None:
        self.statusBar().showMessage(words)
        QMessageBox.warning(self, "Omroeper", words)

    # -- leaving -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.autosaver and not self.autosaver.flush():
            answer = QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr(
                    "Your latest changes could not be saved. If you close now, they are lost. "
                    "Close anyway?"
                ),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
        self.store.purge_deleted()
        event.accept()
