"""Copies of the person's photos inside the profile, named by the SHA-256 of their content.

A draft keeps working when the original is renamed or deleted, and the same photo used in two
drafts is stored once. Files are written to a temporary name, synced, then renamed: a crash
never leaves a half-written copy under a real name.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from composer.core import private_files

_CHUNK = 1 << 20
_NAME = re.compile(r"([0-9a-f]{64})(\.[a-z0-9]{1,8})?")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,8}")
TEMPORARY = ".partial"


@dataclass(frozen=True, slots=True)
class StoredImage:
    hash: str
    extension: str
    bytes: int


class ImageFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # path → (size, mtime, inode, image): autosave must not re-read every photo each second
        self._known: dict[str, tuple[tuple[int, int, int], StoredImage]] = {}

    def path(self, image: StoredImage) -> Path:
        return self.folder / image.hash[:2] / f"{image.hash}{image.extension}"

    def find(self, digest: str) -> StoredImage | None:
        """The copy of this content already in the profile, whatever its extension."""
        shard = self.folder / digest[:2]
        for candidate in shard.glob(f"{digest}*") if shard.is_dir() else ():
            match = _NAME.fullmatch(candidate.name)
            if match and match[1] == digest:
                return StoredImage(digest, match[2] or "", candidate.stat().st_size)
        return None

    def own(self, source: Path) -> StoredImage | None:
        """The stored image when `source` is one of this profile's copies (no need to hash)."""
        match = _NAME.fullmatch(source.name)
        if match and source.parent.parent == self.folder and source.is_file():
            return StoredImage(match[1], match[2] or "", source.stat().st_size)
        return None

    def add(self, source: Path) -> StoredImage:
        """Copy `source` in unless the same content is already here. Raises OSError."""
        own = self.own(source)
        if own:
            return own
        status = source.stat()
        key = (status.st_size, status.st_mtime_ns, status.st_ino)
        known = self._known.get(str(source))
        if known and known[0] == key and self.find(known[1].hash):
            return known[1]
        stored = self.copy(source)
        self._known[str(source)] = (key, stored)
        return stored

    def copy(self, source: Path) -> StoredImage:
        """Hash and copy `source` in one pass; an existing copy of the same content wins."""
        self.folder.mkdir(mode=private_files.FOLDER_MODE, parents=True, exist_ok=True)
        extension = source.suffix.lower() if _EXTENSION.fullmatch(source.suffix.lower()) else ""
        temporary = self.folder / f"{os.getpid()}-{time.monotonic_ns()}{TEMPORARY}"
        import hashlib  # loads OpenSSL: not at start-up, when no photo is copied

        digest = hashlib.sha256()
        try:
            writing = private_files.open_new(temporary)
            with source.open("rb") as reader, open(writing, "wb") as writer:
                while chunk := reader.read(_CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            existing = self.find(digest.hexdigest())
            if existing:
                return existing
            stored = StoredImage(digest.hexdigest(), extension, temporary.stat().st_size)
            target = self.path(stored)
            target.parent.mkdir(mode=private_files.FOLDER_MODE, exist_ok=True)
            os.replace(temporary, target)
            _sync_folder(target.parent)
            return stored
        finally:
            temporary.unlink(missing_ok=True)

    def unreferenced(self, keep: set[str], older_than: float) -> list[Path]:
        """Files no row names, left by a save that failed or crashed, once they are old enough."""
        found = []
        cutoff = time.time() - older_than
        for path in self.folder.glob("*/*") if self.folder.is_dir() else ():
            match = _NAME.fullmatch(path.name)
            if match and match[1] not in keep and path.stat().st_mtime < cutoff:
                found.append(path)
        for path in self.folder.glob(f"*{TEMPORARY}") if self.folder.is_dir() else ():
            if path.stat().st_mtime < cutoff:
                found.append(path)
        return found


def _sync_folder(folder: Path) -> None:
    # the rename itself must survive a power cut, not only the bytes
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
