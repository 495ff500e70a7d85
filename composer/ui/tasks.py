"""The one way the window runs blocking work: on a thread, its result delivered back on the
window's thread through a signal. Workers never touch widgets."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class Runner(QObject):
    """Runs blocking work on a thread; `then(result, failure)` is called on the GUI thread.

    Daemon threads: a sign-in still waiting for the browser never holds up quitting.
    """

    _done = Signal(object, object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._done.connect(lambda then, result, failure: then(result, failure))

    def run(self, work: Callable[[], Any], then: Callable[[Any, Any], None]) -> None:
        def job() -> None:
            try:
                result, failure = work(), None
            except Exception as error:  # delivered to the window, never raised in a thread
                result, failure = None, error
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                self._done.emit(then, result, failure)

        threading.Thread(target=job, name="connect", daemon=True).start()
