"""The main window's note on scheduled messages, above the Publish button: the next one
(◷ and its time) with "Show…"; a late one with its two choices, send now or cancel; and
what the latest due run did, in plain words, also in the status bar and to screen readers.
Non-modal: the person carries on writing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from composer.core.store.jobs import Job
from composer.core.store.store import Store, StoreError
from composer.ui.common.announce import announce
from composer.ui.scheduled.actions import ScheduleActions
from composer.ui.scheduled.ask import ask_cancel
from composer.ui.scheduled.words import job_time, late_question, sent_words, title_of

LOOK_MS = 60_000  # `publish --due` or a change elsewhere: seen within a minute


def waiting_jobs(store: Store) -> list[Job]:
    """Scheduled and late jobs, the soonest first."""
    jobs = [job for job in store.list_jobs() if job.state in ("scheduled", "late")]
    return sorted(jobs, key=lambda job: (job.scheduled_at is None, job.scheduled_at, job.id))


class ScheduledNotice(QWidget):
    job_requested = Signal(int)  # show this job in Published messages

    def __init__(self, store: Store, actions: ScheduleActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.changes = store, actions
        self.next_job: Job | None = None
        self.late_job: Job | None = None
        self.plan = self._label()
        self.show_button = QPushButton(self.tr("Show…"), self)
        self.show_button.setAccessibleName(self.tr("Show the scheduled message"))
        self.show_button.clicked.connect(lambda: self._request(self.next_job))
        self.late = self._label()
        self.send_now_button = QPushButton(self.tr("Send &now"), self)
        self.send_now_button.clicked.connect(self._send_now)
        self.cancel_button = QPushButton(self.tr("Cancel…"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the late message"))
        self.cancel_button.clicked.connect(self._ask_cancel)
        self.outcome = self._label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        plan = QHBoxLayout()
        plan.addWidget(self.plan, 1)
        plan.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(plan)
        # the late question's words are long: the whole width, its two choices under them
        layout.addWidget(self.late)
        choices = QHBoxLayout()
        choices.addStretch(1)
        choices.addWidget(self.send_now_button)
        choices.addWidget(self.cancel_button)
        layout.addLayout(choices)
        layout.addWidget(self.outcome)
        self.outcome.hide()
        actions.changed.connect(self._changed)
        actions.failed.connect(self._failed)
        self.timer = QTimer(self, interval=LOOK_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # titles come from draft files
        label.setWordWrap(True)
        return label

    def refresh(self) -> None:
        if self.store.closed:
            self.timer.stop()
            return
        try:
            jobs = waiting_jobs(self.store)
        except StoreError:  # the drafts stay usable when the history cannot be read
            return
        scheduled = [job for job in jobs if job.state == "scheduled"]
        late = [job for job in jobs if job.state == "late"]
        self.next_job = scheduled[0] if scheduled else None
        self.late_job = late[0] if late else None
        if self.next_job is not None:
            words = self.tr(
                "◷ %Ln message(s) scheduled. Next: “{title}”, {time}.", "", len(scheduled)
            )
            self.plan.setText(
                words.format(title=title_of(self.next_job), time=job_time(self.next_job))
            )
        for widget in (self.plan, self.show_button):
            widget.setVisible(self.next_job is not None)
        if self.late_job is not None:
            self.late.setText("⚠ " + late_question(self.late_job))
        busy = self.late_job is not None and self.late_job.id in self.changes.busy
        for widget in (self.late, self.send_now_button, self.cancel_button):
            widget.setVisible(self.late_job is not None)
        self.send_now_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def show_run(self, jobs: list[Job], now: datetime) -> None:
        """What a due run did: said once, and kept in view until the next one."""
        words = "\n".join(sent_words(job, now) for job in jobs)
        self.outcome.setText(words)
        self.outcome.setVisible(bool(words))
        trouble = any(
            job.state == "late" or any(r.state in ("failed", "unknown") for r in job.destinations)
            for job in jobs
        )
        if isinstance(top := self.window(), QMainWindow):
            top.statusBar().showMessage(words.replace("\n", " "), 15000)
        announce(self, words, urgent=trouble)
        self.refresh()

    def _request(self, job: Job | None) -> None:
        if job is not None:
            self.job_requested.emit(job.id)

    def _send_now(self) -> None:
        if self.late_job is not None:
            self.changes.send_now(self.late_job.id)
            self.refresh()

    def _ask_cancel(self) -> None:
        job = self.late_job
        if job is not None:
            ask_cancel(self, job, lambda: self._cancel(job.id))

    def _cancel(self, job_id: int) -> None:
        self.changes.cancel(job_id)
        self.refresh()

    def _changed(self, job: Job) -> None:
        if job.state == "cancelled":
            words = self.tr("“{title}” is cancelled: it will not be sent.").format(
                title=title_of(job)
            )
        elif job.state in ("scheduled", "late"):
            words = ""
        elif any(row.state in ("failed", "unknown") for row in job.destinations):
            words = sent_words(job, self.changes.clock.now())
        else:
            words = self.tr("“{title}” has been sent.").format(title=title_of(job))
        if words:
            self.outcome.setText(words)
            self.outcome.show()
            announce(self, words)
        self.refresh()

    def _failed(self, _job_id: int, words: str) -> None:
        self.outcome.setText(words)
        self.outcome.show()
        announce(self, words, urgent=True)
        self.refresh()
