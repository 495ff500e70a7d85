"""The person's changes to a scheduled message, each off the window's thread (ui/tasks.py):
cancel (the servers' copies too), another time, another text, or a late one sent now. The
core claims the job first, so the app's own due run or `publish --due` cannot send it midway.
Once nothing waits any more, the OS task that runs `publish --due` is removed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from composer.core.errors import CodedError
from composer.core.scheduling.clock import Clock, SystemClock
from composer.core.store.errors import StoreError
from composer.i18n.schedule_errors import describe_schedule_error, has_words
from composer.i18n.store_errors import describe_store_error
from composer.ui.tasks import tasks

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts
    from composer.core.drafts.draft import Draft
    from composer.core.publishing.publisher import Publisher
    from composer.core.scheduling.times import ScheduledTime
    from composer.core.store.jobs import Job
    from composer.core.store.store import Store

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
OsTask = Callable[[bool], object]  # ensure_task(wanted): installs or removes the OS task


def make_publisher(store: Store, accounts: Accounts, destinations: Any = None) -> Publisher:
    """The Publisher a change or a due run sends through (the destinations: for tests and
    scenes, as the history's)."""
    from composer.core.publishing.publisher import Publisher, publisher_for

    if destinations is None:
        return publisher_for(store, accounts)
    return Publisher(store, destinations, accounts)


def real_os_task(store: Store) -> OsTask:
    from composer.core.scheduling.task import task_for

    return task_for(store)


def failure_words(failure: Exception) -> str:
    """One line a person can act on; a server's code gets the publish words."""
    if isinstance(failure, CodedError):
        if has_words(failure.code):
            return describe_schedule_error(failure)
        from composer.i18n.publish_errors import describe_publish_error

        return describe_publish_error(failure.code, failure.details)
    if isinstance(failure, StoreError):
        return describe_store_error(failure)
    log.warning("changing a scheduled message failed", exc_info=failure)
    return translate("Scheduled", "Something went wrong; the message was not changed.")


class ScheduleActions(QObject):
    """`changed(job)` once a change is made (the job as it is now); `failed(job id, words)`."""

    changed = Signal(object)
    failed = Signal(int, str)

    def __init__(
        self,
        store: Store,
        accounts: Callable[[], Accounts],
        parent: QObject | None = None,
        *,
        destinations: Any = None,
        clock: Clock | None = None,
        os_task: OsTask | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.accounts, self.destinations = store, accounts, destinations
        self.clock = clock or SystemClock()
        self.os_task = os_task or real_os_task(store)
        self.busy: set[int] = set()  # jobs being changed now

    def cancel(self, job_id: int) -> None:
        from composer.core.scheduling import changes

        self._run(job_id, lambda publisher: changes.cancel(publisher, job_id, self.clock))

    def reschedule(self, job_id: int, when: ScheduledTime) -> None:
        from composer.core.scheduling import changes

        self._run(job_id, lambda publisher: changes.reschedule(publisher, job_id, when, self.clock))

    def change_text(self, job_id: int, draft: Draft) -> None:
        from composer.core.scheduling import changes

        self._run(
            job_id, lambda publisher: changes.change_text(publisher, job_id, draft, self.clock)
        )

    def send_now(self, job_id: int) -> None:
        from composer.core.scheduling import changes

        self._run(job_id, lambda publisher: changes.send_now(publisher, job_id, self.clock))

    def _run(self, job_id: int, change: Callable[[Publisher], Job]) -> None:
        if job_id in self.busy:
            return
        self.busy.add(job_id)
        store, accounts, destinations = self.store, self.accounts(), self.destinations
        os_task = self.os_task

        def work() -> Job:
            job = change(make_publisher(store, accounts, destinations))
            # as the store now needs it (core/scheduling/task.py): a late job moved to a new
            # time needs it again; with nothing waiting for this computer it goes
            os_task(store.computer_waits())
            return job

        def done(job: Job) -> None:
            self.busy.discard(job_id)
            self.changed.emit(job)

        def failed(failure: Exception) -> None:
            self.busy.discard(job_id)
            self.failed.emit(job_id, failure_words(failure))

        tasks().run(work, done, owner=self, failed=failed, name="schedule-change")
