"""What the window says about messages once they leave the draft: whether the open draft was
published (when, and where its page is), which messages still wait to be sent, and when one
of those goes out, to the eye and to screen readers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.store.jobs import Job
from composer.core.store.store import Store, StoreError
from composer.ui.common.announce import announce
from composer.ui.common.local_time import moment_text
from composer.ui.drafts.panel import display_title

translate = QCoreApplication.translate
WATCH_MS = 2000  # a message waiting for the connection goes out within seconds: look that often


def published_copies(job: Job) -> int:
    return len(job.copies_online())


def published_jobs(store: Store, draft_id: int) -> list[Job]:
    """The jobs that published this draft somewhere, with a copy still online; newest first."""
    return [job for job in store.publications(draft_id) if published_copies(job)]


class OutboxPanel(QWidget):
    """Two notes above the Publish button: "published on …" for the open draft, and the
    messages still waiting to be sent, each with the button that shows them."""

    history_requested = Signal()
    waiting_requested = Signal(int)  # a job id
    gone_out = Signal()  # a waiting message was sent: the drafts list may show it published

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.draft_id: int | None = None
        self.waiting: list[int] = []
        self.published = QLabel(self)
        self.published.setTextFormat(Qt.TextFormat.PlainText)  # the page's address is outside
        self.published.setWordWrap(True)
        self.published.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_button = QPushButton(self.tr("Published messages…"), self)
        self.history_button.clicked.connect(self.history_requested)
        self.waiting_label = QLabel(self)
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_label.setWordWrap(True)
        self.waiting_button = QPushButton(self.tr("Show"), self)
        self.waiting_button.setAccessibleName(self.tr("Show the messages waiting to be sent"))
        self.waiting_button.clicked.connect(self._show_waiting)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, button in (
            (self.published, self.history_button),
            (self.waiting_label, self.waiting_button),
        ):
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
        self.timer = QTimer(self, interval=WATCH_MS)
        self.timer.timeout.connect(self.watch)
        self.timer.start()
        self._show_published([])
        self.watch()

    def _show_waiting(self) -> None:
        if self.waiting:
            self.waiting_requested.emit(self.waiting[-1])

    @property
    def is_published(self) -> bool:
        """The open draft went out (somewhere, still online) before."""
        return not self.published.isHidden()

    def show_draft(self, draft_id: int) -> None:
        self.draft_id = draft_id
        self._show_published(self._publications())

    def _publications(self) -> list[Job]:
        if self.draft_id is None:
            return []
        try:
            return published_jobs(self.store, self.draft_id)
        except StoreError:  # the drafts stay usable when the history cannot be read
            return []

    def _show_published(self, jobs: list[Job]) -> None:
        shown = bool(jobs)
        self.published.setVisible(shown)
        self.history_button.setVisible(shown)
        if not shown:
            return
        latest = jobs[0]
        words = self.tr(
            "✓ Published on {when} on %Ln destination(s).", "", published_copies(latest)
        )
        words = words.format(when=moment_text(latest.created))
        if latest.canonical_url:
            words += "\n" + self.tr("Your page: {url}").format(url=latest.canonical_url)
        self.published.setText(words)
        self.published.setAccessibleName(words)

    def watch(self) -> None:
        """Messages waiting to be sent (offline, a server down, half-sent): shown, and said
        once they have gone out."""
        if self.store.closed:  # the window is going away
            self.timer.stop()
            return
        try:
            waiting = self.store.unfinished_jobs()
        except StoreError:
            return
        for job_id in self.waiting:
            if job_id not in waiting:
                self._went_out(job_id)
        self.waiting = waiting
        self.waiting_label.setText(self.tr("%Ln message(s) waiting to be sent.", "", len(waiting)))
        for widget in (self.waiting_label, self.waiting_button):
            widget.setVisible(bool(waiting))

    def _went_out(self, job_id: int) -> None:
        try:
            job = self.store.job(job_id)
        except StoreError:
            return
        title = display_title(job.draft.title, job.draft.text, self.tr("Your message"))
        words = self.tr(
            "“{title}” has gone out: published on %Ln destination(s).", "", published_copies(job)
        )
        words = words.format(title=title)
        if isinstance(top := self.window(), QMainWindow):
            top.statusBar().showMessage(words, 15000)
        announce(self, words)
        if self.draft_id is not None:
            self.show_draft(self.draft_id)
        self.gone_out.emit()  # the window shows the draft's new state


def ask_to_publish_again(parent: QWidget, jobs: list[Job], ask: Callable[..., int]) -> bool:
    """Publishing a draft that was published before makes a second copy everywhere: only when
    the person says so; the safe answer (no) is the default."""
    from PySide6.QtWidgets import QMessageBox

    latest = jobs[0]
    buttons = QMessageBox.StandardButton
    answer = ask(
        parent,
        translate("OutboxPanel", "Publish again?"),
        translate(
            "OutboxPanel",
            "This message was already published on {when}. Publishing it again puts a second "
            "copy on every network and a second page on your website.\n\nTo correct the "
            "published message, choose “Edit…” under “Published messages…”: its copies "
            "change where they are.",
        ).format(when=moment_text(latest.created)),
        buttons.Yes | buttons.No,
        buttons.No,
    )
    return answer == buttons.Yes
