"""The window's note, above the Publish button, while the open draft is a change to a
published message: which message, that the change goes to its copies (nothing new is
posted), and "Stop changing" (the draft goes to the bin, with the usual undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from composer.core.store.jobs import Job
from composer.ui.common.local_time import moment_text
from composer.ui.drafts.panel import display_title


class EditingNotice(QFrame):
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the title is the person's
        self.label.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("Stop &changing"), self)
        self.stop_button.setToolTip(
            self.tr("Put this change in the bin: the published message stays as it is")
        )
        self.stop_button.clicked.connect(self.stop_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_job(self, job: Job | None) -> None:
        """The published job the open draft changes; None: an ordinary draft."""
        self.setVisible(job is not None)
        if job is None:
            return
        title = display_title(job.draft.title, job.draft.text, self.tr("(no text)"))
        words = self.tr(
            "✎ You are changing “{title}”, published on {when}. “Publish changes” changes "
            "its copies; nothing new is posted."
        ).format(title=title, when=moment_text(job.created))
        self.label.setText(words)
        self.setAccessibleName(words)
