"""Connecting an account off the window's thread, for the Accounts dialog.

Each attempt's work runs in the pool (tasks.py) and only the latest attempt's outcome comes
back: an attempt the person cancelled or left is dropped. A browser sign-in waits for the
server's redirect on a worker too; ending it wakes that worker and frees the loopback port.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from composer.core.accounts.account import Connected
from composer.ui.tasks import tasks

SIGN_IN_WAIT = 600  # seconds the browser sign-in may take


class Connecting(QObject):
    """Runs connecting work; `then(result, failure)` gets the current attempt's outcome on the
    window's thread: a Connected, a browser sign-in that has begun, or the failure."""

    def __init__(self, parent: QObject, then: Callable[[Any, Exception | None], None]) -> None:
        super().__init__(parent)
        self.then = then
        self.sign_in: Any = None  # a browser sign-in in progress
        self.attempt = 0  # results of an abandoned attempt are dropped

    def run(self, work: Callable[[], Any]) -> None:
        """A new attempt: `work` connects, or begins a browser sign-in."""
        self.attempt += 1
        self._run(work)

    def finish_sign_in(self, code: str) -> Callable[[], Connected]:
        """The work that finishes an out-of-band sign-in with the code the person pasted."""
        from composer.core.destinations.mastodon import connect as mastodon

        sign_in = self.sign_in
        return lambda: mastodon.finish_sign_in(sign_in, code)

    def wait_for_redirect(self) -> None:
        """Within the same attempt: the browser's redirect brings the code, then it finishes."""
        from composer.core.destinations.mastodon import connect as mastodon

        sign_in = self.sign_in

        def wait_and_finish() -> Connected:
            code = mastodon.wait_for_redirect(sign_in, timeout=SIGN_IN_WAIT)
            return mastodon.finish_sign_in(sign_in, code)

        self._run(wait_and_finish)

    def _run(self, work: Callable[[], Any]) -> None:
        attempt = self.attempt
        tasks().run(
            work,
            lambda result: self._finished(attempt, result, None),
            owner=self,
            failed=lambda failure: self._finished(attempt, None, failure),
            name="connect",
        )

    def _finished(self, attempt: int, result: Any, failure: Exception | None) -> None:
        if attempt != self.attempt:
            return  # abandoned: cancelled, or the dialog went back
        if failure is None and not isinstance(result, Connected):
            self.sign_in = result  # the server knows Omroeper now: the browser comes next
        self.then(result, failure)

    def abandon(self) -> None:
        self.attempt += 1
        self.end_sign_in()

    def end_sign_in(self) -> None:
        if self.sign_in is not None:
            sign_in, self.sign_in = self.sign_in, None
            if sign_in.listener is not None:
                with contextlib.suppress(OSError):  # wake a waiting worker, so that it stops now
                    socket.create_connection(sign_in.listener.getsockname(), timeout=1).close()
            sign_in.close()  # frees the loopback port
