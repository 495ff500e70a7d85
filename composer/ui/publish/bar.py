"""The Publish button and, beside it, what still stands in the way, in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from composer.i18n.problems import describe
from composer.ui.style import theme
from composer.ui.writing.counters import chosen_account_name

if TYPE_CHECKING:
    from composer.core.analysis.composing import Readiness

SHOWN_AT_MOST = 3  # more lines than this hide the button; the previews list them all


class PublishBar(QWidget):
    publish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Ready to publish?"))
        self.button = QPushButton(self.tr("&Publish…"), self)
        self.button.setToolTip(
            self.tr("Publish on your website and the chosen networks (Ctrl+Enter)")
        )
        self.button.setDefault(True)
        self.button.setMinimumHeight(36)
        self.button.clicked.connect(self.publish_requested)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.button)
        self.reasons: list[str] = []

    def show_state(
        self, readiness: Readiness, *, published: bool = False, editing: bool = False
    ) -> None:
        """What stands in the way of publishing, in words; the button follows
        `readiness.allowed`, the rule the Publish action checks too. `published`: this draft
        went out before, so publishing makes second copies; `editing`: it is a change to a
        published message, sent to its copies."""
        chosen = readiness.chosen
        by_id = {account.id: account for account in chosen}
        # The same missing description blocks every network: say it once, naming them all.
        where: dict[str, list[str]] = {}
        for target, problem in readiness.blocking:
            if target in by_id:
                names = where.setdefault(describe(problem), [])
                names.append(chosen_account_name(by_id[target], chosen))
        self.reasons = [f"{', '.join(names)}: {words}" for words, names in where.items()]
        calm = True  # nothing wrong yet, just a step to take: no red
        if not readiness.connected:
            words = self.tr("Connect your website or a network to publish.")
        elif not chosen:
            words = self.tr("Choose at least one place to publish.")
        elif readiness.quiet:
            words = self.tr("Write your message: the previews show how it will look.")
        elif self.reasons:
            shown = self.reasons[:SHOWN_AT_MOST]
            more = len(self.reasons) - len(shown)
            if more:
                shown.append(self.tr("…and %Ln more: see the previews.", "", more))
            words = self.tr("Before publishing:") + "\n" + "\n".join(shown)
            calm = False
        else:
            words = self._ready(len(chosen), published=published, editing=editing)
        self.button.setText(self._button(published=published, editing=editing))
        self.status.setText(words)
        style = "" if calm else f"color: {theme.error_color()};"
        if style != self.status.styleSheet():
            self.status.setStyleSheet(style)
        self.button.setEnabled(readiness.allowed)
        self.button.setAccessibleDescription(words)

    def _ready(self, count: int, *, published: bool, editing: bool) -> str:
        if editing:
            return self.tr("Ready to change the message on %Ln destination(s).", "", count)
        if published:
            return self.tr(
                "Already published (see above). Publishing it again puts a second copy on "
                "every network."
            )
        return self.tr("Ready to publish to %Ln destination(s).", "", count)

    def _button(self, *, published: bool, editing: bool) -> str:
        if editing:
            return self.tr("&Publish changes…")
        return self.tr("&Publish again…") if published else self.tr("&Publish…")
