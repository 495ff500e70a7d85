"""The composer window: write once, see how it looks on every network, publish with confidence.

It only wires widgets to the core: what fits where is `core.composing`, saving is `Autosaver`.
Built `deferred`, it shows the drafts and the writing fields first and adds the parts that need
the text analysis and the image libraries in `finish_building()`, right after the first paint:
those are `parts.WindowParts`. What it does with whole drafts is `ui/drafts/actions`, the
dialogs it opens are `dialogs`. These helpers get the window's `state` (`state.WindowState`:
the draft, accounts, settings, store, autosaver) and the widgets or callbacks they act on,
never the window itself, so none of them imports this module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from composer.core.drafts.draft import Draft
from composer.core.settings import Settings
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error
from composer.ui.drafts.actions import DraftActions
from composer.ui.drafts.panel import DraftsPanel, display_title
from composer.ui.window import place as window_place
from composer.ui.window.autosave import Autosaver, SaveState
from composer.ui.window.menus import MenuActions, build_menus
from composer.ui.window.state import InState, WindowState
from composer.ui.writing.panel import WritingPanel

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from composer.core.accounts.account import Account
    from composer.core.accounts.accounts import Accounts
    from composer.core.scheduling.clock import Clock
    from composer.ui.editing.dialog import EditDialog
    from composer.ui.publish.dialog import PublishDialog
    from composer.ui.scheduled.due_run import DueRuns

log = logging.getLogger(__name__)

ESTIMATE_AFTER_MS = 400  # splitting into a thread costs more than counting: wait for a pause


class ComposerWindow(QMainWindow):
    # kept in `state`, which the helpers get instead of the window
    draft: InState[Draft] = InState()
    draft_id: InState[int] = InState()
    untouched: InState[bool] = InState()  # a new, empty draft: no problems shown until used
    editing: InState[int | None] = InState()  # the published job the open draft changes
    autosaver: InState[Autosaver | None] = InState()
    settings: InState[Settings] = InState()
    accounts_list: InState[list[Account]] = InState()  # without secrets, read on first use

    def __init__(
        self,
        store: Store,
        accounts: Callable[[], Accounts] | None = None,
        *,
        settings: Settings | None = None,
        deferred: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self._accounts_factory = accounts
        self._accounts: Accounts | None = None
        settings = settings or Settings.defaults(QLocale.system().name())
        self.state = WindowState(store, settings, self.accounts)
        self.setAcceptDrops(True)
        self.built = False  # the parts finish_building() adds

        self.drafts = DraftsPanel(self)
        self.writing = WritingPanel(self._accepts_photos, self)
        self.editor = self.writing.message
        self._lay_out()
        window_place.place(self, self.settings)
        self._columns_placed = False

        self.save_label = QLabel(self)
        self.save_label.setAccessibleName(self.tr("Save status"))
        self.statusBar().addPermanentWidget(self.save_label)
        self.estimate_timer = QTimer(self, singleShot=True, interval=ESTIMATE_AFTER_MS)
        self.estimate_timer.timeout.connect(lambda: self.refresh(estimate_thread=True))
        self.writing.edited.connect(lambda: self.change(self.writing.apply(self.draft)))
        self.writing.teaser_requested.connect(self._make_teaser)
        self.editor.photos_given.connect(self._add_photos)
        self.drafts.chosen.connect(self.open_draft)
        self.draft_actions = DraftActions(
            self.state, self.drafts, self.open_draft, self.editor.setFocus, self
        )
        build_menus(self.menuBar(), self._menu_actions())
        self.publish_dialog: PublishDialog | None = None  # the one open, if any
        self.edit_dialog: EditDialog | None = None  # the last change sent, if any
        self.due_runs: DueRuns | None = None  # sends what is due while the window is open
        self.draft_id = store.last_draft_id() or self.draft_actions.create_draft()
        self.open_draft(self.draft_id)
        if not deferred:
            self.finish_building()

    def finish_building(self) -> None:
        """Add the photos, counters, destinations, previews and publish bar (once): they load
        the text analysis and the image libraries, which the first paint need not wait for."""
        if self.built:
            return
        self.built = True
        self.draft_actions.listing = True
        from composer.ui.window.parts import WindowParts

        columns = (self._writing_column, self._side_column)
        self.parts = parts = WindowParts(
            self.state, self, self.writing, self.drafts, status=self.statusBar(), columns=columns
        )
        parts.changed.connect(self.change)
        parts.destinations.connect_requested.connect(self.open_accounts)
        parts.publish_bar.publish_requested.connect(self.publish)
        parts.outbox.history_requested.connect(self.open_history)
        parts.outbox.waiting_requested.connect(self.show_job)
        parts.outbox.gone_out.connect(self.draft_actions.show_list)
        parts.outbox.gone_out.connect(self.refresh)
        parts.outbox.gone_out.connect(parts.scheduled.refresh)
        parts.scheduled.job_requested.connect(self.open_history_at)
        parts.editing.stop_requested.connect(self.draft_actions.delete_draft)
        # the names the dialogs, scripts and tests know these parts by
        self.images, self.fit, self.fitter = parts.images, parts.fit, parts.fitter
        self.counters, self.advice = parts.fit.counters, parts.fit.advice
        self.destinations, self.previews = parts.destinations, parts.previews
        self.publish_bar = parts.publish_bar
        parts.show_draft(self.draft)
        self.draft_actions.show_list()
        parts.show_fit()
        parts.keep_tab_order()

    def _menu_actions(self) -> MenuActions:
        return MenuActions(
            new_draft=self.new_draft,
            duplicate_draft=self.duplicate_draft,
            delete_draft=self.delete_draft,
            publish=self.publish,
            open_history=self.open_history,
            ask_export=self.ask_export,
            ask_import=self.ask_import,
            quit=self.close,
            open_accounts=self.open_accounts,
            open_settings=self.open_settings,
        )

    def _lay_out(self) -> None:
        writing_area = QWidget(self)
        self._writing_column = QVBoxLayout(writing_area)
        self._writing_column.addWidget(self.writing, 1)
        self.writing_scroll = scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Writing"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(writing_area)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # narrow (200 % on a laptop) it scrolls sideways (Qt's default) rather than cut anything
        side = QWidget(self)
        self._side_column = QVBoxLayout(side)
        # not QSplitter(self): PySide6 would load Qt.Orientation to tell the overloads apart
        self.columns = splitter = QSplitter()
        for part in (self.drafts, scroll, side):
            splitter.addWidget(part)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setCollapsible(0, True)  # the drafts list may fold away on a small screen
        self.setCentralWidget(splitter)

    # -- what other parts of the app may ask of the window -------------------------------------

    def accounts(self) -> Accounts:
        """The accounts with their secrets. The keyring loads only when an account is used,
        not at start."""
        if self._accounts is None:
            if self._accounts_factory is None:
                from composer.core.accounts.accounts import Accounts
                from composer.core.accounts.credentials import Credentials

                self._accounts = Accounts(self.store, Credentials())
            else:
                self._accounts = self._accounts_factory()
        return self._accounts

    def change(self, draft: Draft) -> None:
        """`draft` is the open draft's new content: save it soon and show it now."""
        self.draft = draft
        self.untouched = False
        if self.autosaver is not None:
            self.autosaver.changed(draft)
        self.refresh()
        self.estimate_timer.start()

    def refresh(self, estimate_thread: bool = False) -> None:
        """Show the open draft as it is: the title and, once built, how it fits everywhere.
        `estimate_thread` also splits a long text into its thread parts, which is slower."""
        if self.built:  # else finish_building() shows it
            self.parts.show_fit(estimate_thread)
        title = display_title(self.draft.title, self.draft.text)
        self.setWindowTitle(f"Omroeper — {title}" if title else "Omroeper")

    # -- one draft -----------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Write the pending edits now; True when nothing is left unsaved."""
        return self.state.save_now()

    def open_draft(self, draft_id: int) -> None:
        if self.autosaver and draft_id != self.draft_id and not self.autosaver.flush():
            return  # stay on the unsaved draft rather than drop its changes
        self.draft_id = draft_id
        self.draft = self.store.load_draft(draft_id)
        self.editing = self.store.edited_job(draft_id)
        self.untouched = self.draft.blank
        if not self.draft.language:
            self.draft = replace(self.draft, language=self.settings.post_language)
        if self.autosaver:
            self.autosaver.deleteLater()
        self.autosaver = Autosaver(self.store, draft_id, self)
        self.autosaver.state_changed.connect(self._save_state)
        self.writing.show_draft(self.draft)
        if self.built:  # else finish_building() shows them
            self.parts.show_draft(self.draft)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.writing_scroll.verticalScrollBar().setValue(0)  # from the top: the title first
        self._save_state(SaveState.SAVED, None)  # also lists the drafts
        self.refresh()
        if self.built:
            self.parts.keep_tab_order()
        self.editor.setFocus()

    def _make_teaser(self) -> None:
        self.finish_building()  # the teaser needs the text analysis the parts load
        self.parts.make_teaser()

    def _save_state(self, state: SaveState, failure: StoreError | None) -> None:
        if state is SaveState.SAVED:
            self.save_label.setText(self.tr("✓ Saved"))
            self.draft_actions.show_list()
        elif state is SaveState.PENDING:
            self.save_label.setText(self.tr("Saving…"))
        else:
            words = describe_store_error(failure, retrying=True) if failure else ""
            self.save_label.setText(self.tr("⚠ Not saved yet. Omroeper keeps trying."))
            self.statusBar().showMessage(words)

    # -- the Draft menu's actions on whole drafts: composer/ui/drafts/actions.py ----------------

    def new_draft(self) -> None:
        self.draft_actions.new_draft()

    def duplicate_draft(self) -> None:
        self.draft_actions.duplicate_draft()

    def delete_draft(self) -> None:
        self.draft_actions.delete_draft()

    def ask_export(self) -> None:
        self.draft_actions.ask_export()

    def ask_import(self) -> None:
        self.draft_actions.ask_import()

    # -- accounts, publishing, history, settings: composer/ui/window/dialogs.py, loaded on use --

    def open_accounts(self) -> None:
        from composer.ui.window import dialogs

        self.finish_building()
        targets = dialogs.open_accounts(self.state, self)
        self.parts.show_destinations(targets)
        if targets != self.draft.targets:
            self.change(replace(self.draft, targets=targets))
        else:
            self.refresh()
        self.parts.keep_tab_order()

    def open_settings(self) -> None:
        from composer.ui.window import dialogs

        dialogs.open_settings(self.state, self)

    def publish(self) -> None:
        from composer.ui.window import dialogs

        self.finish_building()
        if self.untouched:  # trying to publish an empty draft: now show what it lacks
            self.untouched = False
            self.refresh()
            self.editor.setFocus()
            return
        if self.editing is not None:
            changes = dialogs.publish_changes(self.state, self, self.publish_bar.status.text)
            self._publish_changes(changes, self.draft_id)
            return
        dialog = dialogs.publish(self.state, self, why_not=self.publish_bar.status.text)
        if dialog is not None:
            dialog.finished.connect(lambda _result: self._published())
            self._show_publishing(dialog)

    def _published(self) -> None:
        """A publish dialog closed: the drafts list and the window say whether it went out."""
        self.parts.outbox.show_draft(self.draft_id)
        self.parts.scheduled.refresh()  # or when it will
        self.draft_actions.show_list()
        self.refresh()

    # -- changing a published message: composer/ui/editing -------------------------------------

    def edit_job(self, job_id: int) -> None:
        """Open the published message in the composer, to change it everywhere (Edit… in the
        history): the draft already open for it, or a new one with the message as it is."""
        try:
            draft_id = self.store.edit_draft(job_id)
        except StoreError as failure:
            self.statusBar().showMessage(describe_store_error(failure))
            return
        self.open_draft(draft_id)

    def _publish_changes(self, dialog: EditDialog | None, draft_id: int | None) -> None:
        """`draft_id`: the draft of the change, done with once every copy has it."""
        if dialog is None:
            return
        dialog.finished_edit.connect(
            lambda _job, complete: self._changes_published(draft_id, complete)
        )
        self.edit_dialog = dialog
        dialog.open()

    def _changes_published(self, draft_id: int | None, complete: bool) -> None:
        """Every copy as the person asked: the draft of the change has done its work (the
        job keeps the message as it is now). Otherwise it stays, to try again."""
        if complete and draft_id is not None:
            try:
                self.store.delete_draft(draft_id)
            except StoreError as failure:
                log.warning("the draft of a change was kept: %s", failure.code)
                return
            if draft_id == self.draft_id:
                self.draft_actions.open_another()
            self.statusBar().showMessage(self.tr("The changes are published."), 15000)
        self.draft_actions.show_list()

    def show_job(self, job_id: int) -> None:
        from composer.ui.window import dialogs

        self._show_publishing(dialogs.show_job(self.state, self, job_id))

    def resume_unfinished(self) -> int | None:
        """A message a closed window or a crash left half-sent goes on where it stopped, shown.
        Returns the job resumed, if any."""
        from composer.ui.window import dialogs

        dialog = dialogs.resume_unfinished(self.state, self)
        if dialog is None:
            self._publish_changes(*dialogs.resume_edit(self.state, self))
            return None
        self._show_publishing(dialog)
        return dialog.job_id

    def _show_publishing(self, dialog: PublishDialog) -> None:
        self.publish_dialog = dialog
        dialog.open()

    def open_history(self) -> None:
        self.open_history_at(None)

    def open_history_at(self, job_id: int | None) -> None:
        """Published messages, with `job_id` (a scheduled one, say) shown first."""
        from composer.ui.window import dialogs

        self.finish_building()
        history = dialogs.open_history(self.state, self, self.parts.schedule_actions, job_id)
        history.finished.connect(lambda _result: self.parts.scheduled.refresh())
        history.edit_requested.connect(self.edit_job)

    def send_due_while_open(self, clock: Clock | None = None, destinations=None) -> DueRuns:
        """Send the scheduled messages whose time comes while the window is open: now, then
        every minute (after the first paint: see app.started). `clock` and `destinations`
        are for tests; the changes the person makes use the same."""
        from composer.ui.scheduled.due_run import DueRuns

        self.finish_building()
        actions = self.parts.schedule_actions
        if clock is not None:
            actions.clock = clock
        actions.destinations = destinations
        if self.due_runs is None:
            self.due_runs = DueRuns(
                self.store, self.accounts, lambda: self.settings, self, clock=actions.clock
            )
            self.due_runs.handled.connect(self.parts.scheduled.show_run)
            self.due_runs.handled.connect(lambda _jobs, _now: self.draft_actions.show_list())
        self.due_runs.clock, self.due_runs.destinations = actions.clock, destinations
        self.due_runs.start()
        return self.due_runs

    # -- photos dropped or pasted anywhere in the window ---------------------------------------

    def _accepts_photos(self, mime: QMimeData) -> bool:
        self.finish_building()
        return self.images.accepts(mime)

    def _add_photos(self, mime: QMimeData) -> None:
        self.finish_building()
        self.images.add_from_mime(mime)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts_photos(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._accepts_photos(event.mimeData()):
            self.images.add_from_mime(event.mimeData())
            event.acceptProposedAction()

    # -- leaving -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        from composer.ui.window import dialogs

        if not dialogs.may_close(self.state, self):
            event.ignore()
            return
        self.store.purge_deleted()
        self._remember_place()
        if self.built:
            self.parts.outbox.timer.stop()
            self.parts.scheduled.timer.stop()
        if self.due_runs is not None:
            self.due_runs.stop()
        event.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._columns_placed:  # laid out at its real size by now
            self._columns_placed = True
            window_place.place_columns(self, self.columns, self.settings)
        # the window manager adds its frame after showing: then keep it all on the screen
        QTimer.singleShot(0, self, lambda: window_place.keep_on_screen(self))

    def _remember_place(self) -> None:
        settings = window_place.remembered(self, self.columns, self.settings)
        if settings == self.settings:
            return
        try:
            settings.save(self.store.profile)
        except StoreError as failure:  # a read-only profile: closing must not fail over it
            log.warning("the window's place was not saved: %s", failure.code)
        else:
            self.settings = settings
