"""An unexpected error: say so in plain words, keep the draft, give support a report to copy.

install_error_dialog() replaces sys.excepthook (exceptions in Qt slots reach it) and
threading.excepthook; a worker thread's error travels to the window's thread through a signal.
"""

from __future__ import annotations

import logging
import math
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from composer.ui.errors.report import ExcInfo, build_report, describe_error, signature

if TYPE_CHECKING:
    from composer.ui.errors.window import ErrorDialog

log = logging.getLogger(__name__)

MAX_ERRORS_IN_REPORT = 5
LOGGED_IN_FULL = 3  # times the same error is logged with its traceback; then at 10, 100…


class ErrorReporter(QObject):
    """One dialog at a time; an error already shown and closed is only logged after that."""

    caught = Signal(object, str)  # ExcInfo, the thread's name ("" for the window's thread)

    def __init__(
        self,
        parent: Callable[[], QWidget | None],
        before_report: Callable[[], bool | None] | None,
        log_file: Path | None,
    ) -> None:
        super().__init__()
        self.parent_getter, self.before_report, self.log_file = parent, before_report, log_file
        self.dialog: ErrorDialog | None = None
        self.errors: list[str] = []
        self.keys: set[tuple[str, str, int]] = set()
        self.happened = 0
        self.dismissed: set[tuple[str, str, int]] = set()
        self.seen: Counter[tuple[str, str, int]] = Counter()
        self.caught.connect(self.show_error)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook, threading.excepthook = self._excepthook, self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _excepthook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt) or QCoreApplication.instance() is None:
            self._previous[0](kind, value, tb)
            return
        self.caught.emit((kind, value, tb), "")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or QCoreApplication.instance() is None:
            self._previous[1](args)
            return
        name = args.thread.name if args.thread else "?"
        self.caught.emit((args.exc_type, args.exc_value, args.exc_traceback), name)

    def show_error(self, error: ExcInfo, thread: str) -> None:
        try:
            self._show(error, thread)
        except Exception:  # the reporter must never raise into the hook that called it
            log.exception("the error dialog failed")

    def _show(self, error: ExcInfo, thread: str) -> None:
        key = signature(error)
        self._log(error, thread, key)
        if key in self.dismissed:
            return  # the same fault again (in a paint, a timer…): the log has it
        saved = self._save_draft()
        if self.dialog is None:
            from composer.ui.errors.window import ErrorDialog

            self.errors, self.keys, self.happened = [], set(), 0
            dialog = self.dialog = ErrorDialog(self.log_file, self.parent_getter())
            dialog.finished.connect(lambda _result: self._closed(dialog))
            dialog.destroyed.connect(lambda: self._closed(dialog))  # with its parent, say
        self.happened += 1
        self.keys.add(key)
        if len(self.errors) < MAX_ERRORS_IN_REPORT:
            self.errors.append(describe_error(error, thread))
        self.dialog.show_report(build_report(self.errors), self.happened, saved)
        self.dialog.show()  # not exec(): no event loop inside a hook, no dialog inside a dialog
        self.dialog.raise_()
        self.dialog.activateWindow()

    def show_fatal(self, error: ExcInfo) -> None:
        """An error before the window could open: wait until the person has read the report."""
        self.show_error(error, "")
        if self.dialog is not None and QGuiApplication.platformName() != "offscreen":
            self.dialog.closing()
            self.dialog.exec()  # offscreen nobody could close it: the log has the error

    def _save_draft(self) -> bool | None:
        if self.before_report is None:
            return None
        try:
            return self.before_report() is not False
        except Exception:
            log.exception("saving the draft before the error report failed")
            return False

    def _closed(self, dialog: ErrorDialog) -> None:
        if dialog is self.dialog:  # not a newer one, opened since
            self.dismissed |= self.keys
            self.dialog, self.keys = None, set()

    def _log(self, error: ExcInfo, thread: str, key: tuple[str, str, int]) -> None:
        # a fault in a paint repeats many times a second: it must not flood the log away
        self.seen[key] += 1
        where = f" in thread {thread}" if thread else ""
        if self.seen[key] <= LOGGED_IN_FULL:
            log.error("unexpected error%s", where, exc_info=error)
        elif math.log10(self.seen[key]).is_integer():
            log.error("the same unexpected error%s, %d times now", where, self.seen[key])


def install_error_dialog(
    parent: Callable[[], QWidget | None] = QApplication.activeWindow,
    before_report: Callable[[], bool | None] | None = None,
    log_file: Path | None = None,
) -> ErrorReporter:
    """From now on an unexpected error shows the dialog. `before_report` saves the draft
    (False: it could not); `log_file` is the path setup_logging() returned."""
    reporter = ErrorReporter(parent, before_report, log_file)
    reporter.install()
    return reporter
