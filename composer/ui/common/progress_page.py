"""The page a dialog shows while it sends to every destination and after: a heading, a
sentence on the whole, one row per destination (scrolling when many), then a button to try
again and Close. The publish and the edit dialogs fill it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class ProgressPage(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.overall = QLabel(self)
        self.overall.setWordWrap(True)
        self.overall.setTextFormat(Qt.TextFormat.PlainText)  # may carry a server's words
        self.overall.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows)  # the rows go before its closing stretch
        self.rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(self.rows)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retry_button = QPushButton(self)  # its words come with what went wrong
        self.close_button = QPushButton(QCoreApplication.translate("Publish", "Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addWidget(self.heading)
        layout.addWidget(self.overall)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
