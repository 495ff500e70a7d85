"""How the message fits each network: a counter chip per network and advice in plain words."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from composer.core.analysis import TargetAnalysis, analyze
from composer.core.draft import Draft
from composer.core.platforms import Platform, default_limits
from composer.core.rules import Code
from composer.i18n.problems import describe
from composer.i18n.translation import number

_CHIP = "padding: 3px 8px; border: 1px solid palette(mid); border-radius: 9px;"
_OVER = "color: #c0152f; border-color: #c0152f; font-weight: bold;"
TEXT_CODES = (Code.TEXT_TOO_LONG, Code.TEXT_TOO_MANY_BYTES)

NETWORKS = (Platform.MASTODON, Platform.BLUESKY, Platform.PIXELFED, Platform.DISCORD)
NETWORK_NAMES = {
    Platform.MASTODON: "Mastodon",
    Platform.BLUESKY: "Bluesky",
    Platform.PIXELFED: "Pixelfed",
    Platform.DISCORD: "Discord",
}


class Counter(QLabel):
    """`Bluesky  123 / 300`: red and marked when the text is too long for that network."""

    def __init__(self, platform: Platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.over = False

    def show_analysis(self, result: TargetAnalysis) -> None:
        length, limit = result.measured.length, result.limits.max_characters or 0
        name = NETWORK_NAMES[self.platform]
        self.over = length > limit or not result.measured.fits(result.limits)
        mark = "⚠ " if self.over else ""
        self.setText(f"{mark}{name}  {number(length)} / {number(limit)}")
        self.setStyleSheet(_CHIP + (_OVER if self.over else ""))
        words = [describe(problem) for problem in result.problems]
        self.setToolTip("\n".join(words))
        self.setAccessibleName(
            self.tr("{network}: {length} of {limit} characters").format(
                network=name, length=number(length), limit=number(limit)
            )
        )
        self.setAccessibleDescription(" ".join(words))


class FitPanel(QWidget):
    """The counters in a row, and below them what to do about a text that does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.counters = {platform: Counter(platform, self) for platform in NETWORKS}
        for counter in self.counters.values():
            row.addWidget(counter)
        row.addStretch(1)
        layout.addLayout(row)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.advice)

    def show_draft(self, draft: Draft, estimate_thread: bool = False) -> None:
        draft = replace(draft, images=())  # the counters judge the text; images have their own view
        advice = []
        for platform, counter in self.counters.items():
            limits = default_limits(platform)
            result = analyze(draft, platform, limits, (), estimate_thread=estimate_thread)
            counter.show_analysis(result)
            advice += [
                f"{NETWORK_NAMES[platform]}: {describe(problem)}"
                for problem in result.problems
                if problem.code in TEXT_CODES
            ]
        if not draft.text.strip():
            advice = [self.tr("Start typing: the counters show how much room each network gives.")]
        elif not advice:
            advice = [self.tr("✓ The text fits on every network.")]
        self.advice.setText("\n".join(advice))
