"""The job's claim: the database lock (store.claim_job, jobs.claimed_by/claimed_until) that
lets one run at a time send a job, whatever the run is: `publish --due`, a change to a
scheduled job (core/scheduling), or an edit of a published one (editing.py), from the
command line or the window, in this process or another.

Of two runs claiming at the same moment one gets it; a run that crashed leaves a claim that
expires after CLAIM_FOR, so nothing stays stuck.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from composer.core.store.store import Store

__all__ = ["CLAIM_FOR", "claimed", "run_owner"]

CLAIM_FOR = timedelta(hours=1)  # longer than any run; a crashed run's claim expires


def run_owner() -> str:
    """Who claims: this run of this process on this computer (for support; the claim's
    expiry rules). Each call is another run: two in one process (the window's threads) are
    two owners, so neither can release the other's claim."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@contextmanager
def claimed(store: Store, job_id: int, now: datetime, owner: str) -> Iterator[bool]:
    """Whether `owner` got the job's claim, held for the block and released after it; a
    crash leaves it to expire after CLAIM_FOR."""
    got = store.claim_job(job_id, owner, now, now + CLAIM_FOR)
    try:
        yield got
    finally:
        if got:
            store.release_job(job_id, owner)
