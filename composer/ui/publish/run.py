"""A publish job sent off the window's thread (tasks.py), so the window never waits for a server.

One run per job in this process: a dialog opened again on a job still under way (closed and
reopened, or from the history) watches the same run instead of starting a second, which could
post twice. After each state the job's store records, and when the connection goes or comes
back, the worker reads the job and reports a `Progress`; the watching dialogs get it on the
window's thread, in order, then the last one when the run ends. Closing a dialog leaves the
run going; quitting the app stops it, and the job stays in the store to be resumed (what was
done is never sent again).

A scheduled job (`start_scheduled`) is made the same way, off the window's thread: the
copies their servers hold are handed to them now (core/scheduling/plan.py), and when this
computer holds any, the operating system's task that sends them at their time is set up
(`ensure_task`, which runs the system's scheduler tool: never on the window's thread)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from composer.core.accounts.accounts import Accounts
from composer.core.drafts.draft import Draft
from composer.core.publishing.claim import held
from composer.core.publishing.publisher import Publisher, publisher_for
from composer.core.scheduling.os_task.outcome import TaskOutcome
from composer.core.scheduling.times import ScheduledTime
from composer.core.store.jobs import Job
from composer.core.store.store import Store, StoreError
from composer.ui.tasks import alive, tasks

log = logging.getLogger(__name__)
_runs: dict[tuple[str, int], PublishRun] = {}
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Progress:
    """The job as the store holds it after a step, read on the worker's thread."""

    job_id: int | None  # None until the job is in the store
    job: Job | None  # None when not made yet, or it could not be read (`store_error`)
    offline: bool
    store_error: StoreError | None = None


# (the dialog, what it does with each report, what it does when the run ends)
Watcher = tuple[
    QObject, Callable[["PublishRun", Progress], None], Callable[["PublishRun", Progress], None]
]


class PublishRun:
    def __init__(self, store: Store, accounts: Accounts, destinations) -> None:
        self.store = store
        self.publisher = _publisher(store, accounts, destinations, self._changed)
        self.job_id: int | None = None  # known once the job is in the store
        self.failure: Exception | None = None  # a StoreError (disk full…) or a bug
        self.done = threading.Event()
        self.task: TaskOutcome | None = None  # a scheduled job's OS task, once set up
        self.scheduling = False  # a scheduled job: nothing is published, the site not told
        self._watchers: list[Watcher] = []
        self._report: Callable[[Progress], None] = lambda _progress: None
        self._reading = threading.Lock()  # reports leave in the order the store was read

    @property
    def running(self) -> bool:
        return not self.done.is_set()

    @property
    def offline(self) -> bool:
        return self.publisher.offline

    def watch(
        self,
        owner: QObject,
        progress: Callable[[PublishRun, Progress], None],
        ended: Callable[[PublishRun, Progress], None],
    ) -> None:
        """From now on, on the window's thread: `progress` after each step, `ended` once, as
        long as `owner` (the dialog) exists."""
        self._watchers.append((owner, progress, ended))

    def _changed(self) -> None:
        """On a publishing thread: the store or the connection changed; tell the watchers."""
        with self._reading:
            self._report(self._read())

    def _read(self) -> Progress:
        job_id, offline = self.job_id, self.publisher.offline and not self.done.is_set()
        if job_id is None:
            return Progress(None, None, offline)
        try:
            return Progress(job_id, self.store.job(job_id), offline)
        except StoreError as error:  # shown by the dialog; the next step reads again
            return Progress(job_id, None, offline, error)

    def _run(self, work: Callable[[], Any], report: Callable[[Progress], None]) -> Progress:
        self._report = report
        try:
            work()
        except Exception as error:  # shown in plain words by the dialog
            log.exception("publishing job %s stopped", self.job_id)
            self.failure = error
        finally:
            with _lock:
                if self.job_id is not None:
                    _runs.pop((str(self.store.path), self.job_id), None)
            with self._reading:
                self._report = lambda _progress: None
                self.done.set()
        return self._read()  # after the end: the store is final

    def _start(self, work: Callable[[], Any]) -> None:
        def run(report: Callable[[Progress], None]) -> Progress:
            return self._run(work, report)

        def reported(progress: Progress) -> None:
            self._tell(progress, ended=False)

        def ended(progress: Progress) -> None:
            self._tell(progress, ended=True)
            if self.job_id is not None and self.failure is None and not self.scheduling:
                self._tell_the_site(self.job_id)

        tasks().run_reporting(run, reported, ended, name=f"publish-{self.job_id or 'new'}")

    def _tell(self, progress: Progress, *, ended: bool) -> None:
        watchers = [watcher for watcher in self._watchers if alive(watcher[0])]
        # after the end, nothing more comes: let the dialogs go (one may be deleted on close)
        self._watchers = [] if ended else watchers
        for _owner, on_progress, on_end in watchers:
            (on_end if ended else on_progress)(self, progress)

    def _tell_the_site(self, job_id: int) -> None:
        """Step 3 after the dialogs have the result: the site hears where the copies are a
        round trip or two later, and failing to tell it is logged, not shown."""

        def failed(error: Exception) -> None:
            log.error("telling the site of job %s where the copies are stopped: %r", job_id, error)

        tasks().run(lambda: self.publisher.tell_the_site(job_id), failed=failed, name="tell-site")


