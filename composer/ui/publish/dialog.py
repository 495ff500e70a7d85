"""Publishing one message: a summary to confirm, then each destination's progress and, at the
end, a link to every copy or the reason in plain words, and "Retry the failed ones".

The job runs off the window's thread (publish/run.py), so the window never waits for a server.
Chosen to go out at a time, the job is scheduled instead (run.start_scheduled), and the
dialog says when it goes out and who holds each copy until then (schedule_words.py).
The dialog reads the job from the store once when it opens, then follows the run's reports of
each step. Closing the dialog while sending only hides it: the job goes on, `finished_job`
still comes, and a dialog with WA_DeleteOnClose is deleted after it.

A screen reader hears each step once (announce.py): that sending began, waiting for the
connection and its return, each copy's outcome, and at the end how many were published.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import Account, AccountKind
from composer.core.accounts.accounts import Accounts
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.publisher import will_send
from composer.core.scheduling.clock import Clock, SystemClock
from composer.core.scheduling.os_task.outcome import TaskOutcome
from composer.core.store.jobs import HeldBy, Job
from composer.core.store.store import Store, StoreError
from composer.i18n.publish_errors import describe_publish_error
from composer.i18n.schedule_errors import describe_schedule_error, has_words
from composer.i18n.store_errors import describe_store_error
from composer.ui.common.announce import Announcer
from composer.ui.common.progress_page import ProgressPage
from composer.ui.common.safe_display import plain_box
from composer.ui.publish import run as publish_run
from composer.ui.publish.confirm import ConfirmPage, website_first
from composer.ui.publish.outcome import (
    connection_back,
    no_connection,
    overall,
    spoken_outcome,
    starting,
)
from composer.ui.publish.rows import DestinationRow, destination_name
from composer.ui.publish.schedule_words import (
    held_words,
    network_of,
    scheduled_heading,
    scheduled_summary,
)

JOB = "*"  # the Announcer's topic for the job as a whole; each row's is its account id


class PublishDialog(QDialog):
    finished_job = Signal(int)

    def __init__(
        self,
        store: Store,
        accounts: Accounts,
        draft: Draft,
        chosen: Sequence[Account],
        parent: QWidget | None = None,
        *,
        destinations=None,
        draft_id: int | None = None,
        clock: Clock | None = None,
        zone: str | None = None,
        task: Callable[[bool], TaskOutcome] | None = None,
    ) -> None:
        """`clock`, `zone` (IANA) and `task` (ensure_task) are this computer's unless given."""
        super().__init__(parent)
        self.store, self.accounts, self.destinations = store, accounts, destinations
        self.clock, self.task = clock or SystemClock(), task
        self.task_outcome: TaskOutcome | None = None  # a scheduled job's OS task
        self.draft_id = draft_id  # the draft it comes from: the drafts list says "published"
        self.draft, self.chosen = draft, website_first(chosen)
        self.job_id: int | None = None
        self.job: Job | None = None
        self.run: publish_run.PublishRun | None = None
        self._delete_after_run = False
        self.voice = Announcer(self)
        self.setWindowTitle(self.tr("Publish"))
        self.resize(640, 480)
        self.confirm = ConfirmPage(
            draft,
            self.chosen,
            self,
            holders=functools.partial(_who_holds, store, accounts, destinations, draft, chosen),
            clock=self.clock,
            zone=zone,
        )
        self.confirm.publish_button.clicked.connect(self.publish)
        self.confirm.cancel_button.clicked.connect(self.reject)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.confirm)
        self.pages.addWidget(self._progress_page())
        QVBoxLayout(self).addWidget(self.pages)
        self._make_rows([(a.id, a.kind, a) for a in self.chosen])
        self.confirm.publish_button.setFocus()

    @classmethod
    def for_job(
        cls,
        store: Store,
        accounts: Accounts,
        job_id: int,
        parent: QWidget | None = None,
        *,
        destinations=None,
        retry: bool = False,
    ) -> PublishDialog:
        """An existing job's progress and links; with `retry`, send what is unfinished or
        failed at once. A job still being sent is watched, never started a second time."""
        job = store.job(job_id)
        dialog = cls(store, accounts, job.draft, [], parent, destinations=destinations)
        dialog._make_rows(
            [(r.account_id, r.kind, _account(accounts, r.account_id)) for r in job.destinations]
        )
        dialog.job_id = job_id
        dialog.pages.setCurrentIndex(1)
        run = publish_run.running(store, job_id)
        dialog.voice.quiet = True  # what happened before it opened is not news
        dialog.refresh(run)
        dialog.voice.quiet = False
        if run is None and retry:
            dialog._start(retry=True)
        elif run is not None:
            dialog._follow(run)
        else:
            dialog._focus_next_step()
        return dialog

    # -- the progress page ------------------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = ProgressPage(self)
        self.heading, self.overall = page.heading, page.overall
        self.rows_layout = page.rows_layout
        self.retry_button, self.close_button = page.retry_button, page.close_button
        self.retry_button.clicked.connect(lambda: self._start(retry=True))
        self.close_button.clicked.connect(self.accept)
        return page

    def _make_rows(self, destinations: Sequence[tuple[str, AccountKind, Account | None]]) -> None:
        for row in getattr(self, "rows", {}).values():
            row.hide()
            row.deleteLater()
        self.rows: dict[str, DestinationRow] = {}
        for position, (account_id, kind, account) in enumerate(destinations):
            row = DestinationRow(account_id, destination_name(kind, account), self)
            row.send_again.connect(self.ask_send_again)
            self.rows_layout.insertWidget(position, row)
            self.rows[account_id] = row
        # Tab goes down the rows, then to the buttons below them
        chain = [w for row in self.rows.values() for w in (row.open, row.again)]
        chain += [self.retry_button, self.close_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- sending ----------------------------------------------------------------------------

    def publish(self) -> None:
        """Confirmed: the job is made and sent on its own thread (once, however often asked);
        at a time, scheduled instead, once the time is found right (else it says why)."""
        if self.run is not None or self.job_id is not None:
            return
        ids = [account.id for account in self.chosen]
        if self.confirm.when.later:
            when = self.confirm.when.check()
            if when is None:
                self.confirm.when.edit.setFocus()
                return
            run = publish_run.start_scheduled(
                self.store,
                self.accounts,
                self.draft,
                ids,
                when,
                destinations=self.destinations,
                draft_id=self.draft_id,
                task=self.task,
            )
        else:
            run = publish_run.start_new(
                self.store,
                self.accounts,
                self.draft,
                ids,
                self.destinations,
                draft_id=self.draft_id,
            )
        self._follow(run)
        self.pages.setCurrentIndex(1)
        if not run.scheduling:
            self._announce_start(ids)
        self._update(publish_run.Progress(run.job_id, None, offline=False))
        self.close_button.setFocus()

    def _start(self, *, retry: bool, only: Sequence[str] | None = None) -> None:
        if self.job_id is None or (self.run is not None and self.run.running):
            return
        job = self.job
        run = publish_run.start(
            self.store, self.accounts, self.job_id, self.destinations, retry=retry, only=only
        )
        self._follow(run)
        rows = job.destinations if job else ()
        sent = [row.account_id for row in rows if will_send(row, retry=retry, account_ids=only)]
        self._announce_start(sent)
        self._update(publish_run.Progress(self.job_id, job, offline=run.offline))
        self.close_button.setFocus()

    def ask_send_again(self, account_id: str) -> None:
        """A copy whose arrival is unclear goes again only once the person has looked."""
        name = self.rows[account_id].name
        text = self.tr(
            "Only send it again if the message is not on {name}. If it is there, it will "
            "appear twice."
        ).format(name=name)
        box = plain_box(self, QMessageBox.Icon.Question, self.tr("Send again?"), text)
        again = box.addButton(self.tr("Send again"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))

        def answered(_result: int) -> None:
            if box.clickedButton() is again:
                self._start(retry=True, only=[account_id])

        box.finished.connect(answered)
        box.open()

    # -- showing ----------------------------------------------------------------------------

    def refresh(self, run: publish_run.PublishRun | None = None) -> None:
        """Show the job as the store holds it now (on opening; then the run's reports)."""
        self.run = run
        failure = None
        try:
            self.job = self.store.job(self.job_id) if self.job_id is not None else None
        except StoreError as error:  # shown below; the run's next report reads again
            failure = error
        offline = run is not None and run.offline
        self._update(publish_run.Progress(self.job_id, self.job, offline, failure))

    def _follow(self, run: publish_run.PublishRun) -> None:
        """Show each step the run reports, until it ends; reports of an earlier run are old."""
        self.run = run
        run.watch(self, self._reported, self._ended)

    def _reported(self, run: publish_run.PublishRun, progress: publish_run.Progress) -> None:
        if run is self.run:
            self._update(progress)

    def _ended(self, run: publish_run.PublishRun, progress: publish_run.Progress) -> None:
        if run is self.run:
            self._update(progress, ended=True)

    def _update(self, progress: publish_run.Progress, *, ended: bool = False) -> None:
        run = self.run
        if self.job_id is None:
            self.job_id = progress.job_id
        if progress.job is not None:
            self.job = progress.job
        running = run is not None and not ended
        offline = running and progress.offline
        self._show(running, offline)
        if progress.store_error is not None:
            self.overall.setText(describe_store_error(progress.store_error))
        self._tell(running, offline, ended, run.failure if run is not None else None)
        if ended:
            self.run = None
            self._focus_next_step()
            if self.job_id is not None:
                self.finished_job.emit(self.job_id)
            if self._delete_after_run and not self.isVisible():
                self.deleteLater()

    def _show(self, running: bool, offline: bool) -> None:
        run, job = self.run, self.job
        failure = run.failure if run is not None else None
        if run is not None and run.task is not None:
            self.task_outcome = run.task
        if run is not None and run.scheduling and (running or failure is not None):
            self._show_scheduling(running, failure)
            return
        if job is not None and job.state == "scheduled" and job.scheduled_at is not None:
            self._show_scheduled(job)
            return
        heading, words, retry = overall(job, running=running, offline=offline, failure=failure)
        self.heading.setText(f"<h3>{heading}</h3>")
        self.overall.setText(words)
        if retry:
            self.retry_button.setText(retry)
        self.retry_button.setVisible(bool(retry))
        if job is None:
            if not running:  # stopped before the job was made
                for shown in self.rows.values():
                    shown.show_waiting(self.tr("Not sent."))
            return
        waiting = job.waiting_for_website()
        for row in job.destinations:
            if row.account_id in self.rows:
                own = row.account_id in waiting
                self.rows[row.account_id].show_row(row, running=running, waiting_for_site=own)

    def _show_scheduling(self, running: bool, failure: Exception | None) -> None:
        """Being scheduled, or stopped before it was (a time that passed meanwhile…)."""
        self.retry_button.hide()
        if running:
            heading = self.tr("Scheduling…")
            self.heading.setText(f"<h3>{heading}</h3>")
            self.overall.setText("")
            return
        heading = self.tr("Not scheduled")
        self.heading.setText(f"<h3>{heading}</h3>")
        if isinstance(failure, CodedError) and has_words(failure.code):
            self.overall.setText(describe_schedule_error(failure))
        elif isinstance(failure, StoreError) and failure.code == "not_found":
            self.overall.setText(describe_publish_error("account_missing"))  # removed meanwhile
        else:
            self.overall.setText(overall(None, running=False, offline=False, failure=failure)[1])
        for row in self.rows.values():
            row.show_waiting(self.tr("Not scheduled."))

    def _show_scheduled(self, job: Job) -> None:
        """When it goes out, what the person must know, and who holds each copy."""
        self.heading.setText(f"<h3>{scheduled_heading(job, self.clock.now())}</h3>")
        self.overall.setText(scheduled_summary(job, self.task_outcome))
        self.retry_button.hide()
        for row in job.destinations:
            shown = self.rows.get(row.account_id)
            if shown is None:
                continue
            if row.state == "scheduled":
                account = _account(self.accounts, row.account_id)
                shown.show_waiting(held_words(row, network_of(row, account)))
            else:  # handed over and refused unclearly, or published at once
                shown.show_row(row, running=False, waiting_for_site=False)

    # -- for a screen reader ----------------------------------------------------------------

    def _announce_start(self, account_ids: Sequence[str]) -> None:
        """These copies are being sent (again); each outcome is news once it is written."""
        self.voice.forget(JOB)
        self.voice.say(JOB, "sending", starting(len(account_ids)))

    def _tell(self, running: bool, offline: bool, ended: bool, failure: Exception | None) -> None:
        """Each change once, in the order it matters: the connection, each copy, the end."""
        voice = self.voice
        if offline:
            voice.say(JOB, "offline", no_connection())
        elif voice.state(JOB) == "offline" and (running or failure is None):
            voice.say(JOB, "sending", connection_back())
        for account_id, row in self.rows.items():
            voice.say(account_id, row.phase, row.news, urgent=row.urgent)
        if ended:
            words, urgent = spoken_outcome(self.job, failure)
            job = self.job
            if failure is None and job is not None and job.state == "scheduled":
                words = scheduled_heading(job, self.clock.now()) if job.scheduled_at else ""
            elif failure is not None and self.run is not None and self.run.scheduling:
                words, urgent = self.overall.text(), True
            voice.say(JOB, "ended", words, urgent=urgent)

    def _focus_next_step(self) -> None:
        shown = self.retry_button if self.retry_button.isVisibleTo(self) else self.close_button
        shown.setFocus()

    def done(self, result: int) -> None:
        if self.run is not None and self.run.running:
            # the job goes on: keep watching, so finished_job still comes; delete after it
            self._delete_after_run |= self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        super().done(result)


def _who_holds(
    store: Store, accounts: Accounts, destinations, draft: Draft, chosen: Sequence[Account]
) -> Mapping[str, HeldBy]:
    """Who would hold each copy until its time: asks the accounts and the post, no server.
    (A function, not a method: the confirm page keeps it, and must not keep the dialog.)"""
    from composer.core.scheduling.plan import who_holds

    publisher = publish_run.publisher(store, accounts, destinations)
    try:
        return who_holds(publisher, draft, [account.id for account in chosen])
    except StoreError:  # the accounts cannot be read now: this computer holds them all
        return {}


def _account(accounts: Accounts, account_id: str) -> Account | None:
    try:
        return accounts.get(account_id)
    except StoreError:
        return None
