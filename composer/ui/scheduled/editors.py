"""The two small editors a scheduled message is changed with: its time (date and time in
the person's format, in the zone it was planned in) and its text (the message with a count
per destination as its server counts, the full text when it goes to a website)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.scheduling.times import ScheduledTime, system_zone, wall_time, zone_info
from composer.core.store.errors import StoreError
from composer.core.store.jobs import Job
from composer.core.store.store import Store
from composer.core.text.measure import measure
from composer.i18n.schedule_errors import describe_schedule_error
from composer.ui.publish.rows import destination_name
from composer.ui.scheduled.words import wall
from composer.ui.style.theme import error_color


def _buttons(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _qt_time(wall: datetime) -> QDateTime:
    """A wall-clock time as Qt shows it, untouched by this computer's zone."""
    day = QDate(wall.year, wall.month, wall.day)
    return QDateTime(day, QTime(wall.hour, wall.minute))


class TimeDialog(QDialog):
    """After Accepted, `when` is the chosen time (UTC, with the zone it was planned in)."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the time"))
        self.zone = job.zone or system_zone()
        self.when: ScheduledTime | None = None
        at = job.scheduled_at or datetime.now().astimezone() + timedelta(hours=1)
        shown = wall(at, self.zone)
        self.edit = QDateTimeEdit(_qt_time(shown), self)
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(self.tr("New date and time"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_color()}")
        self.problem.hide()
        form = QFormLayout()
        label = QLabel(self.tr("&Date and time:"), self)
        label.setBuddy(self.edit)
        form.addRow(label, self.edit)
        if self.zone and self.zone != system_zone():
            form.addRow(QLabel(self.tr("Time zone: {zone}").format(zone=self.zone), self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("&Change the time"), self.tr("Cancel")))
        self.edit.setFocus()

    def set_wall_time(self, moment: datetime) -> None:
        """The time as typed (a wall-clock time in the message's zone)."""
        self.edit.setDateTime(_qt_time(moment))

    def accept(self) -> None:
        chosen = self.edit.dateTime().toPython()
        assert isinstance(chosen, datetime)
        chosen = chosen.replace(second=0, microsecond=0, tzinfo=None)
        try:
            if self.zone:
                at = wall_time(chosen, zone_info(self.zone))
            else:
                at = chosen.astimezone().astimezone(zone_info("UTC"))
        except CodedError as failure:
            self.problem.setText(describe_schedule_error(failure))
            self.problem.show()
            return
        self.when = ScheduledTime(at, self.zone)
        super().accept()


class TextDialog(QDialog):
    """After Accepted, `draft` is the job's draft with the new text."""

    def __init__(self, job: Job, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the text"))
        self.resize(560, 420)
        self.original: Draft = job.draft
        self.draft: Draft | None = None
        self.limits = []
        for row in job.destinations:
            try:
                account = store.get_account(row.account_id)
            except StoreError:
                continue
            if not row.kind.is_own_site:
                name = destination_name(row.kind, account)
                self.limits.append((name, account.effective_limits()))
        self.message = QPlainTextEdit(job.draft.text, self)
        self.message.setAccessibleName(self.tr("Message for the networks"))
        self.message.setTabChangesFocus(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)  # the names came from servers
        form = QFormLayout()
        label = QLabel(self.tr("&Message:"), self)
        label.setBuddy(self.message)
        form.addRow(label, self.message)
        form.addRow(self.counts)
        self.body: QPlainTextEdit | None = None
        if any(row.kind.is_own_site for row in job.destinations):
            self.body = QPlainTextEdit(job.draft.body, self)
            self.body.setAccessibleName(self.tr("Full text for your website"))
            self.body.setTabChangesFocus(True)
            body_label = QLabel(self.tr("&Full text:"), self)
            body_label.setBuddy(self.body)
            form.addRow(body_label, self.body)
        self.buttons = _buttons(self, self.tr("&Save the changes"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.message.textChanged.connect(self._count)
        self._count()
        self.message.setFocus()

    def _count(self) -> None:
        text = self.message.toPlainText()
        lines, fits = [], True
        for name, limits in self.limits:
            length = measure(text, limits).length
            most = limits.max_characters
            if most is None:
                continue
            fits = fits and length <= most
            mark = "✓" if length <= most else "✗"
            lines.append(f"{mark} {name}: {length} / {most}")
        self.counts.setText("\n".join(lines))
        self.counts.setAccessibleName(self.tr("Characters per destination"))
        # too long blocks saving unless the message may become a thread
        allowed = (fits or bool(self.original.thread)) and bool(text.strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(allowed)

    def accept(self) -> None:
        body = self.body.toPlainText() if self.body is not None else self.original.body
        self.draft = replace(self.original, text=self.message.toPlainText(), body=body)
        super().accept()
