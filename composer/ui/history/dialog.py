"""Published messages, newest first: per destination the link, the reason it failed, or what
is unfinished ("Continue sending"); and "Delete everywhere", confirmed first, on a thread.
Scheduled ones with their time and who holds each copy: change the time or the text, cancel
(the servers' copies too), and a late one: send now or cancel (ui/scheduled).
Under each copy, how it was received (replies, reposts, likes), read when a message is shown
and on "Refresh figures", on a worker thread; offline, the last figures with their date."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import AccountKind
from composer.core.accounts.accounts import Accounts
from composer.core.errors import CodedError
from composer.core.publishing.deleting import Deleted, deletable, delete_everywhere
from composer.core.publishing.editing import editable
from composer.core.publishing.receiving import countable, read_receptions
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import Job
from composer.core.store.store import Store, StoreError
from composer.ui.common.local_time import local_text, moment_text
from composer.ui.common.safe_display import plain_box
from composer.ui.drafts.panel import display_title
from composer.ui.history import deleting as history_delete
from composer.ui.history.reception import ReceptionLine, failed_words, trouble_words
from composer.ui.publish import run as publish_run
from composer.ui.publish.dialog import PublishDialog
from composer.ui.publish.rows import DestinationRow, destination_name
from composer.ui.scheduled import words as schedule_words
from composer.ui.scheduled.actions import ScheduleActions
from composer.ui.scheduled.ask import ask_cancel
from composer.ui.scheduled.editors import TextDialog, TimeDialog
from composer.ui.tasks import tasks

WAITING = ("scheduled", "late")

log = logging.getLogger(__name__)


class HistoryDialog(QDialog):
    edit_requested = Signal(int)  # open this published job in the composer, to change it

    def __init__(
        self,
        store: Store,
        accounts: Accounts,
        parent: QWidget | None = None,
        *,
        destinations=None,
        actions: ScheduleActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.accounts, self.destinations = store, accounts, destinations
        # the person's changes to a scheduled message (the window's, or this dialog's own)
        self.changes = actions or ScheduleActions(
            store, lambda: accounts, self, destinations=destinations
        )
        self.changes.changed.connect(self._schedule_changed)
        self.changes.failed.connect(self._schedule_failed)
        self.jobs: dict[int, Job] = {}
        self.job: Job | None = None
        self.deleting = False
        self._was_running = False
        self.rows: dict[str, DestinationRow] = {}
        self.lines: dict[str, ReceptionLine] = {}  # how each copy was received
        self.fresh: dict[int, dict[str, Reception]] = {}  # read while this is open, per job
        self.reading: set[int] = set()  # jobs whose figures are being read now
        self.asked: set[int] = set()  # jobs read once already (again: "Refresh figures")
        self.shown: tuple[int, list[str]] | None = None
        self.setWindowTitle(self.tr("Published messages"))
        self.resize(860, 520)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Published messages"))
        self.list.setMinimumWidth(240)
        self.list.setSpacing(3)
        self.list.currentItemChanged.connect(lambda item, _old: self._choose(item))
        self.empty = QLabel(self.tr("Nothing published yet."), self)
        self.details = self._details()
        self.close_button = close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        close.setDefault(True)  # Enter closes; sending or deleting needs its own button
        buttons = (self.edit_button, self.continue_button, self.delete_button)
        for button in (*buttons, self.refresh_button):
            button.setAutoDefault(False)
        for button in self.schedule_buttons:
            button.setAutoDefault(False)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.empty)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addWidget(self.details, 3)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        # a job sent in the background changes while this is open
        self.timer = QTimer(self, interval=500)
        self.timer.timeout.connect(self._follow)
        self.timer.start()
        self.reload()
        self.list.setFocus()

    def _details(self) -> QWidget:
        box = QScrollArea(self)
        box.setWidgetResizable(True)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # no sideways scrolling: the words wrap to the width instead
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside = QWidget(box)
        self.inside = inside
        layout = QVBoxLayout(inside)
        self.title = QLabel(inside)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.when = QLabel(inside)
        self.when.setWordWrap(True)
        self.rows_box = QVBoxLayout()
        self.outcome = QLabel(inside)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.reception_note = QLabel(inside)  # why the figures are not fresh, in one line
        self.reception_note.setWordWrap(True)
        self.reception_note.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh_button = QPushButton(self.tr("Refresh &figures"), inside)
        self.refresh_button.setAccessibleName(self.tr("Read the replies, reposts and likes again"))
        self.refresh_button.clicked.connect(self.read_reception)
        self.edit_button = QPushButton(self.tr("&Edit…"), inside)
        self.edit_button.setToolTip(
            self.tr("Change the text or the photos, on your website and on every network")
        )
        self.edit_button.clicked.connect(self._edit)
        self.continue_button = QPushButton(inside)  # its words come with the job's state
        self.continue_button.clicked.connect(lambda: self.open_job(retry=True))
        self.delete_button = QPushButton(self.tr("&Delete everywhere…"), inside)
        self.delete_button.clicked.connect(self.ask_delete)
        planned = self._schedule_row(inside)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        for widget in (self.title, self.when):
            layout.addWidget(widget)
        layout.addLayout(self.rows_box)
        layout.addLayout(planned)
        layout.addWidget(self.reception_note)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        layout.addStretch(1)
        box.setWidget(inside)
        return box

    def _schedule_row(self, inside: QWidget) -> QHBoxLayout:
        """The buttons of a scheduled message; shown with one that waits (or is late)."""
        self.send_now_button = QPushButton(self.tr("Send &now"), inside)
        self.send_now_button.clicked.connect(self.send_now)
        self.time_button = QPushButton(self.tr("Change the &time…"), inside)
        self.time_button.clicked.connect(self.change_time)
        self.text_button = QPushButton(self.tr("Change the te&xt…"), inside)
        self.text_button.clicked.connect(self.change_text)
        self.cancel_button = QPushButton(self.tr("&Cancel the message…"), inside)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.schedule_buttons = (
            self.send_now_button,
            self.time_button,
            self.text_button,
            self.cancel_button,
        )
        planned = QHBoxLayout()
        for button in self.schedule_buttons:
            planned.addWidget(button)
        planned.addStretch(1)
        return planned

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.job.id if self.job else None
        self.jobs = {job.id: job for job in self.store.list_jobs()}
        self.list.blockSignals(True)
        self.list.clear()
        for job in self.jobs.values():
            when = moment_text(job.created)
            if job.scheduled_at is not None and job.state in (*WAITING, "cancelled"):
                when = "◷ " + schedule_words.job_time(job)
            title = display_title(job.draft.title, job.draft.text, self.tr("(no text)"))
            item = QListWidgetItem(f"{title}\n{when} · {self._standing(job)}")
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            self.list.addItem(item)
            if job.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.jobs)
        self.details.setVisible(bool(self.jobs))
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._choose(self.list.currentItem())

    def select(self, job_id: int) -> None:
        """Show this job (a scheduled one the window pointed at)."""
        for number in range(self.list.count()):
            if self.list.item(number).data(Qt.ItemDataRole.UserRole) == job_id:
                self.list.setCurrentRow(number)
                return

    def _standing(self, job: Job) -> str:
        if scheduled := schedule_words.standing(job):
            return scheduled
        states = {row.state for row in job.destinations}
        if job.deleted:
            return self.tr("Deleted")
        if publish_run.running(self.store, job.id):
            return self.tr("Sending…")
        if states == {"done"}:
            return self.tr("Published")
        if "done" in states:
            return self.tr("Partly published")
        return self.tr("Not published")

    def _choose(self, item: QListWidgetItem | None) -> None:
        self.job = self.jobs.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        self.outcome.clear()
        self.reception_note.clear()
        self._show_job()

    def _follow(self) -> None:
        """A job being sent (here or in a closed publish dialog) changes while this is open."""
        job = self.job
        running = job is not None and publish_run.running(self.store, job.id)
        if job is not None and running:
            self.job = self.store.job(job.id)
            self._show_job()
        elif self._was_running:
            self.reload()  # it has just ended: the list's words change too
        self._was_running = bool(running)

    def _show_job(self) -> None:
        job = self.job
        if job is None:
            return
        ids = [row.account_id for row in job.destinations]
        if self.shown != (job.id, ids):  # another job: new rows; the same: updated in place
            self._make_rows(job)
        self.title.setText(display_title(job.draft.title, job.draft.text, self.tr("(no text)")))
        moment = job.created.astimezone()
        day = local_text(moment.date(), QLocale.FormatType.LongFormat)
        when = f"{day}, {local_text(moment.time(), QLocale.FormatType.ShortFormat)}"
        self.when.setText(
            self.tr("Sent on {date}. {standing}.").format(date=when, standing=self._standing(job))
            + self._changed(job)
        )
        self._show_schedule(job)
        running = publish_run.running(self.store, job.id) is not None
        for row in job.destinations:
            self.rows[row.account_id].show_row(row, running=running, waiting_for_site=False)
            if row.state == "scheduled":  # who sends it at its time
                self.rows[row.account_id].show_waiting("◷ " + schedule_words.holder_text(row))
            elif row.state == "cancelled":
                self.rows[row.account_id].show_waiting(self.tr("Cancelled: not sent."))
        states = {row.state for row in job.destinations}
        self.continue_button.setText(
            self.tr("&Retry the failed ones…")
            if "failed" in states
            else self.tr("C&ontinue sending…")
        )
        unfinished = bool(states & {"pending", "sending", "failed"})
        self.continue_button.setVisible(unfinished and not job.deleted and not running)
        online = [row for row in deletable(job) if row.deleted is None]
        self.edit_button.setVisible(editable(job) and not running)  # not once deleted
        self.edit_button.setEnabled(not self.deleting)
        self.delete_button.setVisible(bool(online))
        self.delete_button.setEnabled(not self.deleting and not running)
        self._show_reception(job, running=running)

    def _changed(self, job: Job) -> str:
        """After the first copy changed: when, and whether a copy still waits for it."""
        try:
            edit = self.store.latest_edit(job.id)
        except StoreError:
            return ""
        if edit is None or not any(copy.state == "done" for copy in edit.copies):
            return ""
        words = " " + self.tr("Changed on {date}.").format(date=moment_text(edit.created))
        if any(copy.open for copy in edit.copies):
            words += " " + self.tr("Not every copy has it yet: “Edit…” tries again.")
        elif any(copy.state == "failed" for copy in edit.copies):
            words += " " + self.tr("Not every copy could be changed.")
        return words

    def _make_rows(self, job: Job) -> None:
        while (child := self.rows_box.takeAt(0)) is not None:
            if (gone := child.widget()) is not None:
                gone.hide()  # gone from view now, deleted once its events are done
                gone.deleteLater()
        self.rows, self.lines = {}, {}
        for row in job.destinations:
            name = self._name(row.account_id, row.kind)
            shown = DestinationRow(row.account_id, name, self.inside)
            shown.send_again.connect(lambda account_id: self.open_job(send_again=account_id))
            self.rows_box.addWidget(shown)
            self.rows[row.account_id] = shown
            # under the copy's own row (its grid's next line): the rows stay one per copy
            self.lines[row.account_id] = line = ReceptionLine(name, shown)
            grid = shown.layout()
            assert isinstance(grid, QGridLayout)
            grid.addWidget(line, grid.rowCount(), 0, 1, grid.columnCount())
        self.shown = (job.id, [row.account_id for row in job.destinations])
        # Tab: the list, each copy's buttons, then what can be done with the message
        chain: list[QWidget] = [self.list]
        for account_id, row_shown in self.rows.items():
            chain += [row_shown.open, row_shown.again, self.lines[account_id].replies]
        chain += [*self.schedule_buttons]
        chain += [self.edit_button, self.continue_button, self.delete_button]
        chain += [self.refresh_button]
        chain += [self.close_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _name(self, account_id: str, kind: AccountKind) -> str:
        try:
            return destination_name(kind, self.accounts.get(account_id))
        except StoreError:
            return destination_name(kind, None)

    # -- how it was received -----------------------------------------------------------------

    def _show_reception(self, job: Job, *, running: bool) -> None:
        """The figures of each copy online: read just now, else the last ones kept (with
        their date), else nothing. A message shown for the first time is read once it is
        out (never while it is being sent)."""
        online = countable(job)
        self.refresh_button.setVisible(bool(online))
        self.refresh_button.setEnabled(job.id not in self.reading and not running)
        try:
            kept = self.store.receptions(job.id)
        except StoreError:
            kept = {}
        fresh = self.fresh.get(job.id, {})
        for row in job.destinations:
            line = self.lines.get(row.account_id)
            if line is None:
                continue
            seen = fresh.get(row.account_id) or kept.get(row.account_id)
            if row.deleted is not None or row.state != "done":
                seen = None
            line.show_reception(seen, row.kind, fresh=row.account_id in fresh)
        if job.id in self.reading:  # shown again while its figures are on their way
            self.reception_note.setText(self.tr("Reading the replies, reposts and likes…"))
        elif online and not running and job.id not in self.asked:
            self.read_reception()

    def read_reception(self) -> None:
        """Read the shown message's figures from the networks, off this thread."""
        job = self.job
        if job is None or job.id in self.reading:
            return
        job_id = job.id
        self.asked.add(job_id)
        self.reading.add(job_id)
        self.refresh_button.setEnabled(False)
        self.reception_note.setText(self.tr("Reading the replies, reposts and likes…"))
        store, accounts, destinations = self.store, self.accounts, self.destinations
        tasks().run(
            lambda: read_receptions(store, accounts, job_id, destinations),
            lambda found: self._received(job_id, found, None),
            owner=self,
            failed=lambda failure: self._received(job_id, {}, failure),
            name="reception",
        )

    def _received(
        self, job_id: int, found: dict[str, Reception | CodedError], failure: Exception | None
    ) -> None:
        self.reading.discard(job_id)
        if self.store.closed:  # the app is closing: nothing to show
            return
        fresh = self.fresh.setdefault(job_id, {})
        for account_id, seen in found.items():
            if isinstance(seen, Reception):
                fresh[account_id] = seen
            else:  # not fresh any more: the last figures kept, with their date
                fresh.pop(account_id, None)
        if self.job is None or self.job.id != job_id:
            return  # another message is shown now: these figures wait for it
        failed = {
            account_id: seen for account_id, seen in found.items() if isinstance(seen, CodedError)
        }
        try:
            kept = bool(set(self.store.receptions(job_id)) & set(failed))
        except StoreError:
            kept = False
        self._show_job()
        kinds = {row.account_id: row.kind for row in self.job.destinations}
        named = {self._name(key, kinds[key]): seen for key, seen in failed.items()}
        if failure is not None and not isinstance(failure, CodedError):
            log.warning("reading how the copies were received failed", exc_info=failure)
        words = failed_words() if failure is not None else trouble_words(named, kept=kept)
        self.reception_note.setText(words)

    # -- editing, continuing and deleting ---------------------------------------------------

    def _edit(self) -> None:
        """The window opens the message in the composer: this closes, to show it."""
        if self.job is not None and editable(self.job):
            job_id = self.job.id
            self.accept()
            self.edit_requested.emit(job_id)

    def open_job(self, *, retry: bool = False, send_again: str = "") -> None:
        if self.job is None:
            return
        dialog = PublishDialog.for_job(
            self.store,
            self.accounts,
            self.job.id,
            self,
            destinations=self.destinations,
            retry=retry,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_job.connect(lambda _job: self.reload())
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()
        if send_again:
            dialog.ask_send_again(send_again)
        self.reload()

    def ask_delete(self) -> None:
        job = self.job
        if job is None or self.deleting:
            return
        title = display_title(job.draft.title, job.draft.text, self.tr("(no text)"))
        text = history_delete.question(job, title, self._name)
        box = plain_box(  # the title and the names came from a draft file and from servers
            self,
            QMessageBox.Icon.Warning,
            self.tr("Delete everywhere?"),
            text,
            self.tr("This cannot be undone."),
        )
        yes = box.addButton(self.tr("Delete everywhere"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self.delete(job.id)

        box.finished.connect(answered)
        box.open()

    def delete(self, job_id: int) -> None:
        """Every copy, the website last, on a worker thread; each result in plain words."""
        self.deleting = True
        self.delete_button.setEnabled(False)
        self.outcome.setText(self.tr("Deleting…"))
        store, accounts = self.store, self.accounts
        tasks().run(
            lambda: delete_everywhere(store, accounts, job_id),
            lambda found: self._deleted(found, None),
            owner=self,  # a dialog closed meanwhile (deleted on close) is not told
            failed=lambda failure: self._deleted(None, failure),
            name="delete",
        )

    def _deleted(self, found: dict[str, Deleted] | None, failure: Exception | None) -> None:
        self.deleting = False
        self.reload()
        if failure is not None:
            self.outcome.setText(history_delete.stopped(failure))
        else:
            self.outcome.setText(history_delete.results(found or {}, self._name))

    # -- a scheduled message ----------------------------------------------------------------

    def _show_schedule(self, job: Job) -> None:
        waiting = job.state in WAITING
        if job.scheduled_at is not None and job.state in (*WAITING, "cancelled"):
            time = schedule_words.job_time(job)
            if job.state == "scheduled":
                words = self.tr("Scheduled for {time}.").format(time=time)
            elif job.state == "late":
                words = self.tr("Planned for {time}. Too late: send now or cancel?")
                words = words.format(time=time)
            else:
                words = self.tr("Was planned for {time}. Cancelled: nothing was sent.")
                words = words.format(time=time)
            self.when.setText(words)
        elif job.sent_late and job.scheduled_at is not None:
            self.when.setText(
                self.when.text()
                + " "
                + self.tr("It went out after its time ({time}).").format(
                    time=schedule_words.job_time(job)
                )
            )
        busy = job.id in self.changes.busy
        self.send_now_button.setVisible(job.state == "late")
        for button in (self.time_button, self.text_button, self.cancel_button):
            button.setVisible(waiting)
        for button in self.schedule_buttons:
            button.setEnabled(not busy)

    def send_now(self) -> None:
        if self.job is not None and self.job.state == "late":
            self.outcome.setText(self.tr("Sending…"))
            self.changes.send_now(self.job.id)
            self._show_job()

    def change_time(self) -> None:
        job = self.job
        if job is None or job.state not in WAITING:
            return
        dialog = TimeDialog(job, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            if dialog.when is not None:
                self.outcome.setText(self.tr("Changing the time…"))
                self.changes.reschedule(job.id, dialog.when)
                self._show_job()

        dialog.accepted.connect(chosen)
        dialog.open()

    def change_text(self) -> None:
        job = self.job
        if job is None or job.state not in WAITING:
            return
        dialog = TextDialog(job, self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            if dialog.draft is not None:
                self.outcome.setText(self.tr("Saving the new text…"))
                self.changes.change_text(job.id, dialog.draft)
                self._show_job()

        dialog.accepted.connect(chosen)
        dialog.open()

    def ask_cancel(self) -> None:
        job = self.job
        if job is None or job.state not in WAITING:
            return

        def cancel() -> None:
            self.outcome.setText(self.tr("Cancelling…"))
            self.changes.cancel(job.id)
            self._show_job()

        ask_cancel(self, job, cancel)

    def _schedule_changed(self, job: Job) -> None:
        if self.store.closed:
            return
        if job.state == "cancelled":
            words = self.tr("Cancelled: it will not be sent.")
        elif job.state == "scheduled":
            words = self.tr("Changed: it will be sent at {time}.")
            words = words.format(time=schedule_words.job_time(job))
        else:
            words = ""
        self.reload()
        self.outcome.setText(words)

    def _schedule_failed(self, _job_id: int, words: str) -> None:
        if self.store.closed:
            return
        self.reload()
        self.outcome.setText(words)
