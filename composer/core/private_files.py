"""The profile is private: its folders 0700 and its files 0600 on Linux and macOS.

The drafts database, the photo copies and the log are nobody else's business, also not that
of other accounts on a shared computer. On Windows the user's own data folder already is.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def tighten(folder: Path) -> None:
    """Take every right of others away from `folder` and all in it (an older profile, or one
    written by an older version); links are left alone, what cannot be changed is skipped."""
    if not _POSIX:
        return
    _restrict(folder, FOLDER_MODE)
    for root, folders, files in os.walk(folder):
        for name in folders:
            _restrict(Path(root, name), FOLDER_MODE)
        for name in files:
            _restrict(Path(root, name), FILE_MODE)


def create(path: Path) -> None:
    """An empty file, private from the start, unless it exists (SQLite then copies its mode
    onto the files it adds beside it)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def open_new(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """A descriptor of `path` opened for writing; when created, private."""
    return os.open(path, flags | getattr(os, "O_BINARY", 0), FILE_MODE)


def _restrict(path: Path, mode: int) -> None:
    try:
        status = os.lstat(path)
        if not stat.S_ISLNK(status.st_mode) and status.st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(status.st_mode) & mode)
    except OSError:  # not ours, or a read-only profile: it is read, not changed
        pass
