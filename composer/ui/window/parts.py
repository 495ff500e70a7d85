"""The window's parts that come right after the first paint: photos, counters and advice,
destinations, previews and the publish bar. Only `finish_building()` imports this module, so
the text analysis, the image libraries and Qt's namespace load after the paint."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer.core.analysis.composing import analyze_destinations, derive_teaser, link_back_site
from composer.core.drafts.draft import Draft, Override
from composer.core.images.cache import FitCache
from composer.core.store.errors import StoreError
from composer.ui.editing.notice import EditingNotice
from composer.ui.photos.fitting import ImageFitter
from composer.ui.photos.strip import ImagesStrip
from composer.ui.preview.panel import PreviewsPanel
from composer.ui.publish.bar import PublishBar
from composer.ui.scheduled.actions import ScheduleActions
from composer.ui.scheduled.notice import ScheduledNotice
from composer.ui.style import focus_ring
from composer.ui.window.outbox import OutboxPanel
from composer.ui.writing.counters import FitPanel, chosen_account_name
from composer.ui.writing.destinations_panel import DestinationsPanel
from composer.ui.writing.panel import THREAD_MODES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from composer.core.analysis.analysis import TargetAnalysis
    from composer.ui.window.state import WindowState
    from composer.ui.writing.panel import WritingPanel

translate = QCoreApplication.translate


class WindowParts(QObject):
    """Owns those parts, lays them out in the window and keeps them showing the open draft of
    `state`. `top` is the window as a widget (the parts' parent, where Tab's chain starts),
    `status` its status bar; an edit made in a part comes out as `changed`."""

    changed = Signal(object)  # the open draft's new content (a Draft)

    def __init__(
        self,
        state: WindowState,
        top: QWidget,
        writing: WritingPanel,
        drafts: QWidget,
        *,
        status: QStatusBar,
        columns: tuple[QVBoxLayout, QVBoxLayout],  # the writing column's layout, the side's
    ) -> None:
        super().__init__(top)
        self.state, self.top, self.writing, self.drafts = state, top, writing, drafts
        self.status = status
        profile = state.store.profile
        self.images = ImagesStrip(profile / "pasted", top)
        if state.settings.photo_folder:
            self.images.folder = state.settings.photo_folder
        self.fit = FitPanel(top)
        self.fitter = ImageFitter(FitCache(profile / "cache" / "fitted"), top)
        self.destinations = DestinationsPanel(top)
        self.previews = PreviewsPanel(top)
        self.publish_bar = PublishBar(top)
        self.outbox = OutboxPanel(state.store, top)
        self.schedule_actions = ScheduleActions(state.store, state.accounts, top)
        self.scheduled = ScheduledNotice(state.store, self.schedule_actions, top)
        self.editing = EditingNotice(top)
        focus_ring.install()  # a focus that is easy to see, in every window
        self._image_destinations: list = []
        writing.below_message.addWidget(self.fit)
        writing_column, side_column = columns
        writing_column.addWidget(self.images)
        side_column.addWidget(self.destinations)
        side_column.addWidget(self.previews, 1)
        side_column.addWidget(self.scheduled)
        side_column.addWidget(self.outbox)
        side_column.addWidget(self.editing)
        side_column.addWidget(self.publish_bar)
        self.images.images_changed.connect(self._images_changed)
        self.images.folder_chosen.connect(self._photo_folder_chosen)
        self.fit.split_requested.connect(self._split_into_thread)
        self.fitter.updated.connect(self.show_fit)
        self.destinations.chosen_changed.connect(self._targets_changed)
        self.previews.override_changed.connect(self._override_changed)

    @property
    def analyses(self) -> dict[str, TargetAnalysis]:
        """Per chosen account: how the draft fits there."""
        return self.state.analyses

    def show_draft(self, draft: Draft) -> None:
        """A draft just opened: its photos and its destinations."""
        self.images.set_images(draft.images)
        self.show_destinations(draft.targets)
        self.outbox.show_draft(self.state.draft_id)
        job = None
        if self.state.editing is not None:
            with suppress(StoreError):  # the note is missing, the draft still opens
                job = self.state.store.job(self.state.editing)
        self.editing.show_job(job)

    def show_destinations(self, targets: tuple[str, ...]) -> None:
        """The accounts to choose from; a change to a published message goes to its copies."""
        fixed = self.state.editing is not None
        self.destinations.show_accounts(self.state.accounts_list, targets, fixed=fixed)

    def show_fit(self, estimate_thread: bool = False) -> None:
        """How the draft fits every chosen destination: counters, advice, previews, the photos'
        limits and whether it can be published."""
        state, draft = self.state, self.state.draft
        chosen = state.chosen_accounts()
        images = draft.images
        state.analyses = analyze_destinations(
            draft,
            chosen,
            lambda account: self.fitter.facts(images, account.effective_limits()),
            estimate_thread=estimate_thread,
        )
        shown = state.analyses
        if state.untouched:  # a new, empty draft: nothing is wrong yet, so nothing is red
            shown = {key: replace(found, problems=()) for key, found in shown.items()}
        if images:
            self.fitter.request(images, [account.effective_limits() for account in chosen])
        self.fit.show_analyses(draft, chosen, shown)
        self.previews.show_previews(draft, chosen, shown)
        destinations = [(chosen_account_name(a, chosen), a.effective_limits()) for a in chosen]
        if destinations != self._image_destinations:
            self._image_destinations = destinations
            self.images.set_destinations(destinations)
        self.publish_bar.show_state(
            state.readiness(), published=self.outbox.is_published, editing=bool(state.editing)
        )

    def make_teaser(self) -> None:
        """The message for the networks, made from the website's full text."""
        writing = self.writing
        if not writing.body.toPlainText().strip():
            writing.body.setFocus()
            words = translate("ComposerWindow", "Write the full text first.")
            self.status.showMessage(words, 5000)
            return
        chosen = self.state.chosen_accounts()
        limits = [account.effective_limits() for account in chosen]
        site = link_back_site(chosen) or "https://example.org"
        writing.message.setPlainText(derive_teaser(self.state.draft, limits, site))
        writing.message.setFocus()

    def keep_tab_order(self) -> None:
        """Tab follows the screen, left to right and down, even through parts made later
        (a new destination's checkbox, a counter): Qt puts new widgets at the chain's end."""
        top = self.top
        parts: tuple[QWidget, ...] = (self.drafts, self.writing, self.images)
        parts += (self.destinations, self.previews, self.scheduled, self.outbox)
        parts += (self.editing, self.publish_bar)

        def rank(widget: QWidget) -> int:
            return next((n for n, part in enumerate(parts) if part.isAncestorOf(widget)), 99)

        chain: list[QWidget] = []
        widget = top.nextInFocusChain()
        while widget is not None and widget is not top:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                chain.append(widget)
            widget = widget.nextInFocusChain()
        for before, after in pairwise(sorted(chain, key=rank)):
            QWidget.setTabOrder(before, after)

    def _split_into_thread(self) -> None:
        writing = self.writing
        writing.thread_mode.setCurrentIndex(THREAD_MODES.index(True))  # saved as any edit is
        writing.message.setFocus()  # the button is gone: back to the text

    def _photo_folder_chosen(self, folder: str) -> None:
        """The photo dialog opens here next time, also after a restart."""
        state = self.state
        settings = replace(state.settings, photo_folder=folder)
        state.settings = settings
        with suppress(StoreError):  # a read-only profile: only the next start forgets it
            settings.save(state.store.profile)

    def _images_changed(self, images: tuple) -> None:
        self.changed.emit(replace(self.state.draft, images=images))

    def _targets_changed(self, targets: tuple) -> None:
        self.changed.emit(replace(self.state.draft, targets=targets))
        self.keep_tab_order()  # counters came or went

    def _override_changed(self, account_id: str, override: Override | None) -> None:
        overrides = dict(self.state.draft.overrides)
        if override is None or override == Override():
            overrides.pop(account_id, None)
        else:
            overrides[account_id] = override
        self.changed.emit(replace(self.state.draft, overrides=overrides))
