"""The window's parts that come right after the first paint: photos, counters and advice,
destinations, previews and the publish bar. Only `finish_building()` imports this module, so
the text analysis, the image libraries and Qt's namespace load after the paint."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer.core.analysis.composing import (
    analyze_destinations,
    blocking_problems,
    derive_teaser,
    is_sample,
    link_back_site,
)
from composer.core.drafts.draft import Draft, Override
from composer.core.images.cache import FitCache
from composer.core.store.errors import StoreError
from composer.ui.photos.fitting import ImageFitter
from composer.ui.photos.strip import ImagesStrip
from composer.ui.preview.panel import PreviewsPanel
from composer.ui.publish.bar import PublishBar
from composer.ui.style import focus_ring
from composer.ui.window.outbox import OutboxPanel
from composer.ui.writing.counters import FitPanel, network_name
from composer.ui.writing.destinations_panel import DestinationsPanel
from composer.ui.writing.panel import THREAD_MODES

if TYPE_CHECKING:
    from composer.ui.window.composer_window import ComposerWindow

translate = QCoreApplication.translate


class WindowParts(QObject):
    """Owns those parts, lays them out in `window` and keeps them showing its open draft."""

    def __init__(
        self, window: ComposerWindow, writing_column: QVBoxLayout, side_column: QVBoxLayout
    ) -> None:
        super().__init__(window)
        self.window = window
        profile = window.store.profile
        self.images = ImagesStrip(profile / "pasted", window)
        if window.settings.photo_folder:
            self.images.folder = window.settings.photo_folder
        self.fit = FitPanel(window)
        self.fitter = ImageFitter(FitCache(profile / "cache" / "fitted"), window)
        self.destinations = DestinationsPanel(window)
        self.previews = PreviewsPanel(window)
        self.publish_bar = PublishBar(window)
        self.outbox = OutboxPanel(window.store, window)
        self.analyses: dict = {}  # per chosen account: how the draft fits there
        focus_ring.install()  # a focus that is easy to see, in every window
        self._image_destinations: list = []
        window.writing.below_message.addWidget(self.fit)
        writing_column.addWidget(self.images)
        side_column.addWidget(self.destinations)
        side_column.addWidget(self.previews, 1)
        side_column.addWidget(self.outbox)
        side_column.addWidget(self.publish_bar)
        self.images.images_changed.connect(self._images_changed)
        self.images.folder_chosen.connect(self._photo_folder_chosen)
        self.fit.split_requested.connect(self._split_into_thread)
        self.fitter.updated.connect(self.show_fit)
        self.destinations.chosen_changed.connect(self._targets_changed)
        self.destinations.connect_requested.connect(window.open_accounts)
        self.previews.override_changed.connect(self._override_changed)
        self.publish_bar.publish_requested.connect(window.publish)
        self.outbox.history_requested.connect(window.open_history)
        self.outbox.waiting_requested.connect(window.show_job)
        self.outbox.gone_out.connect(window.draft_actions.show_list)
        self.outbox.gone_out.connect(window.refresh)

    def show_draft(self, draft: Draft) -> None:
        """A draft just opened: its photos and its destinations."""
        self.images.set_images(draft.images)
        self.destinations.show_accounts(self.window.accounts_list, draft.targets)
        self.outbox.show_draft(self.window.draft_id)

    def show_fit(self, estimate_thread: bool = False) -> None:
        """How the draft fits every chosen destination: counters, advice, previews, the photos'
        limits and whether it can be published."""
        window, draft = self.window, self.window.draft
        chosen = window.chosen_accounts()
        images = draft.images
        self.analyses = analyze_destinations(
            draft,
            chosen,
            lambda account: self.fitter.facts(images, account.effective_limits()),
            estimate_thread=estimate_thread,
        )
        shown = self.analyses
        if window.untouched:  # a new, empty draft: nothing is wrong yet, so nothing is red
            shown = {key: replace(found, problems=()) for key, found in shown.items()}
        if images:
            self.fitter.request(images, [account.effective_limits() for account in chosen])
        self.fit.show_analyses(draft, chosen, shown)
        self.previews.show_previews(draft, chosen, shown)
        destinations = [(network_name(a, chosen), a.effective_limits()) for a in chosen]
        if destinations != self._image_destinations:
            self._image_destinations = destinations
            self.images.set_destinations(destinations)
        connected = bool(window.accounts_list)
        real = [account for account in chosen if not is_sample(account)] if connected else []
        blocking = blocking_problems({a.id: self.analyses[a.id] for a in real})
        self.publish_bar.show_state(
            real, blocking, connected, quiet=window.untouched, published=self.outbox.is_published
        )

    def make_teaser(self) -> None:
        """The message for the networks, made from the website's full text."""
        window = self.window
        if not window.writing.body.toPlainText().strip():
            window.writing.body.setFocus()
            words = translate("ComposerWindow", "Write the full text first.")
            window.statusBar().showMessage(words, 5000)
            return
        chosen = window.chosen_accounts()
        limits = [account.effective_limits() for account in chosen]
        site = link_back_site(chosen) or "https://example.org"
        window.editor.setPlainText(derive_teaser(window.draft, limits, site))
        window.editor.setFocus()

    def keep_tab_order(self) -> None:
        """Tab follows the screen, left to right and down, even through parts made later
        (a new destination's checkbox, a counter): Qt puts new widgets at the chain's end."""
        window = self.window
        parts: tuple[QWidget, ...] = (window.drafts, window.writing, self.images)
        parts += (self.destinations, self.previews, self.outbox, self.publish_bar)

        def rank(widget: QWidget) -> int:
            return next((n for n, part in enumerate(parts) if part.isAncestorOf(widget)), 99)

        chain: list[QWidget] = []
        widget = window.nextInFocusChain()
        while widget is not None and widget is not window:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                chain.append(widget)
            widget = widget.nextInFocusChain()
        for before, after in pairwise(sorted(chain, key=rank)):
            QWidget.setTabOrder(before, after)

    def _split_into_thread(self) -> None:
        writing = self.window.writing
        writing.thread_mode.setCurrentIndex(THREAD_MODES.index(True))  # saved as any edit is
        writing.message.setFocus()  # the button is gone: back to the text

    def _photo_folder_chosen(self, folder: str) -> None:
        """The photo dialog opens here next time, also after a restart."""
        window = self.window
        settings = replace(window.settings, photo_folder=folder)
        window.settings = settings
        with suppress(StoreError):  # a read-only profile: only the next start forgets it
            settings.save(window.store.profile)

    def _images_changed(self, images: tuple) -> None:
        self.window.change(replace(self.window.draft, images=images))

    def _targets_changed(self, targets: tuple) -> None:
        self.window.change(replace(self.window.draft, targets=targets))
        self.keep_tab_order()  # counters came or went

    def _override_changed(self, account_id: str, override: Override | None) -> None:
        overrides = dict(self.window.draft.overrides)
        if override is None or override == Override():
            overrides.pop(account_id, None)
        else:
            overrides[account_id] = override
        self.window.change(replace(self.window.draft, overrides=overrides))
