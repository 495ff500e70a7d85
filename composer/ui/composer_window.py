"""The composer window: write once, see at once how it fits every network."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

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


class ComposerWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Omroeper")
        self.resize(760, 520)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        prompt = QLabel(self.tr("Your message for the networks:"), central)
        self.editor = QPlainTextEdit(central)
        self.editor.setPlaceholderText(
            self.tr(
                "Write your message here. Links, hashtags and mentions count "
                "as each network counts them."
            )
        )
        self.editor.setAccessibleName(self.tr("Message"))
        prompt.setBuddy(self.editor)
        layout.addWidget(prompt)
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.counters = {platform: Counter(platform, central) for platform in NETWORKS}
        for counter in self.counters.values():
            row.addWidget(counter)
        row.addStretch(1)
        layout.addLayout(row)
        self.advice = QLabel(central)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.advice)
        self.setCentralWidget(central)
        # Splitting into a thread costs more than counting: estimate it once typing pauses.
        self.estimate_timer = QTimer(self, singleShot=True, interval=400)
        self.estimate_timer.timeout.connect(lambda: self.refresh(estimate_thread=True))
        self.editor.textChanged.connect(self.refresh)
        self.editor.textChanged.connect(self.estimate_timer.start)
        self.refresh()
        self.editor.setFocus()

    def draft(self) -> Draft:
        return Draft(text=self.editor.toPlainText(), targets=tuple(NETWORKS))

    def refresh(self, estimate_thread: bool = False) -> None:
        draft = self.draft()
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
