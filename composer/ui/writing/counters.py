"""How the message fits each network: a counter chip per network and advice in plain words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from composer.core.accounts.account import Account, AccountKind
from composer.core.analysis.analysis import TargetAnalysis
from composer.core.analysis.rules import Code
from composer.core.drafts.draft import Draft
from composer.core.platforms import NETWORK_NAMES, Platform
from composer.i18n.problems import describe
from composer.i18n.translation import number
from composer.ui.common.flow_layout import FlowLayout
from composer.ui.style import theme

_CHIP = "padding: 3px 8px; border: 1px solid palette(mid); border-radius: 9px;"
_OVER = "color: {red}; border-color: {red}; font-weight: bold;"
TEXT_CODES = (Code.TEXT_TOO_LONG, Code.TEXT_TOO_MANY_BYTES)


class Counter(QLabel):
    """`Bluesky  123 / 300`: red and marked when the text is too long for that network."""

    def __init__(self, platform: Platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.over = False
        self.name = NETWORK_NAMES[platform]

    def show_analysis(self, result: TargetAnalysis) -> None:
        length, limit = result.measured.length, result.limits.max_characters or 0
        name = self.name
        self.over = length > limit or not result.measured.fits(result.limits)
        mark = "⚠ " if self.over else ""
        self.setText(f"{mark}{name}  {number(length)} / {number(limit)}")
        style = _CHIP + (_OVER.format(red=theme.error_color()) if self.over else "")
        if style != self.styleSheet():  # restyling costs a relayout: only on a change
            self.setStyleSheet(style)
        words = [describe(problem) for problem in result.problems]
        self.setToolTip("\n".join(words))
        self.setAccessibleName(
            self.tr("{network}: {length} of {limit} characters").format(
                network=name, length=number(length), limit=number(limit)
            )
        )
        self.setAccessibleDescription(" ".join(words))


class FitPanel(QWidget):
    """The counters in a row, and below them what to do about a text that does not fit, with
    the button that does it."""

    split_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.row = FlowLayout()
        layout.addLayout(self.row)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.split_button = QPushButton(self.tr("&Split into a thread"), self)
        self.split_button.setToolTip(
            self.tr("Sets “Too long” to a thread: each network gets as many posts as it needs")
        )
        self.split_button.clicked.connect(self.split_requested)
        self.split_button.hide()
        advice = QHBoxLayout()
        advice.addWidget(self.advice, 1)
        advice.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(advice)
        self.counters: dict[str, Counter] = {}

    def show_analyses(
        self, draft: Draft, chosen: Sequence[Account], analyses: Mapping[str, TargetAnalysis]
    ) -> None:
        networks = [account for account in chosen if not account.kind.is_own_site]
        if [account.id for account in networks] != list(self.counters):
            self._make_counters(networks)
        advice, too_long = [], False
        for account in networks:
            result = analyses[account.id]
            self.counters[account.id].show_analysis(result)
            advice += [
                f"{chosen_account_name(account, chosen)}: {describe(problem)}"
                for problem in result.problems
                if problem.code in TEXT_CODES
            ]
            too_long = too_long or any(p.code in TEXT_CODES for p in result.problems)
        if not draft.text.strip() and not draft.body.strip():
            advice = [self.tr("Start typing: the counters show how much room each network gives.")]
        elif not advice:
            advice = [self.tr("✓ The text fits on every network.")]
        self.advice.setText("\n".join(advice))
        # the advice says "split it into a thread": this does it (not when it is split already)
        self.split_button.setVisible(too_long and draft.thread is False)

    def _make_counters(self, networks: Sequence[Account]) -> None:
        for counter in self.counters.values():
            self.row.removeWidget(counter)
            counter.deleteLater()
        self.counters.clear()  # the same dict: the window holds on to it
        for account in networks:
            counter = Counter(Platform(account.kind.value), self)
            counter.name = chosen_account_name(account, networks)
            self.row.addWidget(counter)
            self.counters[account.id] = counter


def chosen_account_name(account: Account, chosen: Sequence[Account]) -> str:
    """`Mastodon`, or `Mastodon (@bieb)` when two accounts on that network are chosen."""
    if account.kind is AccountKind.WEBSITE:
        return QCoreApplication.translate("Counters", "Your website")
    kind = NETWORK_NAMES[Platform(account.kind.value)]
    twins = [other for other in chosen if other.kind is account.kind]
    return f"{kind} ({account.name})" if len(twins) > 1 and account.name else kind
