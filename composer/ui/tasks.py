"""The one way the window runs work off its own thread (modelled on Anki's aqt/taskman.py).

Work runs on a small pool of worker threads; its result, its failure and any progress it
reports come back on the GUI thread as closures queued through one signal of one object that
lives as long as the app, in the order they were sent. Workers never touch widgets.

A callback asked for by a widget (`owner`) that has been deleted by then is dropped: Qt
deletes on the GUI thread, and the check is made there, just before the call, so it cannot
race. `Lane` runs work one at a time, in the order given, for callers whose work must not
overlap (the photo fitter, the thumbnails).

Daemon threads of our own rather than concurrent.futures: an executor's threads are joined
when Python exits, so a browser sign-in still waiting, or a message waiting for the network,
would hold up quitting; here they never do (the job stays in the store and resumes).
"""

from __future__ import annotations

import functools
import itertools
import logging
import sys
import threading
from collections import deque
from collections.abc import Callable
from queue import SimpleQueue
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)

R = TypeVar("R")
P = TypeVar("P")
Report = Callable[[Any], None]  # what a reporting worker calls with each progress report
_PROGRESS, _DONE, _FAILED = "progress", "done", "failed"
MOST_WORKERS = 8  # publish jobs and a sign-in may wait long; the rest is short


class Handle:
    """A piece of work sent to the pool: `wait` until the worker is through with it (tests,
    quitting); the callbacks may still be on their way to the GUI thread."""

    def __init__(self) -> None:
        self._finished = threading.Event()

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)


