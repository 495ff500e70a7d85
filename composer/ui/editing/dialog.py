"""Publishing the changes to a message already online: first what will happen to each copy
(the website's page keeps its address, a network changes its post where it is, Bluesky stays
as it was unless the person chooses to post it again), then each copy's progress and outcome.

The edit runs off the window's thread (ui/tasks.py) through core/publishing/editing.py: made
once with a key per copy, so "Try again", a second click or a restart never changes a copy
twice. Closing the dialog while it runs only hides it: `finished_edit` still comes."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.accounts import Accounts
from composer.core.drafts.draft import Draft
from composer.core.publishing.destination import Capabilities
from composer.core.publishing.editing import Editor
from composer.core.store.edits import Edit
from composer.core.store.jobs import Job
from composer.core.store.store import Store
from composer.ui.common.announce import Announcer
from composer.ui.common.local_time import moment_text
from composer.ui.common.progress_page import ProgressPage
from composer.ui.editing import words
from composer.ui.editing.rows import EditRow
from composer.ui.publish import run as publish_run
from composer.ui.publish.confirm import first_line
from composer.ui.publish.rows import destination_name
from composer.ui.tasks import tasks

JOB = "*"  # the Announcer's topic for the edit as a whole


class EditDialog(QDialog):
    """`draft`: the changed message, confirmed first; `number`: an edit cut short (the app
    closed or crashed), sent on at once, as it was chosen."""

    finished_edit = Signal(int, bool)  # the job; whether every copy is as the person asked

    def __init__(
        self,
        store: Store,
        accounts: Accounts,
        job_id: int,
        draft: Draft | None,
        parent: QWidget | None = None,
        *,
        destinations=None,
        number: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.job_id, self.draft, self.number = store, job_id, draft, number
        self.publisher = publish_run.publisher(store, accounts, destinations)
        self.edit: Edit | None = store.edit(job_id, number) if number is not None else None
        self.running = False
        self.failure: Exception | None = None
        self._delete_after_run = False
        self.voice = Announcer(self)
        job = store.job(job_id)
        if self.edit is not None:
            self.copies = [job.destination(copy.account_id) for copy in self.edit.copies]
        else:
            self.copies = job.copies_online()
        ids = [row.account_id for row in self.copies]
        found = {account_id: self.publisher.resolve(account_id) for account_id in ids}
        self.capabilities: dict[str, Capabilities | None] = {}
        self.names: dict[str, str] = {}
        for row in self.copies:
            account, destination = found[row.account_id] or (None, None)
            self.names[row.account_id] = destination_name(row.kind, account)
            self.capabilities[row.account_id] = destination.capabilities if destination else None
        self.setWindowTitle(self.tr("Publish the changes"))
        self.resize(640, 460)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._confirm_page(job))
        self.pages.addWidget(self._progress_page())
        QVBoxLayout(self).addWidget(self.pages)
        self.publish_button.setFocus()

    # -- before: what happens to each copy ------------------------------------------------

    def _confirm_page(self, job: Job) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setSpacing(6)
        question = self.tr("Publish the changes?")
        layout.addWidget(QLabel(f"<h3>{question}</h3>", page))
        intro = self.tr("The message published on {date}, now:").format(
            date=moment_text(job.created)
        )
        message = self.tr("“{line}”").format(line=first_line(self.draft or job.draft))
        for text in (intro, message):
            layout.addWidget(self._plain(text, page))
        layout.addSpacing(8)
        layout.addWidget(self._plain(self.tr("What happens to each copy:"), page))
        self.plan: dict[str, QLabel] = {}
        for row in self.copies:
            self.plan[row.account_id] = label = self._plain("", page)
            label.setIndent(12)  # under the sentence above, wrapped lines too
            layout.addWidget(label)
        self.repost_box: QCheckBox | None = None
        if any(found and found.replaces_instead for found in self.capabilities.values()):
            self.repost_box = QCheckBox(words.repost_choice(), page)
            self.repost_box.toggled.connect(self._show_plan)
            layout.addSpacing(4)
            layout.addWidget(self.repost_box)
        layout.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.reject)
        self.publish_button = QPushButton(self.tr("&Publish changes"), page)
        self.publish_button.setDefault(True)
        self.publish_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.publish_button)
        layout.addLayout(buttons)
        self._show_plan()
        return page

    def _plain(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names and titles come from outside
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def repost(self) -> bool:
        return self.repost_box is not None and self.repost_box.isChecked()

    def _show_plan(self) -> None:
        for account_id, label in self.plan.items():
            happens = words.what_happens(self.capabilities[account_id], repost=self.repost)
            label.setText(f"•  {self.names[account_id]}: {happens}")

    # -- sending, and how far it is ---------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = ProgressPage(self)
        self.heading, self.overall = page.heading, page.overall
        self.rows: dict[str, EditRow] = {}
        for position, row in enumerate(self.copies):
            shown = EditRow(row.account_id, self.names[row.account_id], page.rows)
            page.rows_layout.insertWidget(position, shown)
            self.rows[row.account_id] = shown
        self.retry_button, self.close_button = page.retry_button, page.close_button
        self.retry_button.setText(self.tr("&Try again"))
        self.retry_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.accept)
        chain = [shown.open for shown in self.rows.values()]
        for before, after in itertools.pairwise([*chain, self.retry_button, self.close_button]):
            QWidget.setTabOrder(before, after)
        return page

    def start(self) -> None:
        """Send the change (or what is unfinished of it) on a worker thread; once at a time."""
        if self.running:
            return
        self.running, self.failure = True, None
        self.pages.setCurrentIndex(1)
        self.voice.forget(JOB, *self.rows)  # sent again: each outcome is news again
        self._show()
        self.voice.say(JOB, "going", words.going(len(self.copies)))
        store, publisher, job_id = self.store, self.publisher, self.job_id
        draft, number, repost = self.draft, self.number, self.repost

        def work(report) -> Edit:
            def written() -> None:  # each state the store records, once the edit is made
                if editor.number is not None:
                    report(store.edit(job_id, editor.number))

            editor = Editor(publisher, on_written=written)
            if number is not None:  # cut short, or tried again: the same edit, its keys
                return editor.apply(job_id, number, repost_bluesky=repost)
            assert draft is not None  # a new change has its draft
            return editor.edit(job_id, draft, repost_bluesky=repost)

        tasks().run_reporting(
            work,
            self._progress,
            self._ended,
            owner=self,
            failed=self._failed,
            name=f"edit-{job_id}",
        )

    def _progress(self, edit: Edit) -> None:
        self.edit, self.number = edit, edit.number
        if self.running:
            self._show()

    def _ended(self, edit: Edit) -> None:
        self.edit, self.number = edit, edit.number
        self._end()

    def _failed(self, failure: Exception) -> None:
        self.failure = failure
        self._end()

    def _end(self) -> None:
        self.running = False
        self._show()
        heading, sentence, _again = words.overall(self.edit, running=False, failure=self.failure)
        self.voice.say(JOB, "ended", f"{heading}. {sentence}", urgent=self.failure is not None)
        shown = self.retry_button if self.retry_button.isVisibleTo(self) else self.close_button
        shown.setFocus()
        self.finished_edit.emit(self.job_id, self.complete)
        if self._delete_after_run and not self.isVisible():
            self.deleteLater()

    @property
    def complete(self) -> bool:
        """Every copy changed, or left as it was for a reason no retry changes."""
        edit = self.edit
        if self.failure is not None or edit is None:
            return False
        return edit.finished and not any(copy.state == "failed" for copy in edit.copies)

    def _show(self) -> None:
        edit, running = self.edit, self.running
        heading, sentence, again = words.overall(edit, running=running, failure=self.failure)
        self.heading.setText(f"<h3>{heading}</h3>")
        self.overall.setText(sentence)
        self.retry_button.setVisible(again and not running)
        for account_id, shown in self.rows.items():
            if edit is None:
                shown.show_waiting(self.tr("Waiting…") if running else self.tr("Not changed."))
                continue
            shown.show_copy(edit.copy(account_id), running=running)
            self.voice.say(account_id, shown.phase, shown.news, urgent=shown.urgent)

    def done(self, result: int) -> None:
        if self.running:  # the edit goes on: keep the dialog, so finished_edit still comes
            self._delete_after_run |= self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        super().done(result)
