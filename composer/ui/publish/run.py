"""A publish job sent on its own thread, so the window never waits for a server.

One run per job in this process: a dialog opened again on a job still under way (closed and
reopened, or from the history) watches the same run instead of starting a second, which could
post twice. The run reports nothing to widgets: dialogs read the store and these attributes on
a timer. Closing a dialog leaves the run going; quitting the app stops it, and the job stays
in the store to be resumed (what was done is never sent again)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Sequence
from typing import Any

from composer.core.accounts.accounts import Accounts
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import Publisher, publisher_for
from composer.core.store.store import Store

log = logging.getLogger(__name__)
_runs: dict[tuple[str, int], PublishRun] = {}
_lock = threading.Lock()


class PublishRun:
    def __init__(self, store: Store, publisher: Publisher) -> None:
        self.store = store
        self.publisher = publisher
        self.job_id: int | None = None  # known once the job is in the store
        self.failure: Exception | None = None  # a StoreError (disk full…) or a bug
        self.done = threading.Event()

    @property
    def running(self) -> bool:
        return not self.done.is_set()

    @property
    def offline(self) -> bool:
        return self.publisher.offline

    def _run(self, work: Callable[[], Any]) -> None:
        try:
            work()
        except Exception as error:  # shown in plain words by the dialog
            log.exception("publishing job %s stopped", self.job_id)
            self.failure = error
        finally:
            with _lock:
                if self.job_id is not None:
                    _runs.pop((str(self.store.path), self.job_id), None)
            self.done.set()

    def _thread(self, work: Callable[[], Any]) -> None:
        # a daemon: a job waiting for the network never holds up quitting
        name = f"publish-{self.job_id or 'new'}"
        threading.Thread(target=self._run, args=(work,), name=name, daemon=True).start()


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
    run = PublishRun(store, _publisher(store, accounts, destinations))

    def work() -> None:
        job_id = store.create_job(draft, account_ids, draft_id)
        with _lock:
            run.job_id = job_id
            _runs[(str(store.path), job_id)] = run
        run.publisher.publish(job_id)

    run._thread(work)
    return run


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
        run = PublishRun(store, _publisher(store, accounts, destinations))
        run.job_id = job_id
        _runs[(str(store.path), job_id)] = run
    publisher = run.publisher
    run._thread(lambda: publisher.retry(job_id, only) if retry else publisher.resume(job_id))
    return run


def _publisher(store: Store, accounts: Accounts, destinations) -> Publisher:
    if destinations is None:
        return publisher_for(store, accounts, wait_offline=True)
    return Publisher(store, destinations, accounts, wait_offline=True)
