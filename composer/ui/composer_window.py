"""The composer window: write once, see how it looks on every network, publish with confidence.

It only wires widgets to the core: what fits where is `core.composing`, saving is `Autosaver`.
Built `deferred`, it shows the drafts and the writing fields first and adds the parts that need
the text analysis and the image libraries in `finish_building()`, right after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from composer.core.draft import Draft, Override
from composer.core.settings import Settings
from composer.core.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error
from composer.ui.autosave import Autosaver, SaveState
from composer.ui.drafts_panel import DraftsPanel, display_title
from composer.ui.window_menus import build_menus
from composer.ui.writing_panel import WritingPanel

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from composer.core.account import Account
    from composer.core.accounts import Accounts
    from composer.ui.counters import FitPanel
    from composer.ui.destinations_panel import DestinationsPanel
    from composer.ui.draft_transfer import DraftTransfer
    from composer.ui.image_fitter import ImageFitter
    from composer.ui.images_strip import ImagesStrip
    from composer.ui.previews_panel import PreviewsPanel
    from composer.ui.publish_bar import PublishBar

ESTIMATE_AFTER_MS = 400  # splitting into a thread costs more than counting: wait for a pause


class ComposerWindow(QMainWindow):
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
        self.settings = settings or Settings.defaults(QLocale.system().name())
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.built = False  # the parts finish_building() adds

        self.drafts = DraftsPanel(self)
        self.writing = WritingPanel(self._accepts_photos, self)
        self.editor = self.writing.message
        self._transfer: DraftTransfer | None = None
        self._lay_out()

        self.save_label = QLabel(self)
        self.save_label.setAccessibleName(self.tr("Save status"))
        self.statusBar().addPermanentWidget(self.save_label)
        self.estimate_timer = QTimer(self, singleShot=True, interval=ESTIMATE_AFTER_MS)
        self.estimate_timer.timeout.connect(lambda: self._show_fit(estimate_thread=True))
        self._connect()
        build_menus(self)

        self.deleted: int | None = None
        self.autosaver: Autosaver | None = None
        self.draft = Draft()
        self._accounts_list: list[Account] | None = None  # read on first use, after the paint
        self.analyses: dict = {}
        self._image_destinations: list = []
        self.draft_id = store.last_draft_id() or self._create_draft()
        self.open_draft(self.draft_id)
        if not deferred:
            self.finish_building()

    def finish_building(self) -> None:
        """Add the photos, counters, destinations, previews and publish bar (once): they load
        the text analysis and the image libraries, which the first paint need not wait for."""
        if self.built:
            return
        self.built = True
        from composer.core.image_cache import FitCache
        from composer.ui.counters import FitPanel
        from composer.ui.destinations_panel import DestinationsPanel
        from composer.ui.image_fitter import ImageFitter
        from composer.ui.images_strip import ImagesStrip
        from composer.ui.previews_panel import PreviewsPanel
        from composer.ui.publish_bar import PublishBar

        profile = self.store.profile
        self.images: ImagesStrip = ImagesStrip(profile / "pasted", self)
        self.fit: FitPanel = FitPanel(self)
        self.counters, self.advice = self.fit.counters, self.fit.advice
        self.fitter: ImageFitter = ImageFitter(FitCache(profile / "cache" / "fitted"), self)
        self.destinations: DestinationsPanel = DestinationsPanel(self)
        self.previews: PreviewsPanel = PreviewsPanel(self)
        self.publish_bar: PublishBar = PublishBar(self)
        self.writing.below_message.addWidget(self.fit)
        self._writing_column.addWidget(self.images)
        self._side_column.addWidget(self.destinations)
        self._side_column.addWidget(self.previews, 1)
        self._side_column.addWidget(self.publish_bar)
        self.images.images_changed.connect(self._images_changed)
        self.fitter.updated.connect(self._show_fit)
        self.destinations.chosen_changed.connect(self._targets_changed)
        self.destinations.connect_requested.connect(self.open_accounts)
        self.previews.override_changed.connect(self._override_changed)
        self.publish_bar.publish_requested.connect(self.publish)
        self.images.set_images(self.draft.images)
        self.destinations.show_accounts(self.accounts_list, self.draft.targets)
        self._show_list()
        self._show_fit()
        self.keep_tab_order()

    @property
    def accounts_list(self) -> list[Account]:
        if self._accounts_list is None:
            self._accounts_list = self.store.list_accounts()
        return self._accounts_list

    @accounts_list.setter
    def accounts_list(self, accounts: list[Account]) -> None:
        self._accounts_list = accounts

    @property
    def transfer(self) -> DraftTransfer:
        """Export and import, loaded on first use (zip archives are not needed to start)."""
        if self._transfer is None:
            from composer.ui.draft_transfer import DraftTransfer

            self._transfer = DraftTransfer(self.store, self)
        return self._transfer

    def keep_tab_order(self) -> None:
        """Tab follows the screen, left to right and down, even through parts made later
        (a new destination's checkbox, a counter): Qt puts new widgets at the chain's end."""
        parts = (self.drafts, self.writing, self.images, self.destinations, self.previews)
        parts += (self.publish_bar,)

        def rank(widget: QWidget) -> int:
            return next((n for n, part in enumerate(parts) if part.isAncestorOf(widget)), 99)

        from PySide6.QtCore import Qt  # after the first paint: its namespace costs 18 ms

        chain, widget = [], self.nextInFocusChain()
        while widget is not self:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                chain.append(widget)
            widget = widget.nextInFocusChain()
        for before, after in pairwise(sorted(chain, key=rank)):
            QWidget.setTabOrder(before, after)

    def _lay_out(self) -> None:
        writing_area = QWidget(self)
        self._writing_column = QVBoxLayout(writing_area)
        self._writing_column.addWidget(self.writing, 1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Writing"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(writing_area)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # narrow (200 % on a laptop) it scrolls sideways (Qt's default) rather than cut anything
        side = QWidget(self)
        self._side_column = QVBoxLayout(side)
        splitter = (
            QSplitter()
        )  # (self) would make PySide6 load Qt.Orientation to tell overloads apart
        for part in (self.drafts, scroll, side):
            splitter.addWidget(part)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([240, 560, 480])
        splitter.setChildrenCollapsible(False)
        splitter.setCollapsible(0, True)  # the drafts list may fold away on a small screen
        self.setCentralWidget(splitter)

    def _connect(self) -> None:
        self.writing.edited.connect(self._edited)
        self.writing.teaser_requested.connect(self.make_teaser)
        self.editor.photos_given.connect(self._add_photos)
        self.drafts.chosen.connect(self.open_draft)
        self.drafts.new_requested.connect(self.new_draft)
        self.drafts.duplicate_requested.connect(self.duplicate_draft)
        self.drafts.delete_requested.connect(self.delete_draft)
        self.drafts.undo_requested.connect(self.undo_delete)
        self.drafts.search_changed.connect(lambda _text: self._show_list())

    # -- one draft ---------------------------------------------------------------------------

    def open_draft(self, draft_id: int) -> None:
        if self.autosaver and draft_id != self.draft_id and not self.autosaver.flush():
            return  # stay on the unsaved draft rather than drop its changes
        self.draft_id = draft_id
        self.draft = self.store.load_draft(draft_id)
        if not self.draft.language:
            self.draft = replace(self.draft, language=self.settings.post_language)
        if self.autosaver:
            self.autosaver.deleteLater()
        self.autosaver = Autosaver(self.store, draft_id, self)
        self.autosaver.state_changed.connect(self._save_state)
        self.writing.show_draft(self.draft)
        if self.built:  # else finish_building() shows them
            self.images.set_images(self.draft.images)
            self.destinations.show_accounts(self.accounts_list, self.draft.targets)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self._save_state(SaveState.SAVED, None)  # also lists the drafts
        self._show_draft()
        if self.built:
            self.keep_tab_order()
        self.editor.setFocus()

    def _changed(self, draft: Draft) -> None:
        self.draft = draft
        self.autosaver.changed(draft)
        self._show_draft()
        self.estimate_timer.start()

    def _edited(self) -> None:
        self._changed(self.writing.apply(self.draft))

    def _images_changed(self, images: tuple) -> None:
        self._changed(replace(self.draft, images=images))

    def _targets_changed(self, targets: tuple) -> None:
        self._changed(replace(self.draft, targets=targets))
        self.keep_tab_order()  # counters came or went

    def _override_changed(self, account_id: str, override: Override | None) -> None:
        overrides = dict(self.draft.overrides)
        if override is None or override == Override():
            overrides.pop(account_id, None)
        else:
            overrides[account_id] = override
        self._changed(replace(self.draft, overrides=overrides))

    def make_teaser(self) -> None:
        from composer.core.composing import derive_teaser, link_back_site

        if not self.writing.body.toPlainText().strip():
            self.writing.body.setFocus()
            self.statusBar().showMessage(self.tr("Write the full text first."), 5000)
            return
        chosen = self._chosen()
        limits = [account.effective_limits() for account in chosen]
        site = link_back_site(chosen) or "https://example.org"
        self.editor.setPlainText(derive_teaser(self.draft, limits, site))
        self.editor.setFocus()

    def _chosen(self) -> list[Account]:
        from composer.core.composing import chosen_accounts

        return chosen_accounts(self.accounts_list, self.draft.targets)

    def _show_draft(self) -> None:
        self._show_fit()
        title = display_title(self.draft.title, self.draft.text)
        self.setWindowTitle(f"Omroeper — {title}" if title else "Omroeper")

    def _show_fit(self, estimate_thread: bool = False) -> None:
        if not self.built:
            return  # finish_building() shows it
        from composer.core.composing import analyze_destinations, blocking_problems, is_sample
        from composer.ui.counters import network_name

        chosen = self._chosen()
        images = self.draft.images
        self.analyses = analyze_destinations(
            self.draft,
            chosen,
            lambda account: self.fitter.facts(images, account.effective_limits()),
            estimate_thread=estimate_thread,
        )
        if images:
            self.fitter.request(images, [account.effective_limits() for account in chosen])
        self.fit.show_analyses(self.draft, chosen, self.analyses)
        self.previews.show_previews(self.draft, chosen, self.analyses)
        destinations = [(network_name(a, chosen), a.effective_limits()) for a in chosen]
        if destinations != self._image_destinations:
            self._image_destinations = destinations
            self.images.set_destinations(destinations)
        connected = bool(self.accounts_list)
        real = [account for account in chosen if not is_sample(account)] if connected else []
        blocking = blocking_problems({a.id: self.analyses[a.id] for a in real})
        self.publish_bar.show_state(real, blocking, connected)

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
        if not self.built:
            return  # right after the first paint: the open draft comes first
        summaries = self.store.list_drafts(self.drafts.search.text())
        self.drafts.show_drafts(summaries, self.draft_id)

    def _create_draft(self) -> int:
        from composer.core.composing import default_targets

        targets = default_targets(self.accounts_list, self.draft.targets)
        draft = Draft(
            language=self.settings.post_language,
            targets=targets,
            thread=self.settings.thread_mode,
        )
        return self.store.create_draft(draft)

    def new_draft(self) -> None:
        draft = self.draft
        if not (draft.text.strip() or draft.images or draft.title.strip() or draft.body.strip()):
            self.editor.setFocus()  # the current draft is still empty: write there
            return
        if self.autosaver.flush():
            self.open_draft(self._create_draft())

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
        self.open_draft(remaining[0].id if remaining else self._create_draft())

    def undo_delete(self) -> None:
        if self.deleted is None:
            return
        self.store.restore_draft(self.deleted)
        self.drafts.undo_bar.hide()
        deleted, self.deleted = self.deleted, None
        self.open_draft(deleted)

    def export_to(self, file: Path) -> bool:
        """Write the draft, text and images, to one file a colleague can import."""
        return self.autosaver.flush() and self.transfer.export_to(self.draft_id, file)

    def import_from(self, file: Path) -> bool:
        if not self.autosaver.flush():
            return False
        imported = self.transfer.import_from(file)
        if imported is not None:
            self.open_draft(imported)
        return imported is not None

    def ask_export(self) -> None:
        suggested = display_title(self.draft.title, self.draft.text, "draft")[:40].strip()
        file = self.transfer.ask_export_file(suggested)
        if file:
            self.export_to(file)

    def ask_import(self) -> None:
        file = self.transfer.ask_import_file()
        if file:
            self.import_from(file)

    # -- accounts, publishing, history, settings: composer/ui/window_dialogs.py, loaded on use --

    def accounts(self) -> Accounts:
        from composer.ui import window_dialogs

        return window_dialogs.accounts(self)

    def open_accounts(self) -> None:
        from composer.ui import window_dialogs

        window_dialogs.open_accounts(self)

    def open_settings(self) -> None:
        from composer.ui import window_dialogs

        window_dialogs.open_settings(self)

    def publish(self) -> None:
        from composer.ui import window_dialogs

        window_dialogs.publish(self)

    def open_history(self) -> None:
        from composer.ui import window_dialogs

        window_dialogs.open_history(self)

    # -- photos dropped or pasted anywhere in the window -------------------------------------

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

    # -- leaving -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        from composer.ui import window_dialogs

        if not window_dialogs.may_close(self):
            event.ignore()
            return
        self.store.purge_deleted()
        event.accept()
