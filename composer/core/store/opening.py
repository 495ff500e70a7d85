"""Opening the drafts database: durable settings, a read-only fallback, the integrity check.

A damaged file is copied aside before anything else touches it, so support can still rescue
what is inside; the original stays where it is.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from composer.core import private_files
from composer.core.store.errors import StoreError, from_os_error, from_sqlite_error

DATABASE = "omroeper.db"
QUICK_CHECK_ABOVE = 64 << 20  # a full integrity_check reads every row: too slow for big files


def connect(path: Path, *, timeout: float, writable: bool) -> tuple[sqlite3.Connection, Path]:
    """A connection; read-only profiles get one that cannot write. Returns (connection, scratch)
    where scratch is a temporary folder to remove on close (or the empty path)."""
    scratch = Path()
    if writable:
        private_files.create(path)  # SQLite gives its WAL and index files the same mode
        connection = _open(str(path), timeout, uri=False)
        connection.execute("PRAGMA journal_mode = WAL")
    elif not _holds_data(Path(f"{path}-wal")):
        # nothing waits in a WAL file: the database file alone is the whole truth
        connection = _open(f"{path.absolute().as_uri()}?immutable=1", timeout, uri=True)
    else:
        # a WAL left by a crash cannot be read from a read-only folder: read a private copy
        scratch = Path(tempfile.mkdtemp(prefix="omroeper-readonly-"))
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{path}{suffix}", scratch / f"{DATABASE}{suffix}")
        connection = _open(str(scratch / DATABASE), timeout, uri=False)
        connection.execute("PRAGMA query_only = ON")
    # NORMAL in WAL mode: a commit survives the process being killed; only a power cut can
    # undo the last commits, never corrupt the file
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection, scratch


def _open(target: str, timeout: float, *, uri: bool) -> sqlite3.Connection:
    return sqlite3.connect(
        target, timeout=timeout, isolation_level=None, check_same_thread=False, uri=uri
    )


def _holds_data(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    """Raise StoreError("damaged") with a kept copy when the file fails SQLite's own check."""
    large = path.exists() and path.stat().st_size > QUICK_CHECK_ABOVE
    try:
        rows = connection.execute("PRAGMA quick_check" if large else "PRAGMA integrity_check")
        healthy = [row[0] for row in rows.fetchall()] == ["ok"]
    except sqlite3.DatabaseError as error:
        failure = from_sqlite_error(error, path)
        if failure is None or failure.code != "damaged":
            raise
        healthy = False
    if not healthy:
        raise StoreError("damaged", {"path": str(path), "copy": str(keep_copy(path))})


def keep_copy(path: Path) -> Path:
    """Copy the database (and its WAL) aside; an identical earlier copy is reused."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for earlier in sorted(path.parent.glob(f"{path.name}.damaged-*[0-9Z]"), reverse=True):
        if _same(path, earlier) and _same(Path(f"{path}-wal"), Path(f"{earlier}-wal")):
            return earlier
    copy = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while copy.exists():
        number += 1
        copy = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    try:
        # named <copy>-wal, SQLite itself reads the WAL when support opens the copy
        if _holds_data(Path(f"{path}-wal")):
            shutil.copy2(f"{path}-wal", f"{copy}-wal")
        shutil.copy2(path, copy)
    except OSError:
        return path  # a folder that cannot be written cannot change the original either
    return copy


def _same(first: Path, second: Path) -> bool:
    """Same content; for a WAL, missing and empty are the same (nothing waits in it)."""
    if not _holds_data(first) or not _holds_data(second):
        return _holds_data(first) == _holds_data(second)
    return filecmp.cmp(first, second, shallow=False)


def is_writable(profile: Path, path: Path) -> bool:
    # os.access also answers for read-only file systems, where even root cannot write
    return os.access(profile, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def translated(error: BaseException, profile: Path) -> BaseException:
    """The StoreError a person can act on; other errors (bugs) pass through unchanged."""
    if isinstance(error, OSError):
        return from_os_error(error, profile)
    if not isinstance(error, sqlite3.Error):
        return error
    failure = from_sqlite_error(error, profile / DATABASE)
    if failure is None:
        return error
    if failure.code == "damaged":
        failure.details["copy"] = str(keep_copy(profile / DATABASE))
    return failure