def running(store: Store, job_id: int) -> PublishRun | None:
    with _lock:
        return _runs.get((str(store.path), job_id))


def running_jobs(store: Store) -> list[int]:
    """Jobs being sent now: ask before quitting (they would go on at the next start)."""
    with _lock:
        return sorted(job for path, job in _runs if path == str(store.path))


def start_new(
    store: Store,
    accounts: Accounts,
    draft: Draft,
    account_ids: Sequence[str],
    destinations=None,
    *,
    draft_id: int | None = None,
) -> PublishRun:
    """Make the job (on the thread: copying the photos takes a moment too) and send it."""
    run = PublishRun(store, accounts, destinations)

    def work() -> None:
        job_id = store.create_job(draft, account_ids, draft_id)
        with _lock:
            run.job_id = job_id
            _runs[(str(store.path), job_id)] = run
        run._changed()
        run.publisher.publish(job_id, tell=False)

    run._start(work)
    return run


def start_scheduled(
    store: Store,
    accounts: Accounts,
    draft: Draft,
    account_ids: Sequence[str],
    when: ScheduledTime,
    *,
    destinations=None,
    draft_id: int | None = None,
    task: Callable[[bool], TaskOutcome] | None = None,
) -> PublishRun:
    """Make the job that waits for `when` (its servers get their copies now), then set up
    the OS task when this computer holds a copy. `task(wanted)`: ensure_task by default."""
    from composer.core.scheduling.plan import schedule_job

    run = PublishRun(store, accounts, destinations)
    run.scheduling = True
    ensure = task or _ensure_task(store)

    def work() -> None:
        job = schedule_job(run.publisher, draft, account_ids, when, draft_id=draft_id)
        with _lock:
            run.job_id = job.id
        run._changed()
        if store.computer_waits():  # as core/scheduling/task.keep_task decides
            run.task = ensure(True)

    run._start(work)
    return run


def _ensure_task(store: Store) -> Callable[[bool], TaskOutcome]:
    from composer.core.scheduling.task import task_for

    return task_for(store)


def start(
    store: Store,
    accounts: Accounts,
    job_id: int,
    destinations=None,
    *,
    retry: bool = False,
    only: Collection[str] | None = None,
) -> PublishRun:
    """Resume the job, or with `retry` also send again what failed (see Publisher.retry).
    A run already under way for this job is returned instead of starting another."""
    with _lock:
        found = _runs.get((str(store.path), job_id))
        if found is not None:
            return found
        run = PublishRun(store, accounts, destinations)
        run.job_id = job_id
        _runs[(str(store.path), job_id)] = run
    publisher = run.publisher

    def work() -> None:
        with held(store, job_id):  # another process may be sending it: one at a time
            if retry:
                publisher.retry(job_id, only, tell=False)
            else:
                publisher.resume(job_id, tell=False)

    run._start(work)
    return run


def publisher(store: Store, accounts: Accounts, destinations=None) -> Publisher:
    """A Publisher to ask, not to send with (who would hold each copy of a scheduled job)."""
    return _publisher(store, accounts, destinations, lambda: None)


def _publisher(
    store: Store, accounts: Accounts, destinations, changed: Callable[[], None]
) -> Publisher:
    options: dict[str, Any] = {
        "wait_offline": True,
        "on_offline": lambda _offline: changed(),
        "on_written": changed,
    }
    if destinations is None:
        return publisher_for(store, accounts, **options)
    return Publisher(store, destinations, accounts, **options)
