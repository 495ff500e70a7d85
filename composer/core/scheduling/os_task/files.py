"""The task's files: written only when their content changes (so a task that is already right is
left alone), atomically (a crash leaves the old file or the new one), removed if there."""

from __future__ import annotations

import os
from pathlib import Path

from composer.core.scheduling.os_task.outcome import OsTaskError


def write_if_changed(path: Path, content: bytes) -> bool:
    """True when the file was written (it was missing or different)."""
    try:
        if path.is_file() and path.read_bytes() == content:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        # one partial file per process: the app and a `--due` run may both install at once
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            partial.write_bytes(content)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)  # nothing left behind when it failed half-way
    except OSError as error:
        raise OsTaskError("io_error", {"path": str(path), "errno": error.errno}) from None
    return True


def remove(path: Path) -> bool:
    """True when there was a file to remove."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise OsTaskError("io_error", {"path": str(path), "errno": error.errno}) from None
    return True
