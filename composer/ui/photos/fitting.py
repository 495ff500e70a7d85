"""The draft's images as each destination would get them, for the window.

`facts` is cheap enough for every keystroke: a stat per file and a peek at the fit cache. Even
reading a header is left to the background thread (a hostile file can make that crawl), before
any fitting, which takes up to seconds for a big photo; until then a file counts as not yet
examined. `updated` tells the window, on its own thread, that more images are examined or
fitted and the analysis is worth redoing. The worker touches no Qt object: it reports through
tasks.py, which drops the report when the window is gone before it finishes.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from composer.core.analysis.rules import Code, ImageFacts
from composer.core.drafts.draft import Image
from composer.core.images.cache import FitCache, fit_key
from composer.core.images.fit import fit_or_info
from composer.core.images.probe import FittedImage, ImageInfo, probe
from composer.core.platforms import Limits
from composer.ui.tasks import Lane, Report

log = logging.getLogger(__name__)

# A file as it stands on disk: (path, size, modification time in ns)
FileKey = tuple[str, int, int]
Job = tuple[FileKey, str]  # (file, fit_key of the limits)
_FITS_REMEMBERED = 40  # ten photos for four destinations; each holds its encoded bytes
_REMEMBERED = 512  # probes and failed fits kept; far more than one window ever shows


class ImageFitter(QObject):
    """Facts per keystroke on the GUI thread; fitting on one worker thread, newest first."""

    updated = Signal()

    def __init__(self, cache: FitCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._fitted: OrderedDict[Job, FittedImage] = OrderedDict()
        lane = Lane()
        self._work = _Work(
            cache,
            functools.partial(_start, lane, weakref.ref(self)),
        )
        # Four images for four destinations finish in a burst: one re-analysis for the burst.
        self._settle = QTimer(self, singleShot=True, interval=40)
        self._settle.timeout.connect(self.updated)

    def facts(self, images: Sequence[Image], limits: Limits) -> list[ImageFacts]:
        """Each image as fitted for `limits` when the worker has done it, else as probed
        (or not yet examined, until the worker has read its header).

        A fit once seen is remembered here: the cache may keep big fits on disk only, and a
        keystroke must not read them back.
        """
        key = fit_key(limits)
        facts: list[ImageFacts] = []
        for image in images:
            file, info = self._probe(image.path)
            fitted = self._fitted_for(file, key, image.path, limits, info)
            with self._work.lock:
                facts.append(fitted or self._work.outcomes.get((file, key), info))
        return facts

    def request(self, images: Sequence[Image], limits_list: Sequence[Limits]) -> None:
        """Fit, in the background, whatever of these is not fitted yet; these go first."""
        wanted = {fit_key(limits): limits for limits in limits_list}
        jobs: OrderedDict[Job, tuple[Path, Limits]] = OrderedDict()
        for image in images:
            file, info = self._probe(image.path)
            if info.error:
                continue  # the probe already says why: fitting cannot do better
            for key, limits in wanted.items():
                if self._fitted_for(file, key, image.path, limits, info) is None:
                    jobs[(file, key)] = (image.path, limits)
        if jobs:
            self._work.add(jobs)

    def _fitted_for(
        self, file: FileKey, key: str, path: Path, limits: Limits, info: ImageInfo
    ) -> FittedImage | None:
        known = self._fitted.get((file, key))
        if known is None and not info.error:
            known = self._cache.peek(path, limits)
            if known is not None:
                self._fitted[(file, key)] = known
                _trim(self._fitted, _FITS_REMEMBERED)
        return known

    def stop(self) -> None:
        """Drop what is still waiting (the window closes); the fit under way finishes."""
        with self._work.lock:
            self._work.queue.clear()
            self._work.to_probe.clear()

    @property
    def busy(self) -> bool:
        with self._work.lock:
            return self._work.busy

    def _probe(self, path: Path) -> tuple[FileKey, ImageInfo]:
        """The header as the worker read it, or, until it has, a file not yet examined."""
        try:
            stat = os.stat(path)
        except OSError:  # gone, or a drive no longer there
            return (str(path), -1, -1), ImageInfo(path, 0, error=Code.IMAGE_UNREADABLE.value)
        file = (str(path), stat.st_size, stat.st_mtime_ns)
        info = self._work.probed(file, path)
        return file, info or ImageInfo(path, stat.st_size)

    def _delivered(self, _news: None) -> None:
        self._settle.start()


class _Work:
    """The queue and what the worker learned: plain Python, safe to outlive the Qt objects."""

    def __init__(
        self, cache: FitCache, start: Callable[[Callable[[Report], None]], object]
    ) -> None:
        self.cache, self.start = cache, start  # start runs work(report) off the GUI thread
        self.queue: OrderedDict[Job, tuple[Path, Limits]] = OrderedDict()
        # Headers read (and files waiting for it: these go before any fit)
        self.probes: OrderedDict[FileKey, ImageInfo] = OrderedDict()
        self.to_probe: OrderedDict[FileKey, Path] = OrderedDict()
        # Fits that gave no file (damaged data, a type no destination takes): not tried again.
        self.outcomes: OrderedDict[Job, ImageInfo] = OrderedDict()
        self.current: Job | None = None
        self.busy = False
        self.lock = threading.Lock()

    def probed(self, file: FileKey, path: Path) -> ImageInfo | None:
        """The file's header if read; else None, and the worker is asked to read it."""
        with self.lock:
            info = self.probes.get(file)
            if info is not None or file in self.to_probe:
                return info
            self.to_probe[file] = path
            start = self._starts()
        if start:
            self._start()
        return None

    def add(self, jobs: OrderedDict[Job, tuple[Path, Limits]]) -> None:
        with self.lock:
            for job in list(jobs):
                if job in self.outcomes or job == self.current:
                    del jobs[job]
            for job, work in self.queue.items():
                jobs.setdefault(job, work)  # older requests wait behind the newest
            self.queue = jobs
            start = self._starts()
        if start:
            self._start()

    def _starts(self) -> bool:
        """Called holding the lock: whether a worker must start for what waits."""
        start = bool(self.queue or self.to_probe) and not self.busy
        self.busy = self.busy or start
        return start

    def _start(self) -> None:
        self.start(self.run)

    def run(self, report: Report) -> None:
        while True:
            with self.lock:
                if self.to_probe:
                    file, path = self.to_probe.popitem(last=False)
                    job = None
                elif not self.queue:
                    self.busy, self.current = False, None
                    return
                else:
                    job, (path, limits) = self.queue.popitem(last=False)
                    file, self.current = job[0], job
                known = self.probes.get(file)
            if known is None:
                known = self._read_header(file, path, report)
            if job is None:
                continue
            if known.error:  # the header already says why: fitting cannot do better
                with self.lock:
                    self.outcomes[job] = known
                    self.current = None
                continue
            if self.cache.peek(path, limits) is not None:
                continue  # queued twice: a request raced the fit that just finished
            try:
                result = fit_or_info(path, limits, cache=self.cache)
            except Exception:  # a decoder failing its own way must not end the worker
                log.exception("fitting %s failed", path)
                result = ImageInfo(path, 0, error=Code.IMAGE_DAMAGED.value)
            with self.lock:
                if not isinstance(result, FittedImage):
                    self.outcomes[job] = result
                    _trim(self.outcomes)
                self.current = None
            report(None)

    def _read_header(self, file: FileKey, path: Path, report: Report) -> ImageInfo:
        try:
            info = probe(path)
        except Exception:  # a decoder failing its own way must not end the worker
            log.exception("reading the header of %s failed", path)
            info = ImageInfo(path, 0, error=Code.IMAGE_DAMAGED.value)
        with self.lock:
            self.probes[file] = info
            _trim(self.probes)
        report(None)
        return info


def _trim(items: OrderedDict, most: int = _REMEMBERED) -> None:
    while len(items) > most:
        items.popitem(last=False)


def _start(lane: Lane, owner: weakref.ref, work: Callable[[Report], None]) -> None:
    """On the GUI thread: run `work` in the lane, its reports to the owner. The worker holds no
    reference to the Qt object (dropping the last one there would delete it on that thread)."""
    found = owner()
    if found is not None:
        lane.run_reporting(work, found._delivered, owner=found, name="image-fitter")
