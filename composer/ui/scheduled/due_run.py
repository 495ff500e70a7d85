"""While the app is open it sends what is due: right after start (after the first paint) and
then every minute, `send_due` runs off the window's thread. It claims each job in the
database as `publish --due` does, so the app and the OS task never both send one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from composer.core.scheduling.clock import Clock, SystemClock
from composer.ui.scheduled.actions import make_publisher
from composer.ui.tasks import tasks

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts
    from composer.core.settings import Settings
    from composer.core.store.jobs import Job
    from composer.core.store.store import Store

log = logging.getLogger(__name__)
EVERY_MS = 60_000  # a scheduled time is given to the minute


class DueRuns(QObject):
    """`handled(jobs, now)` after a run that handled something: each job as it is now
    (sent, sent late, late and waiting, or with a failure waiting for the person)."""

    handled = Signal(list, object)

    def __init__(
        self,
        store: Store,
        accounts: Callable[[], Accounts],
        settings: Callable[[], Settings],
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
        destinations: Any = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.accounts, self.settings = store, accounts, settings
        self.clock = clock or SystemClock()
        self.destinations = destinations
        self.running = False
        self.timer = QTimer(self, interval=EVERY_MS)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        self.timer.start()
        self.run_now()

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        """One run, unless one is under way (a slow server must not pile runs up)."""
        if self.running or self.store.closed:
            return
        if not self.store.due_jobs(self.clock.now()):
            return  # nothing is due: the network libraries need not load for this
        self.running = True
        store, clock, destinations = self.store, self.clock, self.destinations
        accounts = self.accounts()
        grace = timedelta(minutes=self.settings().schedule_grace_minutes)

        def work() -> tuple[list[Job], datetime]:
            from composer.core.scheduling.due import send_due

            now = clock.now()
            return send_due(make_publisher(store, accounts, destinations), clock, grace=grace), now

        def done(found: tuple[list[Job], datetime]) -> None:
            self.running = False
            jobs, now = found
            if jobs:
                self.handled.emit(jobs, now)

        def failed(failure: Exception) -> None:
            self.running = False
            if not store.closed:
                log.warning("sending the due messages failed", exc_info=failure)

        tasks().run(work, done, owner=self, failed=failed, name="send-due")
