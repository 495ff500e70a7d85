"""Thumbnails for the photo cards, made one at a time in the background and remembered.

Decoding a 24-megapixel photo takes long enough to freeze the window, so it never happens on
the GUI thread. The worker touches no Qt at all: it reports the thumbnail's small PNG or JPEG
bytes through tasks.py (which drops the report when the strip is gone), and the GUI thread
makes the QImage. Qt on a worker is not safe under PySide: QImage.fromData holds the GIL while
Qt's image plugins connect signals, and a GUI thread disconnecting one at that moment waits
for the GIL while holding Qt's lock: both wait for ever (seen in CI).
"""

from __future__ import annotations

import functools
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from composer.core.images.probe import ImageError
from composer.core.images.thumbs import thumbnail
from composer.ui.tasks import Lane, Report

# What a thumbnail request gives: the picture, or why the file cannot be one.
Thumb = QImage | ImageError
_REMEMBERED = 64


class Thumbnailer(QObject):
    """`request(path, side)` → later `ready(key, QImage | ImageError)` on the GUI thread."""

    ready = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        lane = Lane()
        self._state = _State(functools.partial(_start, lane, weakref.ref(self)))

    def request(self, path: Path, side: int) -> tuple[str, Thumb | None]:
        """The key under which `ready` will report, and the thumbnail if it is known already."""
        return self._state.request(path, side)

    def _delivered(self, payload: tuple[str, bytes | ImageError]) -> None:
        key, made = payload
        thumb = self._state.keep(key, _image(made))
        self.ready.emit(key, thumb)


class _State:
    """Everything the worker uses: plain Python, safe to outlive the Qt objects."""

    def __init__(self, start: Callable[[Callable[[Report], None]], object]) -> None:
        self.start = start  # runs work(report) off the GUI thread
        self.done: OrderedDict[str, Thumb] = OrderedDict()
        self.queue: OrderedDict[str, tuple[Path, int]] = OrderedDict()
        self.making: set[str] = set()  # taken off the queue, not yet kept
        self.busy = False
        self.lock = threading.Lock()

    def request(self, path: Path, side: int) -> tuple[str, Thumb | None]:
        key = _key(path, side)
        with self.lock:
            known = self.done.get(key)
            if known is not None or key in self.queue or key in self.making:
                return key, known
            self.queue[key] = (path, side)
            start, self.busy = not self.busy, True
        if start:
            self.start(self.work)
        return key, None

    def work(self, report: Report) -> None:
        while True:
            with self.lock:
                if not self.queue:
                    self.busy = False
                    return
                key, (path, side) = self.queue.popitem(last=False)
                self.making.add(key)
            report((key, _make(path, side)))

    def keep(self, key: str, thumb: Thumb) -> Thumb:
        """On the GUI thread: remember a delivered thumbnail."""
        with self.lock:
            self.making.discard(key)
            self.done[key] = thumb
            while len(self.done) > _REMEMBERED:
                self.done.popitem(last=False)
        return thumb


def _key(path: Path, side: int) -> str:
    try:
        stat = os.stat(path)
        return f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{side}"
    except OSError:
        return f"{path}|gone|{side}"


def _make(path: Path, side: int) -> bytes | ImageError:
    """On the worker: the thumbnail's bytes, no Qt."""
    if Path(path).is_dir():
        return ImageError("image_unreadable")
    try:
        return thumbnail(path, side)
    except ImageError as failure:
        return failure
    except Exception:  # any decoder may fail its own way on foreign data
        return ImageError("image_damaged")


def _image(made: bytes | ImageError) -> Thumb:
    """On the GUI thread: the QImage (a few kilobytes: no time to speak of)."""
    if isinstance(made, ImageError):
        return made
    image = QImage.fromData(made)
    return image if not image.isNull() else ImageError("image_damaged")


def _start(lane: Lane, owner: weakref.ref, work: Callable[[Report], None]) -> None:
    """On the GUI thread: run `work` in the lane, its reports to the owner. The worker holds no
    reference to the Qt object (dropping the last one there would delete it on that thread)."""
    found = owner()
    if found is not None:
        lane.run_reporting(work, found._delivered, owner=found, name="thumbnails")
