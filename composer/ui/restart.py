"""Start Omroeper again, as it was started: a new interface language takes effect that way."""

from __future__ import annotations

import logging
import os
import sys
import threading

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_requested = threading.Event()


def restart() -> bool:
    """Close the windows (each saves its draft) and quit; run_window starts the new process
    once the drafts database is closed. False when a window stayed open (the person chose)."""
    QApplication.closeAllWindows()
    if any(widget.isVisible() for widget in QApplication.topLevelWidgets()):
        return False
    _requested.set()
    QApplication.quit()
    return True


def requested() -> bool:
    return _requested.is_set()


def relaunch() -> bool:
    """The same program with the same arguments, e.g. `python -m composer --profile DIR`."""
    from PySide6.QtCore import QProcess

    frozen = getattr(sys, "frozen", False)  # an installed build: the program is the app itself
    arguments = sys.argv[1:] if frozen else sys.orig_argv[1:]
    started, _pid = QProcess.startDetached(sys.executable, arguments, os.getcwd())
    if not started:
        log.error("could not start Omroeper again: %s %s", sys.executable, arguments)
    _requested.clear()
    return started
