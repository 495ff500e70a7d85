"""The job's claim: the database lock (store.claim_job, jobs.claimed_by/claimed_until) that
lets one run at a time send a job, whatever the run is: `publish --due`, a change to a
scheduled job (core/scheduling), or an edit of a published one (editing.py), from the
command line or the window, in this process or another.

Of two runs claiming at the same moment one gets it; a run that crashed leaves a claim that
expires after CLAIM_FOR, so nothing stays stuck. Sooner on this computer: a claim whose
process has ended (the app was killed, the computer restarted) is taken over at once, so a
message cut short goes on at the next start, not an hour later.
"""

from __future__ import annotations

import os
import socket
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from composer.core.errors import CodedError
from composer.core.store.store import Store

__all__ = ["BUSY", "CLAIM_FOR", "claimed", "held", "run_owner"]

BUSY = "job_busy"  # {job}: another run holds the job right now: nothing was sent

CLAIM_FOR = timedelta(hours=1)  # longer than any run; a crashed run's claim expires


def run_owner() -> str:
    """Who claims: this run of this process on this computer (for support; the claim's
    expiry rules). Each call is another run: two in one process (the window's threads) are
    two owners, so neither can release the other's claim."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@contextmanager
def claimed(store: Store, job_id: int, now: datetime, owner: str) -> Iterator[bool]:
    """Whether `owner` got the job's claim, held for the block and released after it; a
    crash leaves it to expire after CLAIM_FOR, or to be taken over once its process is
    known to have ended."""
    got = store.claim_job(job_id, owner, now, now + CLAIM_FOR)
    if not got and (holder := store.claim_holder(job_id)) and ended(holder):
        got = store.claim_job(job_id, owner, now, now + CLAIM_FOR, gone=holder)
    try:
        yield got
    finally:
        if got:
            store.release_job(job_id, owner)


@contextmanager
def held(store: Store, job_id: int, busy: str = BUSY) -> Iterator[None]:
    """The job's claim for this run, for the block: CodedError `busy` {job} when another run
    holds it (StoreError `not_found` for an unknown job)."""
    with claimed(store, job_id, datetime.now(UTC), run_owner()) as got:
        if not got:
            store.job(job_id)  # an unknown job is `not_found`, not busy
            raise CodedError(busy, {"job": job_id})
        yield


def ended(owner: str) -> bool:
    """Whether the run that claimed as `owner` has certainly ended: its process, on this
    computer, is gone. Another computer's run (a shared profile folder) is never assumed
    ended: its claim expires."""
    parts = owner.rsplit(":", 2)  # host:pid:run, see run_owner
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isascii():
        return False
    if not parts[1].isdecimal() or not 0 < int(parts[1]) < 2**31:
        return False
    pid = int(parts[1])
    try:
        return pid != os.getpid() and not _running(pid)
    except (OSError, OverflowError, ValueError):  # unsure: it may still run
        return False


def _running(pid: int) -> bool:
    if sys.platform == "win32":
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether it exists
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def _running_on_windows(pid: int) -> bool:
    """OpenProcess + GetExitCodeProcess (os.kill would terminate it on Windows)."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == 259)  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
