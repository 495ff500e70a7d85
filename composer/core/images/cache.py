"""Fitted images kept by (file content, limits): the preview and the publish step fit once.

An in-memory LRU, optionally backed by a folder (the profile's cache) that survives restarts.
Thread-safe: workers put results in, the window peeks from its own thread.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from composer.core.images.probe import FittedImage
from composer.core.platforms import Limits

FIT_VERSION = 1  # raise when the fitter makes different files from the same input


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def fit_key(limits: Limits) -> str:
    """Only what changes the fitted file: two destinations with the same image limits share."""
    fields = (
        FIT_VERSION,
        limits.image_bytes,
        limits.image_pixels,
        limits.image_long_side,
        sorted(limits.image_types),
    )
    return hashlib.blake2b(repr(fields).encode(), digest_size=8).hexdigest()


class FitCache:
    def __init__(self, folder: Path | None = None, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._folder = folder
        self._max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str], FittedImage] = OrderedDict()
        self._size = 0
        # (path, size, mtime) -> content digest, so a peek costs a stat, not a read
        self._digests: dict[tuple[str, int, int], str] = {}
        self._lock = threading.Lock()

    def remember(self, path: Path, stat: os.stat_result, digest: str) -> None:
        with self._lock:
            self._digests[(str(path), stat.st_size, stat.st_mtime_ns)] = digest

    def peek(self, path: Path, limits: Limits) -> FittedImage | None:
        """The fitted result if a fit of this very file is known; never fits or reads it."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        with self._lock:
            digest = self._digests.get((str(path), stat.st_size, stat.st_mtime_ns))
        found = self.get(digest, fit_key(limits)) if digest else None
        return replace(found, path=path) if found else None

    def get(self, digest: str, key: str) -> FittedImage | None:
        with self._lock:
            found = self._items.get((digest, key))
            if found is not None:
                self._items.move_to_end((digest, key))
                return found
        found = self._read(digest, key)
        if found is not None:
            self._keep((digest, key), found)
        return found

    def put(self, digest: str, key: str, fitted: FittedImage) -> None:
        fitted = replace(fitted, path=Path())
        self._keep((digest, key), fitted)
        self._write(digest, key, fitted)

    def _keep(self, item: tuple[str, str], fitted: FittedImage) -> None:
        with self._lock:
            old = self._items.pop(item, None)
            self._size -= old.bytes if old else 0
            self._items[item] = fitted
            self._size += fitted.bytes
            while self._size > self._max_bytes and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self._size -= dropped.bytes

    def _paths(self, digest: str, key: str) -> tuple[Path, Path] | None:
        if self._folder is None:
            return None
        stem = self._folder / f"{digest}-{key}"
        return stem.with_suffix(".bin"), stem.with_suffix(".json")

    def _read(self, digest: str, key: str) -> FittedImage | None:
        paths = self._paths(digest, key)
        if paths is None:
            return None
        try:
            meta = json.loads(paths[1].read_text(encoding="utf-8"))
            data = paths[0].read_bytes()
            if len(data) != meta["bytes"]:
                return None
            return FittedImage(
                Path(), data, meta["mime"], meta["width"], meta["height"], tuple(meta["warnings"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or half-written: fit again

    def _write(self, digest: str, key: str, fitted: FittedImage) -> None:
        paths = self._paths(digest, key)
        if paths is None:
            return
        meta = {
            "mime": fitted.mime,
            "width": fitted.width,
            "height": fitted.height,
            "bytes": fitted.bytes,
            "warnings": list(fitted.warnings),
        }
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(paths[0], fitted.data)
            _write_atomically(paths[1], json.dumps(meta).encode())
        except OSError:
            pass  # a cache that cannot be written only costs time


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