class Tasks(QObject):
    """Runs work in the pool; results, failures and progress arrive on the GUI thread."""

    _pending = Signal()

    def __init__(self, most_workers: int = MOST_WORKERS) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._closures: deque[Callable[[], None]] = deque()
        self._jobs: SimpleQueue[Callable[[], None] | None] = SimpleQueue()
        self._most, self._threads, self._idle, self._waiting = most_workers, 0, 0, 0
        self._closed = False
        self._tickets = itertools.count()
        # on the GUI thread only: ticket -> (owner, progress, done, failed)
        self._waiting_for: dict[int, tuple[Any, Any, Any, Any]] = {}
        self._pending.connect(self._run_pending, Qt.ConnectionType.QueuedConnection)

    # -- for callers ------------------------------------------------------------------------

    def run(
        self,
        work: Callable[[], R],
        done: Callable[[R], None] | None = None,
        *,
        owner: QObject | None = None,
        failed: Callable[[Exception], None] | None = None,
        name: str = "",
    ) -> Handle:
        """`work()` in the pool; then `done(result)` or `failed(error)` on the GUI thread, unless
        `owner` is gone. Without `failed`, the error is raised there (the error dialog)."""
        return self._submit(
            self.job(lambda _report: work(), None, done=done, failed=failed, owner=owner, name=name)
        )

    def run_reporting(
        self,
        work: Callable[[Callable[[P], None]], R],
        progress: Callable[[P], None],
        done: Callable[[R], None] | None = None,
        *,
        owner: QObject | None = None,
        failed: Callable[[Exception], None] | None = None,
        name: str = "",
    ) -> Handle:
        """As `run`; `work(report)` may call `report(x)` from its thread, any number of times,
        and `progress(x)` follows on the GUI thread, in order, each before `done`."""
        return self._submit(
            self.job(work, progress, done=done, failed=failed, owner=owner, name=name)
        )

    def on_main(self, closure: Callable[[], None], owner: QObject | None = None) -> None:
        """Call `closure` on the GUI thread soon (from any thread), unless `owner` is gone."""
        self._post(closure, owner)

    def shutdown(self) -> None:
        """At exit: nothing more is delivered or started; idle workers end. A worker still
        busy ends with the process (daemon)."""
        with self._lock:
            self._closed = True
            self._closures.clear()
            self._waiting_for.clear()
            threads = self._threads
        for _ in range(threads):
            self._jobs.put(None)

    # -- inside -----------------------------------------------------------------------------

    def job(
        self,
        work: Callable[[Callable[[Any], None]], Any],
        progress: Callable[[Any], None] | None,
        *,
        done: Callable[[Any], None] | None,
        failed: Callable[[Exception], None] | None,
        owner: QObject | None,
        name: str,
    ) -> tuple[Handle, Callable[[], None]]:
        """The function a worker thread calls, and its handle (for `Lane` too). Called on the
        GUI thread: the callbacks (and the owner) stay here, in `_waiting_for`, so the last
        reference to a widget is never dropped on a worker thread (that deletes it there)."""
        handle = Handle()
        ticket = next(self._tickets)
        self._waiting_for[ticket] = (owner, progress, done, failed)

        def report(value: Any) -> None:
            self._post(functools.partial(self._deliver, ticket, _PROGRESS, value))

        def run_it() -> None:
            thread = threading.current_thread()
            own_name, thread.name = thread.name, name or thread.name
            try:
                try:
                    result = work(report)
                except Exception as error:  # delivered to the GUI thread, never lost here
                    self._post(functools.partial(self._deliver, ticket, _FAILED, error))
                else:
                    self._post(functools.partial(self._deliver, ticket, _DONE, result))
            finally:
                thread.name = own_name
                handle._finished.set()

        return handle, run_it

    def _submit(self, job: tuple[Handle, Callable[[], None]]) -> Handle:
        handle, run_it = job
        with self._lock:
            if self._closed:
                return handle
            self._waiting += 1
            start = self._waiting > self._idle and self._threads < self._most
            if start:
                self._threads += 1
                number = self._threads
        if start:
            threading.Thread(target=self._worker, name=f"worker-{number}", daemon=True).start()
        self._jobs.put(run_it)
        return handle

    def _worker(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            job = self._jobs.get()
            with self._lock:
                self._idle -= 1
                if job is None:
                    self._threads -= 1
                    return
                self._waiting -= 1
            job()

    def _post(self, closure: Callable[[], None], owner: QObject | None = None) -> None:
        with self._lock:  # emitted under the lock: after shutdown() nothing is queued
            if self._closed:
                return
            self._closures.append(closure if owner is None else _for(owner, closure))
            self._pending.emit()

    def _deliver(self, ticket: int, kind: str, value: Any) -> None:
        """On the GUI thread: the callback for what the worker sent, unless its owner is gone."""
        found = self._waiting_for.get(ticket)
        if kind != _PROGRESS:
            self._waiting_for.pop(ticket, None)
        if found is None:
            return
        owner, progress, done, failed = found
        if owner is not None and not isValid(owner):
            return  # deleted (a dialog closed): nobody is left to tell
        if kind == _PROGRESS and progress is not None:
            progress(value)
        elif kind == _DONE and done is not None:
            done(value)
        elif kind == _FAILED:
            _fail(value, failed)

    def _run_pending(self) -> None:
        while True:
            with self._lock:
                if not self._closures:
                    return
                closure = self._closures.popleft()
            try:
                closure()
            except Exception:  # one caller's bug must not drop the others' deliveries
                sys.excepthook(*sys.exc_info())


class Lane:
    """Work that must not overlap: one piece at a time, in the order given, on the pool."""

    def __init__(self, tasks: Tasks | None = None) -> None:
        self._tasks = tasks
        self._lock = threading.Lock()
        self._queue: deque[Callable[[], None]] = deque()
        self._busy = False

    def run(
        self,
        work: Callable[[], R],
        done: Callable[[R], None] | None = None,
        *,
        owner: QObject | None = None,
        failed: Callable[[Exception], None] | None = None,
        name: str = "",
    ) -> Handle:
        job = self._manager().job(
            lambda _report: work(), None, done=done, failed=failed, owner=owner, name=name
        )
        return self._add(job)

    def run_reporting(
        self,
        work: Callable[[Callable[[P], None]], R],
        progress: Callable[[P], None],
        done: Callable[[R], None] | None = None,
        *,
        owner: QObject | None = None,
        failed: Callable[[Exception], None] | None = None,
        name: str = "",
    ) -> Handle:
        return self._add(
            self._manager().job(work, progress, done=done, failed=failed, owner=owner, name=name)
        )

    def _manager(self) -> Tasks:
        if self._tasks is None:
            self._tasks = tasks()
        return self._tasks

    def _add(self, job: tuple[Handle, Callable[[], None]]) -> Handle:
        handle, run_it = job
        with self._lock:
            self._queue.append(run_it)
            start, self._busy = not self._busy, True
        if start:
            self._manager()._submit((Handle(), self._drain))
        return handle

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._busy = False
                    return
                run_it = self._queue.popleft()
            run_it()


def _for(owner: QObject, closure: Callable[[], None]) -> Callable[[], None]:
    def if_alive() -> None:
        if isValid(owner):  # deleted (a dialog closed): nobody is left to tell
            closure()

    return if_alive


def _fail(error: Exception, failed: Callable[[Exception], None] | None) -> None:
    if failed is None:
        raise error
    failed(error)


def alive(owner: QObject) -> bool:
    """Whether a QObject still exists (its C++ side not deleted): for callers that keep
    listeners of their own, such as a publish run's dialogs."""
    return isValid(owner)


_tasks: Tasks | None = None


def tasks() -> Tasks:
    """The app's task runner; first asked for on the GUI thread (a window part's constructor),
    so it lives there and its deliveries are queued to that thread."""
    global _tasks  # noqa: PLW0603 (one per process, on purpose: it outlives every window)
    if _tasks is None:
        _tasks = Tasks()
    return _tasks


def shutdown() -> None:
    """At exit, if anything was ever run: see Tasks.shutdown."""
    global _tasks  # noqa: PLW0603
    if _tasks is not None:
        _tasks.shutdown()
        _tasks = None
