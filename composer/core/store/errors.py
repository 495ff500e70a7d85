"""Why the drafts database could not do what was asked: a stable code and the facts behind it.

The words are the UI's and the command line's business; these only carry codes and details.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from composer.core.errors import CodedError

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
# SQLite primary result codes (the low byte of the extended code)
_SQLITE_CODES = {
    5: "locked",  # SQLITE_BUSY: another process holds the write lock past the timeout
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    26: "damaged",  # SQLITE_NOTADB
}


class StoreError(CodedError):
    """codes: damaged (path, copy), read_only (path), disk_full (path), locked (path),
    newer_version (version, supported), not_found (id), image_missing (position, path),
    io_error (path, reason)."""


def from_os_error(error: OSError, path: Path) -> StoreError:
    if error.errno in _DISK_FULL:
        return StoreError("disk_full", {"path": str(path)})
    if error.errno in _READ_ONLY:
        return StoreError("read_only", {"path": str(path)})
    return StoreError("io_error", {"path": str(path), "reason": error.strerror or str(error)})


def from_sqlite_error(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The StoreError for a failure of the disk or the file; None for a programming error."""
    number = getattr(error, "sqlite_errorcode", None)
    if number is None:
        return None
    code = _SQLITE_CODES.get(number & 0xFF)
    if code:
        return StoreError(code, {"path": str(path)})
    if number & 0xFF in (10, 14):  # SQLITE_IOERR, SQLITE_CANTOPEN
        return StoreError("io_error", {"path": str(path), "reason": str(error)})
    return None
