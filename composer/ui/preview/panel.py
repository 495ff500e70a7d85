"""The live previews: a tab per chosen destination, each looking like that network.

Called on every keystroke, so it stays cheap: every tab's label is updated (a counter),
only the tab in view is drawn; the others are marked stale and drawn when they are shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from composer.core.accounts.account import Account
from composer.core.analysis.analysis import TargetAnalysis, reserve_link_back
from composer.core.analysis.composing import link_back_site
from composer.core.analysis.link_cards import page_for
from composer.core.drafts.draft import Draft
from composer.core.platforms import Platform
from composer.i18n.problems import describe
from composer.ui.preview.preview import DestinationPreview, count_words, platform_name, spoken_count
from composer.ui.writing.override_editor import OverrideEditor


@dataclass
class _Shown:
    draft: Draft
    account: Account
    analysis: TargetAnalysis


def _short(name: str, most: int = 20) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


class PreviewsPanel(QWidget):
    # (account id, the Override, or None for "use the shared text again")
    override_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previews: dict[str, DestinationPreview] = {}
        self.editor: OverrideEditor | None = None
        self._ids: list[str] = []
        self._latest: dict[str, _Shown] = {}
        self._stale: set[str] = set()
        self._chosen: list[Account] = []
        self._labels: dict[str, tuple] = {}
        self._wanted: str | None = None  # select()ed, perhaps before its tab exists
        self.empty = QLabel(
            self.tr("Tick above where to publish: a preview for each destination appears here."),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Previews"))
        self.tabs.tabBar().setAccessibleName(self.tr("Previews"))
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._render_current)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- the window's API --------------------------------------------------------------------

    def show_previews(
        self, draft: Draft, accounts: Sequence[Account], analyses: Mapping[str, TargetAnalysis]
    ) -> None:
        chosen = [account for account in accounts if account.id in analyses]
        self._chosen = chosen
        ids = [account.id for account in chosen]
        if ids != self._ids:
            self._arrange(chosen)
        for account in chosen:
            shown = _Shown(draft, account, analyses[account.id])
            if self._latest.get(account.id) != shown:
                self._latest[account.id] = shown
                self._stale.add(account.id)
            self._label(account.id)
        self._render_current()

    def current_account_id(self) -> str | None:
        index = self.tabs.currentIndex()
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def select(self, account_id: str) -> None:
        """Show this destination's tab, now or as soon as it is chosen."""
        self._wanted = account_id
        if account_id in self._ids:
            self.tabs.setCurrentIndex(self._ids.index(account_id))

    # -- inside ------------------------------------------------------------------------------

    def _arrange(self, chosen: Sequence[Account]) -> None:
        """The tabs in the destinations' order, keeping the previews already built."""
        current = self._wanted or self.current_account_id()
        self.tabs.blockSignals(True)
        self._labels.clear()
        while self.tabs.count():
            self.tabs.removeTab(0)
        wanted = {account.id for account in chosen}
        for gone in [key for key in self.previews if key not in wanted]:
            self.previews.pop(gone).deleteLater()
            self._latest.pop(gone, None)
            self._stale.discard(gone)
        for account in chosen:
            preview = self.previews.get(account.id)
            if preview is None:
                preview = DestinationPreview(Platform(account.kind.value), self.tabs)
                preview.edit_requested.connect(lambda key=account.id: self.edit_override(key))
                preview.shared_requested.connect(
                    lambda key=account.id: self.override_changed.emit(key, None)
                )
                self.previews[account.id] = preview
            self.tabs.addTab(preview, "")
        self._ids = [account.id for account in chosen]
        if current in self._ids:
            self.tabs.setCurrentIndex(self._ids.index(current))
        self.tabs.blockSignals(False)
        self.stack.setCurrentWidget(self.tabs if chosen else self.empty)

    def _label(self, account_id: str) -> None:
        """`⚠ Bluesky`: short, so every destination's tab shows at once; the counter is on
        the card and in the row under the message, the account in the tooltip."""
        shown = self._latest[account_id]
        account, analysis = shown.account, shown.analysis
        platform = Platform(account.kind.value)
        network = platform_name(platform)
        count = len(analysis.parts)
        if count > 1:
            counted = self.tr("%Ln post(s)", "", count)
        else:
            counted = count_words(analysis.measured, analysis.limits)
        pieces = [network] if platform.is_own_site else [network, counted]
        if account.name and account.name != network:
            pieces.append(account.name)
        twins = [other for other in self._chosen if other.kind is account.kind]
        text = f"{network} ({_short(account.name)})" if len(twins) > 1 else network
        if not analysis.fits:
            text = f"⚠ {text}"
        index = self._ids.index(account_id)
        key = (index, text, counted, analysis.problems)
        if self._labels.get(account_id) == key:
            return  # a keystroke that changed nothing here
        self._labels[account_id] = key
        self.tabs.setTabText(index, text.replace("&", "&&"))
        words = [describe(problem) for problem in analysis.problems]
        self.tabs.setTabToolTip(index, "\n".join([account.name, *words]))
        spoken = counted if count > 1 else spoken_count(analysis.measured, analysis.limits)
        state = self.tr("fits") if analysis.fits else self.tr("does not fit")
        named = [piece for piece in pieces if piece != counted]
        self.tabs.tabBar().setAccessibleTabName(index, ", ".join([*named, spoken, state]))

    def _render_current(self) -> None:
        key = self.current_account_id()
        self._wanted = key or self._wanted
        if key is not None and key in self._stale and key in self._latest:
            self._stale.discard(key)
            shown = self._latest[key]
            page = page_for(shown.draft, link_back_site(self._chosen), self._site_name())
            self.previews[key].show_analysis(shown.draft, shown.account, shown.analysis, page)

    def _site_name(self) -> str:
        """The chosen website's name: a page without a title of its own is titled by it."""
        for account in self._chosen:
            if account.kind.is_own_site:
                return account.identity.name
        return ""

    def edit_override(self, account_id: str) -> OverrideEditor | None:
        """Open "Edit for this network only" for one destination (window-modal, not blocking)."""
        shown = self._latest.get(account_id)
        if shown is None:
            return None
        # Counted as the window counts it: with the link back the website will give.
        site = link_back_site(self._chosen)
        website = shown.account.kind.is_own_site
        draft = reserve_link_back(shown.draft, site) if site and not website else shown.draft
        editor = OverrideEditor(draft, shown.account, shown.analysis, self)
        editor.accepted.connect(lambda: self.override_changed.emit(account_id, editor.override()))
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor
